import type { FeedbackItem, FeedbackReply, FeedbackStatus } from '../../protocol/types';
import { toFilter } from '../state/feedback-selectors';
import type { FeedbackView } from '../state/feedback-types';
import type { ConsoleStore } from '../state/store';
import { request, type AgentSocket, type Result } from './agent-socket';

/** Feedback items per list page; a shorter answer is the rest of the view. */
export const FEEDBACK_PAGE = 200;

/** Requests of the feedback section; each updates the store with the answer. */
export interface FeedbackCommands {
  /** Loads the current view. */
  refreshList(): Promise<void>;
  /** Asks how much feedback is new, for the navigation's count. */
  refreshNewCount(): Promise<void>;
  /** Loads the current view's next page of older items. */
  loadOlder(): Promise<void>;
  /** Loads one item in full, with its replies. */
  open(feedbackId: string): Promise<void>;
  /** `id` is the reply's own, kept across retries of it. */
  reply(feedbackId: string, text: string, id: string): Promise<Result<FeedbackReply>>;
  setStatus(feedbackId: string, status: FeedbackStatus): Promise<Result<FeedbackItem>>;
  refreshStats(): Promise<void>;
  /** Asks whether the server can send email at all. */
  refreshServerStatus(): Promise<void>;
}

/** Feedback commands over the agent socket. */
export function createFeedbackCommands(socket: AgentSocket, store: ConsoleStore): FeedbackCommands {
  const { dispatch } = store;

  const list = async (view: FeedbackView) => {
    const tick = store.get().feedback.tick;
    const r = await request(socket, 'feedback:list', { ...toFilter(view), limit: FEEDBACK_PAGE });
    if (r.ok) dispatch({ type: 'feedback/listed', view, items: r.data, tick, complete: r.data.length < FEEDBACK_PAGE });
  };

  return {
    async refreshList() {
      await list(store.get().feedback.view);
    },
    async refreshNewCount() {
      const r = await request(socket, 'feedback:newCount', {});
      if (r.ok) dispatch({ type: 'feedback/new-count', count: r.data });
    },
    async loadOlder() {
      // The cursor the state kept, not the oldest item held: pushes and opened items also bring
      // old items of this view, and paging from one of them would skip the rest.
      const { view, older: before } = store.get().feedback;
      if (!before) return;
      const r = await request(socket, 'feedback:list', { ...toFilter(view), limit: FEEDBACK_PAGE, before });
      if (r.ok) dispatch({ type: 'feedback/older', view, before, items: r.data, complete: r.data.length < FEEDBACK_PAGE });
    },
    async open(feedbackId) {
      dispatch({ type: 'feedback/open-requested', id: feedbackId });
      const r = await request(socket, 'feedback:get', { feedbackId });
      if (r.ok) dispatch({ type: 'feedback/open-loaded', detail: r.data });
      else dispatch({ type: 'feedback/open-failed', id: feedbackId, error: r.message });
    },
    async reply(feedbackId, text, id) {
      const r = await request(socket, 'feedback:reply', { id, feedbackId, text });
      if (r.ok) dispatch({ type: 'feedback/replied', reply: r.data });
      return r;
    },
    async setStatus(feedbackId, status) {
      const r = await request(socket, 'feedback:setStatus', { feedbackId, status });
      if (r.ok) dispatch({ type: 'feedback/updated', item: r.data });
      return r;
    },
    async refreshStats() {
      const r = await request(socket, 'feedback:stats', {});
      if (r.ok) dispatch({ type: 'feedback/stats', stats: r.data });
    },
    async refreshServerStatus() {
      const r = await request(socket, 'server:status', {});
      if (r.ok) dispatch({ type: 'feedback/server-status', emailConfigured: r.data.emailConfigured });
    },
  };
}
