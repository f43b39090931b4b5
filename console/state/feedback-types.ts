import type {
  FeedbackCategory,
  FeedbackCursor,
  FeedbackDetail,
  FeedbackItem,
  FeedbackReply,
  FeedbackStats,
  FeedbackStatus,
} from '../../protocol/types';

/** What the feedback list shows; empty fields filter nothing. */
export interface FeedbackView {
  status: FeedbackStatus | 'all';
  category: FeedbackCategory | null;
  /** Only ratings of 1 or 2, as the server's `unhappy` filter. */
  unhappy: boolean;
  /** Substring of the page URL, case-sensitive like the server's. */
  page: string;
  /** Only this site's feedback; absent or null: every site. */
  siteId?: string | null;
}

/** The piece of feedback on screen; the item itself lives in `items`. */
export interface OpenFeedback {
  id: string;
  loading: boolean;
  error: string | null;
  /** The email replies, oldest first. */
  replies: FeedbackReply[];
}

export interface FeedbackState {
  /** Every piece of feedback known, keyed by id; which of them show comes from a selector. */
  items: Record<string, FeedbackItem>;
  view: FeedbackView;
  /** Whether the server has answered the list for the current view. */
  loaded: boolean;
  /**
   * Where the current view's next older page starts: the last item of the last page loaded.
   * Null when the server sent the rest of the view, or has not answered for it yet.
   */
  older: FeedbackCursor | null;
  /** How much feedback is new, as the server counts it (all of it, loaded or not); null until it says. */
  newCount: number | null;
  open: OpenFeedback | null;
  stats: FeedbackStats | null;
  /** From `server:status`; null until it answers. */
  emailConfigured: boolean | null;
  /** Unhappy feedback that arrived live and is not dismissed yet, newest first. */
  alerts: FeedbackItem[];
  /** Counts pushes, so a list answer can tell what arrived after it was asked for. */
  tick: number;
  /** The tick of each item's last push. */
  pushedAt: Record<string, number>;
}

export type FeedbackAction =
  | { type: 'feedback/view'; view: FeedbackView }
  /** A list answer for `view`, asked for at `tick`; `complete` when the server sent all that match. */
  | { type: 'feedback/listed'; view: FeedbackView; items: FeedbackItem[]; tick: number; complete: boolean }
  /** The page of `view` after `before`, in the server's order; `complete` when it was the last. */
  | { type: 'feedback/older'; view: FeedbackView; before: FeedbackCursor; items: FeedbackItem[]; complete: boolean }
  | { type: 'feedback/received'; item: FeedbackItem }
  | { type: 'feedback/updated'; item: FeedbackItem }
  | { type: 'feedback/open-requested'; id: string }
  | { type: 'feedback/open-loaded'; detail: FeedbackDetail }
  | { type: 'feedback/open-failed'; id: string; error: string }
  | { type: 'feedback/closed' }
  | { type: 'feedback/replied'; reply: FeedbackReply }
  /** The server pushed a reply whose email changed state. */
  | { type: 'feedback/reply-updated'; reply: FeedbackReply }
  | { type: 'feedback/stats'; stats: FeedbackStats }
  | { type: 'feedback/new-count'; count: number }
  | { type: 'feedback/server-status'; emailConfigured: boolean }
  | { type: 'feedback/alert-dismissed'; id: string };
