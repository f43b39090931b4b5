import { nanoid } from 'nanoid';
import type { FeedbackItem, FeedbackStatus } from '../../protocol/types';
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
  /** Queues an email reply in the outbox, which sends it once connected; Retry is the agent client's. */
  reply(feedbackId: string, text: string): void;
  setStatus(feedbackId: string, status: FeedbackStatus): Promise<Result<FeedbackItem>>;
  refreshStats(): Promise<void>;
  /** Asks whether the server can send email at all. */
  refreshServerStatus(): Promise<void>;
}

/** Feedback commands over the agent socket. */
export function createFeedbackCommands(socket: AgentSocket, store: ConsoleStore, newId: () => string = nanoid): FeedbackCommands {
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
    reply(feedbackId, text) {
      dispatch({ type: 'send/started', id: newId(), conversationId: null, feedbackId, text, createdAt: new Date().toISOString() });
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
