import type { CallbackAttempt, CallbackDetail, CallbackItem, ConversationSummary } from '../../protocol/types';

/** Which requests the queue shows: those still to call, or every one. */
export type CallbackView = 'open' | 'all';

/** The request on screen; the item itself lives in `items`. */
export interface OpenCallback {
  id: string;
  loading: boolean;
  error: string | null;
  /** Every attempt and reschedule, as the server lists them. */
  attempts: CallbackAttempt[];
  /** The same visitor's chats. */
  conversations: ConversationSummary[];
}

/** A request whose due time passed while the console was open. */
export interface CallbackAlert {
  id: string;
  /** The due time it alerted for. */
  dueAt: string;
}

export interface CallbackState {
  /** Every request known, keyed by id; which of them show comes from a selector. */
  items: Record<string, CallbackItem>;
  view: CallbackView;
  /** Whether the server has answered the list for the current view. */
  loaded: boolean;
  open: OpenCallback | null;
  /** Due alerts not dismissed yet, newest first. */
  alerts: CallbackAlert[];
  /** The due time each request last alerted for, so each due time alerts once. */
  alerted: Record<string, string>;
  /** Counts pushes, so a list answer can tell what arrived after it was asked for. */
  tick: number;
  /** The tick of each item's last push. */
  pushedAt: Record<string, number>;
}

export type CallbackAction =
  | { type: 'callbacks/view'; view: CallbackView }
  /** A list answer for `view`, asked for at `tick`; `complete` when the server sent all that match. */
  | { type: 'callbacks/listed'; view: CallbackView; items: CallbackItem[]; tick: number; complete: boolean }
  | { type: 'callbacks/updated'; item: CallbackItem }
  | { type: 'callbacks/open-requested'; id: string }
  | { type: 'callbacks/open-loaded'; detail: CallbackDetail }
  | { type: 'callbacks/open-failed'; id: string; error: string }
  | { type: 'callbacks/closed' }
  /** A request's timer fired at `at` (ms). */
  | { type: 'callbacks/due'; id: string; at: number }
  | { type: 'callbacks/alert-dismissed'; id: string };
