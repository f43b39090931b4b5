import { FEEDBACK_CATEGORIES, FEEDBACK_STATUSES, type FeedbackCategory } from '../../protocol/types';
import type { SiteSettings } from '../../protocol/types';
import { SiteFilter } from '../app/site-filter';
import type { FeedbackView } from '../state/feedback-types';
import { CATEGORY_LABEL, STATUS_LABEL } from './labels';

export interface FeedbackFiltersProps {
  view: FeedbackView;
  /** With more than one, a site filter too. */
  sites?: SiteSettings[] | null;
  onView(view: FeedbackView): void;
}

/** Status, category, unhappy-only and page filters of the feedback list. */
export function FeedbackFilters({ view, sites = null, onView }: FeedbackFiltersProps) {
  const set = (patch: Partial<FeedbackView>) => onView({ ...view, ...patch });
  return (
    <form class="fb-filters" role="search" aria-label="Filter feedback" onSubmit={(e) => e.preventDefault()}>
      <label class="fb-filter">
        <span>Status</span>
        <select value={view.status} onChange={(e) => set({ status: e.currentTarget.value as FeedbackView['status'] })}>
          {FEEDBACK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
          <option value="all">All</option>
        </select>
      </label>
      <label class="fb-filter">
        <span>Category</span>
        <select value={view.category ?? ''} onChange={(e) => set({ category: (e.currentTarget.value || null) as FeedbackCategory | null })}>
          <option value="">All categories</option>
          {FEEDBACK_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABEL[c]}
            </option>
          ))}
        </select>
      </label>
      <label class="fb-filter fb-toggle" title="Only ratings of 1 or 2">
        <input
          type="checkbox"
          checked={view.unhappy}
          onChange={(e) => set({ unhappy: e.currentTarget.checked })}
          aria-describedby="fb-unhappy-hint"
        />
        <span>Unhappy</span>
      </label>
      <span id="fb-unhappy-hint" class="sr-only">
        Only ratings of 1 or 2
      </span>
      <label class="fb-filter fb-page-filter">
        <span>Page contains</span>
        <input type="search" value={view.page} placeholder="/checkout" onInput={(e) => set({ page: e.currentTarget.value })} />
      </label>
      <SiteFilter sites={sites} value={view.siteId ?? null} onChange={(siteId) => set({ siteId })} />
    </form>
  );
}
