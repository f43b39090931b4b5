import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { OlderButton } from '../app/older-button';
import type { ConversationSummary } from '../../protocol/types';
import type { AssignView, InboxFilter } from '../state/types';
import { FilterTabs, ViewTabs } from './filter-tabs';
import { InboxRow } from './inbox-row';

const EMPTY: Record<InboxFilter, string> = {
  active: 'No active conversations. New chats appear here.',
  resolved: 'No resolved conversations yet.',
  all: 'No conversations yet.',
};

export interface InboxPanelProps {
  /** Rows already filtered and ordered, newest activity first. */
  rows: ConversationSummary[];
  loaded: boolean;
  /** Every conversation is loaded; otherwise the list ends with a button for older ones. */
  complete: boolean;
  filter: InboxFilter;
  selectedId: string | null;
  /** Conversations whose visitor is typing. */
  typingIds: ReadonlySet<string>;
  now: number;
  /**
   * The row to move keyboard focus to, a new object each time it is asked for. By id, not "the
   * selected one": j/k ask before the conversation they open is selected.
   */
  focusRow?: { id: string } | null;
  /** Site names by id, when rows should say which site they came from. */
  siteNames?: Record<string, string>;
  /** Whose conversations (issue 19), with counts; left out, every row shows. */
  view?: { value: AssignView; counts: Record<AssignView, number>; onView(view: AssignView): void };
  /** The site filter, when there are several sites. */
  siteFilter?: ComponentChildren;
  onFilter(filter: InboxFilter): void;
  onOpen(id: string): void;
  onOlder(): Promise<void>;
}

/** The inbox: status filter and the conversation list, as the page's navigation. */
export function InboxPanel({
  rows,
  loaded,
  complete,
  filter,
  selectedId,
  typingIds,
  now,
  focusRow,
  siteNames = {},
  siteFilter,
  view,
  onFilter,
  onOpen,
  onOlder,
}: InboxPanelProps) {
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    // Ids are server nanoids ([A-Za-z0-9_-]), safe inside a quoted attribute selector.
    if (!focusRow) return;
    const link = list.current?.querySelector<HTMLElement>(`[data-conversation-id="${focusRow.id}"]`);
    link?.focus();
    link?.scrollIntoView?.({ block: 'nearest' });
  }, [focusRow]);

  return (
    <nav class="inbox" aria-labelledby="inbox-title">
      <div class="inbox-head">
        <h2 id="inbox-title">Inbox</h2>
        {view && <ViewTabs view={view.value} counts={view.counts} onView={view.onView} />}
        <FilterTabs filter={filter} onFilter={onFilter} />
        {siteFilter}
      </div>
      <div id="inbox-panel" role="tabpanel" aria-labelledby={`filter-${filter}`} class="inbox-body">
        {!loaded ? (
          <p class="inbox-empty" role="status">
            Loading conversations…
          </p>
        ) : rows.length === 0 ? (
          <p class="inbox-empty">{complete ? EMPTY[filter] : 'None among the latest conversations.'}</p>
        ) : (
          <ul class="inbox-list" ref={list} aria-label="Conversations">
            {rows.map((row) => (
              <InboxRow
                key={row.id}
                row={row}
                siteName={siteNames[row.siteId]}
                selected={row.id === selectedId}
                typing={typingIds.has(row.id)}
                now={now}
                onOpen={onOpen}
              />
            ))}
          </ul>
        )}
        {loaded && !complete && <OlderButton label="Show older conversations" busyLabel="Loading older conversations…" onOlder={onOlder} />}
      </div>
    </nav>
  );
}
