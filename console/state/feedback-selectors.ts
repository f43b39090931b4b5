import type { FeedbackFilter, FeedbackItem } from '../../protocol/types';
import type { FeedbackState, FeedbackView } from './feedback-types';

/** The view before the agent chooses one: new feedback of every kind. */
export const DEFAULT_VIEW: FeedbackView = { status: 'new', category: null, unhappy: false, page: '' };

/** Whether an item belongs in a view, by the same rules as the server's `feedback:list`. */
export function matchesView(item: FeedbackItem, view: FeedbackView): boolean {
  if (view.status !== 'all' && item.status !== view.status) return false;
  if (view.category && item.category !== view.category) return false;
  if (view.unhappy && (item.rating === null || item.rating > 2)) return false;
  if (view.page && !(item.pageUrl ?? '').includes(view.page)) return false;
  if (view.siteId && item.siteId !== view.siteId) return false;
  return true;
}

/** Whether two views ask for the same list. */
export function sameView(a: FeedbackView, b: FeedbackView): boolean {
  return (
    a.status === b.status &&
    a.category === b.category &&
    a.unhappy === b.unhappy &&
    a.page === b.page &&
    (a.siteId ?? null) === (b.siteId ?? null)
  );
}

/** The `feedback:list` request for a view, without empty fields. */
export function toFilter(view: FeedbackView): FeedbackFilter {
  const filter: FeedbackFilter = { status: view.status };
  if (view.category) filter.category = view.category;
  if (view.unhappy) filter.unhappy = true;
  if (view.page) filter.page = view.page;
  if (view.siteId) filter.siteId = view.siteId;
  return filter;
}

/** Newest first, ties by id descending: the server's list order, so older pages join at the end. */
export function byNewest(a: FeedbackItem, b: FeedbackItem): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** The items of the current view, newest first. */
export function visibleFeedback(state: Pick<FeedbackState, 'items' | 'view'>): FeedbackItem[] {
  return Object.values(state.items)
    .filter((f) => matchesView(f, state.view))
    .sort(byNewest);
}

/**
 * How much feedback nobody has handled yet, for the navigation's badge: the server's count,
 * or until it has answered, the new items the console holds.
 */
export function newFeedbackCount(state: Pick<FeedbackState, 'items' | 'newCount'>): number {
  if (state.newCount !== null) return state.newCount;
  let n = 0;
  for (const f of Object.values(state.items)) if (f.status === 'new') n++;
  return n;
}
