import type { FeedbackCursor, FeedbackItem, FeedbackReply } from '../../protocol/types';
import { DEFAULT_VIEW, matchesView, sameView } from './feedback-selectors';
import type { FeedbackAction, FeedbackState } from './feedback-types';
import { newer, openFailed, openRequested, withoutUnlisted } from './item-section';

/** The feedback section before the server said anything. */
export function initialFeedback(): FeedbackState {
  return {
    items: {},
    view: DEFAULT_VIEW,
    loaded: false,
    older: null,
    newCount: null,
    open: null,
    stats: null,
    emailConfigured: null,
    alerts: [],
    tick: 0,
    pushedAt: {},
  };
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
  // Only a complete list proves an item left the view: a first page says nothing of the
  // items past it, such as those loaded with "Show older feedback".
  const items = withoutUnlisted(state, action, (f) => matchesView(f, action.view));
  for (const f of action.items) if (newer(items[f.id], f)) items[f.id] = f;
  if (!sameView(action.view, state.view)) return { ...state, items };
  return { ...state, items, loaded: true, older: cursorAfter(action.items, action.complete) };
}

function older(state: FeedbackState, action: Extract<FeedbackAction, { type: 'feedback/older' }>): FeedbackState {
  // Never prunes: the page covers only its own stretch of the view. Held copies may be fresher.
  const items = { ...state.items };
  for (const f of action.items) if (newer(items[f.id], f)) items[f.id] = f;
  // Only the page that continues from the current cursor moves it: a first page answered
  // meanwhile (a reconnect) restarted the view, and jumping past it could leave a gap.
  const continues = sameView(action.view, state.view) && sameCursor(state.older, action.before);
  return { ...state, items, older: continues ? cursorAfter(action.items, action.complete) : state.older };
}

/** Where the page after `page` starts: its last item (the server sends list order), or null after the last page. */
function cursorAfter(page: FeedbackItem[], complete: boolean): FeedbackCursor | null {
  const last = page.at(-1);
  return complete || !last ? null : { createdAt: last.createdAt, id: last.id };
}

function sameCursor(a: FeedbackCursor | null, b: FeedbackCursor): boolean {
  return a !== null && a.createdAt === b.createdAt && a.id === b.id;
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
      return sameView(state.view, action.view) ? state : { ...state, view: action.view, loaded: false, older: null };
    case 'feedback/listed':
      return listed(state, action);
    case 'feedback/older':
      return older(state, action);
    case 'feedback/received': {
      const next = pushed(state, action.item);
      // A repeated push (e.g. after a reconnect) must not alert twice.
      if (!action.item.unhappy || state.alerts.some((a) => a.id === action.item.id)) return next;
      return { ...next, alerts: [action.item, ...next.alerts] };
    }
    case 'feedback/updated':
      return pushed(state, action.item);
    case 'feedback/open-requested':
      return openRequested(state, action.id, { id: action.id, loading: true, error: null, replies: [] });
    case 'feedback/open-loaded': {
      const { item, replies } = action.detail;
      if (state.open?.id !== item.id) return state;
      return { ...withItem(state, item), open: { ...state.open, loading: false, error: null, replies } };
    }
    case 'feedback/open-failed':
      return openFailed(state, action.id, action.error);
    case 'feedback/closed':
      return state.open ? { ...state, open: null } : state;
    case 'feedback/replied': {
      const { reply } = action;
      const held = state.items[reply.feedbackId];
      // The server marks the item answered in the same transaction as it stores the reply.
      const next =
        held && held.status !== 'answered' ? withItem(state, { ...held, status: 'answered', updatedAt: reply.createdAt }) : state;
      if (next.open?.id !== reply.feedbackId || next.open.replies.some((r) => r.id === reply.id)) return next;
      return { ...next, open: { ...next.open, replies: [...next.open.replies, reply] } };
    }
    case 'feedback/reply-updated':
      return replyUpdated(state, action.reply);
    case 'feedback/stats':
      return { ...state, stats: action.stats };
    case 'feedback/new-count':
      return state.newCount === action.count ? state : { ...state, newCount: action.count };
    case 'feedback/server-status':
      return state.emailConfigured === action.emailConfigured ? state : { ...state, emailConfigured: action.emailConfigured };
    case 'feedback/alert-dismissed':
      return { ...state, alerts: state.alerts.filter((a) => a.id !== action.id) };
  }
}
