import type { FeedbackItem, FeedbackReply } from '../../protocol/types';
import { DEFAULT_VIEW, matchesView, sameView } from './feedback-selectors';
import type { FeedbackAction, FeedbackState } from './feedback-types';

/** The feedback section before the server said anything. */
export function initialFeedback(): FeedbackState {
  return { items: {}, view: DEFAULT_VIEW, loaded: false, open: null, stats: null, emailConfigured: null, alerts: [], tick: 0, pushedAt: {} };
}

/** Whether `next` may replace `held`: copies arrive out of order, and time never steps back. */
function newer(held: FeedbackItem | undefined, next: FeedbackItem): boolean {
  return !held || next.updatedAt >= held.updatedAt;
}

function withItem(state: FeedbackState, item: FeedbackItem): FeedbackState {
  if (!newer(state.items[item.id], item)) return state;
  const alerts = state.alerts.some((a) => a.id === item.id) ? state.alerts.map((a) => (a.id === item.id ? item : a)) : state.alerts;
  return { ...state, items: { ...state.items, [item.id]: item }, alerts };
}

function pushed(state: FeedbackState, item: FeedbackItem): FeedbackState {
  const tick = state.tick + 1;
  return { ...withItem(state, item), tick, pushedAt: { ...state.pushedAt, [item.id]: tick } };
}

function listed(state: FeedbackState, action: Extract<FeedbackAction, { type: 'feedback/listed' }>): FeedbackState {
  const items = { ...state.items };
  if (action.complete) {
    // Held items of this view the server no longer lists changed while no push reached
    // us; drop them, except those pushed after the list was asked for and the open one.
    const listedIds = new Set(action.items.map((f) => f.id));
    for (const f of Object.values(state.items)) {
      const fresh = (state.pushedAt[f.id] ?? 0) > action.tick;
      if (!listedIds.has(f.id) && !fresh && f.id !== state.open?.id && matchesView(f, action.view)) delete items[f.id];
    }
  }
  for (const f of action.items) if (newer(items[f.id], f)) items[f.id] = f;
  return { ...state, items, loaded: state.loaded || sameView(action.view, state.view) };
}

function replyUpdated(state: FeedbackState, reply: FeedbackReply): FeedbackState {
  const { open } = state;
  if (open?.id !== reply.feedbackId) return state;
  const held = open.replies.find((r) => r.id === reply.id);
  if (held?.emailStatus === reply.emailStatus) return state;
  // The push can beat the thread to its reply (the ack of our own, the re-read after another
  // agent's): add it then, and `feedback/replied` will not put back the older copy.
  const replies = held ? open.replies.map((r) => (r.id === reply.id ? reply : r)) : [...open.replies, reply];
  return { ...state, open: { ...open, replies } };
}

/** The feedback section's state change, pure. */
export function feedbackReducer(state: FeedbackState, action: FeedbackAction): FeedbackState {
  switch (action.type) {
    case 'feedback/view':
      return sameView(state.view, action.view) ? state : { ...state, view: action.view, loaded: false };
    case 'feedback/listed':
      return listed(state, action);
    case 'feedback/received': {
      const next = pushed(state, action.item);
      // A repeated push (e.g. after a reconnect) must not alert twice.
      if (!action.item.unhappy || state.alerts.some((a) => a.id === action.item.id)) return next;
      return { ...next, alerts: [action.item, ...next.alerts] };
    }
    case 'feedback/updated':
      return pushed(state, action.item);
    case 'feedback/open-requested': {
      // Opening the item is what the alert asked for.
      const alerts = state.alerts.filter((a) => a.id !== action.id);
      if (state.open?.id === action.id) return { ...state, alerts, open: { ...state.open, loading: true, error: null } };
      return { ...state, alerts, open: { id: action.id, loading: true, error: null, replies: [] } };
    }
    case 'feedback/open-loaded': {
      const { item, replies } = action.detail;
      if (state.open?.id !== item.id) return state;
      return { ...withItem(state, item), open: { ...state.open, loading: false, error: null, replies } };
    }
    case 'feedback/open-failed':
      if (state.open?.id !== action.id) return state;
      return { ...state, open: { ...state.open, loading: false, error: action.error } };
    case 'feedback/closed':
      return state.open ? { ...state, open: null } : state;
    case 'feedback/replied': {
      const { reply } = action;
      const held = state.items[reply.feedbackId];
      // The server marks the item answered in the same transaction as it stores the reply.
      const next = held && held.status !== 'answered' ? withItem(state, { ...held, status: 'answered', updatedAt: reply.createdAt }) : state;
      if (next.open?.id !== reply.feedbackId || next.open.replies.some((r) => r.id === reply.id)) return next;
      return { ...next, open: { ...next.open, replies: [...next.open.replies, reply] } };
    }
    case 'feedback/reply-updated':
      return replyUpdated(state, action.reply);
    case 'feedback/stats':
      return { ...state, stats: action.stats };
    case 'feedback/server-status':
      return state.emailConfigured === action.emailConfigured ? state : { ...state, emailConfigured: action.emailConfigured };
    case 'feedback/alert-dismissed':
      return { ...state, alerts: state.alerts.filter((a) => a.id !== action.id) };
  }
}
