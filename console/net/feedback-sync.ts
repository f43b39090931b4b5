import type { FeedbackItem, FeedbackReply } from '../../protocol/types';
import type { ConsoleStore } from '../state/store';
import type { AgentSocket } from './agent-socket';
import type { FeedbackCommands } from './feedback-commands';
import type { PageSignals } from './page';
import { bindSectionSync } from './section-sync';

export interface FeedbackSyncOptions {
  page: PageSignals;
}

/**
 * Keeps the feedback section in step with the server: pushes in (reply email status too),
 * a fresh list whenever the view changes, and a full catch-up on every (re)connect and wake.
 */
export function bindFeedbackSync(
  socket: AgentSocket,
  store: ConsoleStore,
  commands: FeedbackCommands,
  opts: FeedbackSyncOptions,
): () => void {
  const { dispatch } = store;

  const catchUp = () => {
    const { feedback } = store.get();
    void commands.refreshServerStatus();
    void commands.refreshList();
    void commands.refreshNewCount();
    if (feedback.stats) void commands.refreshStats();
    if (feedback.open) void commands.open(feedback.open.id);
  };

  const onNew = (item: FeedbackItem) => {
    dispatch({ type: 'feedback/received', item });
    if (store.get().feedback.stats) void commands.refreshStats();
  };
  const onUpdated = (item: FeedbackItem) => {
    dispatch({ type: 'feedback/updated', item });
    // A reply by another agent shows up in the thread at once.
    if (store.get().feedback.open?.id === item.id) void commands.open(item.id);
  };
  // A push missed while disconnected is covered by the catch-up re-reading the open item.
  const onReplyUpdated = (reply: FeedbackReply) => dispatch({ type: 'feedback/reply-updated', reply });
  const onNewCount = (count: number) => dispatch({ type: 'feedback/new-count', count });

  return bindSectionSync(socket, store, opts.page, {
    view: (state) => state.feedback.view,
    refreshList: commands.refreshList,
    catchUp,
    pushes: {
      'feedback:new': onNew,
      'feedback:updated': onUpdated,
      'feedback:replyUpdated': onReplyUpdated,
      'feedback:newCount': onNewCount,
    },
  });
}
