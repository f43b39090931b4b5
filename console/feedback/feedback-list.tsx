import { OlderButton } from '../app/older-button';
import type { FeedbackItem, SiteSettings } from '../../protocol/types';
import { siteNames } from '../app/site-filter';
import type { FeedbackView } from '../state/feedback-types';
import { FeedbackFilters } from './feedback-filters';
import { FeedbackRow } from './feedback-row';

export interface FeedbackListProps {
  /** Items already filtered and ordered, newest first. */
  items: FeedbackItem[];
  loaded: boolean;
  /** The server has older items of this view; the list ends with a button for them. */
  more: boolean;
  view: FeedbackView;
  selectedId: string | null;
  now: number;
  /** With more than one, rows name their site and the filters offer one. */
  sites?: SiteSettings[] | null;
  onView(view: FeedbackView): void;
  onOpen(id: string): void;
  onOlder(): Promise<void>;
}

function emptyText(view: FeedbackView): string {
  const filtered = view.category !== null || view.unhappy || view.page !== '' || !!view.siteId;
  if (filtered) return 'No feedback matches these filters.';
  return view.status === 'new' ? 'No new feedback. New feedback appears here as it arrives.' : 'No feedback here yet.';
}

/** The feedback list with its filters, as the section's navigation. */
export function FeedbackList({ items, loaded, more, view, selectedId, now, sites = null, onView, onOpen, onOlder }: FeedbackListProps) {
  const names = siteNames(sites);
  return (
    <nav class="inbox fb-list" aria-labelledby="fb-list-title">
      <div class="inbox-head fb-list-head">
        <h2 id="fb-list-title">Feedback</h2>
        <FeedbackFilters view={view} sites={sites} onView={onView} />
      </div>
      <div class="inbox-body">
        {!loaded && items.length === 0 ? (
          <p class="inbox-empty" role="status">
            Loading feedback…
          </p>
        ) : items.length === 0 ? (
          <p class="inbox-empty">{more ? 'None among the latest feedback.' : emptyText(view)}</p>
        ) : (
          <ul class="inbox-list" aria-label="Feedback items">
            {items.map((item) => (
              <FeedbackRow
                key={item.id}
                item={item}
                siteName={names[item.siteId]}
                selected={item.id === selectedId}
                now={now}
                onOpen={onOpen}
              />
            ))}
          </ul>
        )}
        {loaded && more && <OlderButton label="Show older feedback" busyLabel="Loading older feedback…" onOlder={onOlder} />}
      </div>
    </nav>
  );
}
