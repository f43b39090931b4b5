import type { CallbackItem } from '../../protocol/types';
import { inView, isOpenCallback } from './callback-selectors';
import type { CallbackAction, CallbackState } from './callback-types';
import { newer, openFailed, openRequested, withoutUnlisted } from './item-section';

/** The callback section before the server said anything. */
export function initialCallbacks(): CallbackState {
  return { items: {}, view: 'open', loaded: false, open: null, alerts: [], alerted: {}, tick: 0, pushedAt: {} };
}

function withItem(state: CallbackState, item: CallbackItem): CallbackState {
  if (!newer(state.items[item.id], item)) return state;
  // An alert is about one due time of an open request; a call made or a new time ends it.
  const stale = state.alerts.find((a) => a.id === item.id && (!isOpenCallback(item) || a.dueAt !== item.dueAt));
  const alerts = stale ? state.alerts.filter((a) => a !== stale) : state.alerts;
  return { ...state, items: { ...state.items, [item.id]: item }, alerts };
}

function listed(state: CallbackState, action: Extract<CallbackAction, { type: 'callbacks/listed' }>): CallbackState {
  const items = withoutUnlisted(state, action, (c) => inView(c, action.view));
  let next: CallbackState = { ...state, items, loaded: state.loaded || action.view === state.view };
  for (const c of action.items) next = withItem(next, c);
  return next;
}

function due(state: CallbackState, id: string, at: number): CallbackState {
  const item = state.items[id];
  if (!item || !isOpenCallback(item) || Date.parse(item.dueAt) > at) return state;
  if (state.alerted[id] === item.dueAt) return state;
  const alerts = [{ id, dueAt: item.dueAt }, ...state.alerts.filter((a) => a.id !== id)];
  return { ...state, alerts, alerted: { ...state.alerted, [id]: item.dueAt } };
}

/** The callback section's state change, pure. */
export function callbackReducer(state: CallbackState, action: CallbackAction): CallbackState {
  switch (action.type) {
    case 'callbacks/view':
      return state.view === action.view ? state : { ...state, view: action.view, loaded: false };
    case 'callbacks/listed':
      return listed(state, action);
    case 'callbacks/updated': {
      const tick = state.tick + 1;
      return { ...withItem(state, action.item), tick, pushedAt: { ...state.pushedAt, [action.item.id]: tick } };
    }
    case 'callbacks/open-requested':
      return openRequested(state, action.id, { id: action.id, loading: true, error: null, attempts: [], conversations: [] });
    case 'callbacks/open-loaded': {
      const { item, attempts, conversations } = action.detail;
      if (state.open?.id !== item.id) return state;
      return { ...withItem(state, item), open: { ...state.open, loading: false, error: null, attempts, conversations } };
    }
    case 'callbacks/open-failed':
      return openFailed(state, action.id, action.error);
    case 'callbacks/closed':
      return state.open ? { ...state, open: null } : state;
    case 'callbacks/due':
      return due(state, action.id, action.at);
    case 'callbacks/alert-dismissed':
      return { ...state, alerts: state.alerts.filter((a) => a.id !== action.id) };
  }
}
