import type { ComponentChildren } from 'preact';
import type { CallbackItem } from '../../protocol/types';
import type { CallbackView } from '../state/callback-types';
import { CallbackRow } from './callback-row';
import type { Clocks } from './callback-when';

export interface CallbackQueueProps {
  /** Requests already filtered and ordered, earliest due first. */
  items: CallbackItem[];
  loaded: boolean;
  view: CallbackView;
  selectedId: string | null;
  now: number;
  clocks: Clocks;
  /** Site names by id, when rows should say which site they came from. */
  siteNames?: Record<string, string>;
  /** The site filter, when there are several sites. */
  siteFilter?: ComponentChildren;
  onView(view: CallbackView): void;
  onOpen(id: string): void;
}

/** The call back queue: whatever is overdue first, then what falls due next. */
export function CallbackQueue({
  items,
  loaded,
  view,
  selectedId,
  now,
  clocks,
  siteNames = {},
  siteFilter,
  onView,
  onOpen,
}: CallbackQueueProps) {
  return (
    <section class="cb-queue" aria-labelledby="cb-title">
      <div class="inbox-head">
        <h2 id="cb-title">Callbacks</h2>
        <label class="fb-toggle">
          <input type="checkbox" checked={view === 'all'} onChange={(e) => onView(e.currentTarget.checked ? 'all' : 'open')} />
          <span>Show closed requests</span>
        </label>
        {siteFilter}
      </div>
      <div class="inbox-body">
        {!loaded && items.length === 0 ? (
          <p class="inbox-empty" role="status">
            Loading call back requests…
          </p>
        ) : items.length === 0 ? (
          <p class="inbox-empty">
            {view === 'open' ? 'Nobody is waiting for a call. New requests appear here.' : 'No call back requests yet.'}
          </p>
        ) : (
          <ul class="cb-list" aria-label="Call back requests">
            {items.map((item) => (
              <CallbackRow
                key={item.id}
                item={item}
                siteName={siteNames[item.siteId]}
                selected={item.id === selectedId}
                now={now}
                clocks={clocks}
                onOpen={onOpen}
              />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
