import type { FeedbackItem } from '../../protocol/types';
import type { ConsoleStore } from '../state/store';
import type { AgentSocket } from './agent-socket';
import type { FeedbackCommands } from './feedback-commands';
import type { PageSignals } from './page';

export interface FeedbackSyncOptions {
  page: PageSignals;
  /** First wait before asking again about reply emails still on their way; doubles up to `replyPollMaxMs`. */
  replyPollMs?: number;
  replyPollMaxMs?: number;
}

/**
 * Keeps the feedback section in step with the server: pushes in, a fresh list whenever the
 * view changes, and a full catch-up on every (re)connect and wake.
 */
export function bindFeedbackSync(socket: AgentSocket, store: ConsoleStore, commands: FeedbackCommands, opts: FeedbackSyncOptions): () => void {
  const { dispatch } = store;
  const pollMin = opts.replyPollMs ?? 3000;
  const pollMax = opts.replyPollMaxMs ?? 60_000;
  let poll: { id: string; wait: number; timer: ReturnType<typeof setTimeout> | undefined } | null = null;

  const catchUp = () => {
    const { feedback } = store.get();
    void commands.refreshServerStatus();
    void commands.refreshList();
    if (feedback.stats) void commands.refreshStats();
    if (feedback.open) void commands.open(feedback.open.id);
  };

  const onConnect = () => catchUp();
  const onNew = (item: FeedbackItem) => {
    dispatch({ type: 'feedback/received', item });
    if (store.get().feedback.stats) void commands.refreshStats();
  };
  const onUpdated = (item: FeedbackItem) => {
    dispatch({ type: 'feedback/updated', item });
    // A reply by another agent shows up in the thread at once.
    if (store.get().feedback.open?.id === item.id) void commands.open(item.id);
  };

  // No push tells when a reply's email leaves the outbox, so ask again, less and less often,
  // while one is still pending or sending.
  const watchReplies = () => {
    const open = store.get().feedback.open;
    const unsettled = open?.replies.some((r) => r.emailStatus === 'pending' || r.emailStatus === 'sending');
    if (poll && (!open || !unsettled || poll.id !== open.id)) {
      clearTimeout(poll.timer);
      poll = null;
    }
    if (!open || !unsettled || open.loading || poll?.timer) return;
    const wait = poll ? Math.min(poll.wait * 2, pollMax) : pollMin;
    poll = { id: open.id, wait, timer: undefined };
    const current = poll;
    current.timer = setTimeout(() => {
      current.timer = undefined;
      if (socket.connected) void commands.open(current.id);
    }, wait);
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.feedback.view !== previous.feedback.view && socket.connected) void commands.refreshList();
    watchReplies();
  });
  socket.on('connect', onConnect);
  socket.on('feedback:new', onNew);
  socket.on('feedback:updated', onUpdated);
  const offWake = opts.page.onWake(() => {
    if (socket.connected) catchUp();
  });

  return () => {
    clearTimeout(poll?.timer);
    unsubscribe();
    offWake();
    socket.off('connect', onConnect);
    socket.off('feedback:new', onNew);
    socket.off('feedback:updated', onUpdated);
  };
}
