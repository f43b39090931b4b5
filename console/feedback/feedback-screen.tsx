import { useEffect, useMemo, useState } from 'preact/hooks';
import type { FeedbackStatus } from '../../protocol/types';
import { feedbackPath } from '../app/route';
import { DetailSlot, type DetailTexts } from '../app/detail-parts';
import { useConsoleState, useNow } from '../app/use-store';
import type { AgentClient } from '../net/agent-client';
import { visibleFeedback } from '../state/feedback-selectors';
import { pendingRepliesTo } from '../state/pending-reducer';
import type { ConsoleStore } from '../state/store';
import { ItemTagEditor, TagFilter } from '../format/tag-editor';
import { useItemTags } from '../format/use-tags';
import { FeedbackDetail } from './feedback-detail';
import { FeedbackList } from './feedback-list';
import { FeedbackStatsPanel } from './feedback-stats';

export interface FeedbackScreenProps {
  store: ConsoleStore;
  client: AgentClient;
  /** The item the URL names, or null for the list alone. */
  feedbackId: string | null;
  onNavigate(href: string): void;
}

type Busy = { busy: boolean; error: string | null };
const IDLE: Busy = { busy: false, error: null };
const FEEDBACK_TEXTS: DetailTexts = {
  id: 'fb-empty-title',
  pick: { title: 'Pick a piece of feedback', message: 'Choose one from the list to read it in full and answer by email.' },
  loading: { title: 'Feedback item', message: 'Loading feedback…' },
  refusedTitle: 'Cannot show this feedback',
};

/** Connector of the feedback section: list with filters, the open item, and the charts. */
export function FeedbackScreen({ store, client, feedbackId, onNavigate }: FeedbackScreenProps) {
  const { feedback, sites, pending, agent } = useConsoleState(store);
  const now = useNow();
  const [status, setStatus] = useState<Busy>(IDLE);
  const [tagFilter, setTagFilter] = useState<string | null>(null);
  const { items: all, view } = feedback;
  const allItems = useMemo(() => visibleFeedback({ items: all, view }), [all, view]);
  const tagging = useItemTags(client.tags, 'feedback', allItems.map((f) => f.id).concat(feedbackId ?? []));
  const items = tagFilter ? allItems.filter((f) => tagging.tags[f.id]?.includes(tagFilter)) : allItems;

  useEffect(() => {
    void client.feedback.refreshStats();
    // Leaving the section closes the item, so nothing keeps re-reading it.
    return () => store.dispatch({ type: 'feedback/closed' });
  }, [client, store]);

  useEffect(() => {
    setStatus(IDLE);
    if (feedbackId) void client.feedback.open(feedbackId);
    else store.dispatch({ type: 'feedback/closed' });
  }, [feedbackId, client, store]);

  const changeStatus = async (id: string, next: FeedbackStatus) => {
    setStatus({ busy: true, error: null });
    const r = await client.feedback.setStatus(id, next);
    setStatus({ busy: false, error: r.ok ? null : r.message });
  };

  const open = feedback.open && feedback.open.id === feedbackId ? feedback.open : null;
  const item = feedbackId ? feedback.items[feedbackId] : undefined;

  return (
    <div class={`panes${feedbackId ? ' has-open' : ''}`}>
      <div class="inbox-pane">
        <TagFilter known={tagging.known} value={tagFilter} onChange={setTagFilter} />
        <FeedbackList
          items={items}
          loaded={feedback.loaded}
          more={feedback.older !== null}
          view={feedback.view}
          selectedId={feedbackId}
          now={now}
          sites={sites}
          onView={(view) => store.dispatch({ type: 'feedback/view', view })}
          onOpen={(id) => onNavigate(feedbackPath(id))}
          onOlder={client.feedback.loadOlder}
        />
      </div>
      <DetailSlot {...FEEDBACK_TEXTS} chosen={!!feedbackId} error={open?.error}>
        {item && open && (
          <FeedbackDetail
            item={item}
            tagBox={<ItemTagEditor key={item.id} tagging={tagging} itemId={item.id} what="feedback" id="fb-tags" />}
            replies={open.replies}
            loading={open.loading}
            error={open.error}
            emailConfigured={feedback.emailConfigured}
            statusBusy={status.busy}
            statusError={status.error}
            pending={pendingRepliesTo(pending, item.id)}
            agentName={agent?.name ?? 'You'}
            onStatus={(next) => void changeStatus(item.id, next)}
            onReply={(text) => client.feedback.reply(item.id, text)}
            onRetry={client.retry}
          />
        )}
      </DetailSlot>
      <FeedbackStatsPanel stats={feedback.stats} />
    </div>
  );
}
