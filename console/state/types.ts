import type { AgentServerEvents, NoteMention } from '../../protocol/events';
import type {
  Agent,
  AgentPresence,
  CallbackOutcome,
  ConversationStatus,
  ConversationSummary,
  InboxCursor,
  Message,
  SiteHoursState,
  SiteSettings,
  TypingEvent,
  VisitorProfile,
} from '../../protocol/types';
import type { CallbackAction, CallbackState } from './callback-types';
import type { FeedbackAction, FeedbackState } from './feedback-types';
import type { SendAction } from './pending-reducer';

/** Which conversations the inbox shows: `active` is pending + open. */
export type InboxFilter = 'active' | 'resolved' | 'all';

/** Whose conversations the inbox shows: the agent's own, nobody's yet, or everyone's (issue 19). */
export type AssignView = 'mine' | 'unassigned' | 'all';

/** `checking`: asking the server who we are; then signed in or out. */
export type AuthStatus = 'checking' | 'signed-out' | 'signed-in';

/** `connecting`: first connect; `online`; `offline`: lost and retrying. */
export type ConnectionStatus = 'connecting' | 'online' | 'offline';

/**
 * An own reply the server has not stored yet, in the outbox. `queued`: waiting its turn or a
 * connection; `sending`: awaiting the ack; `failed`: refused for good (`error` says why).
 */
export interface PendingMessage {
  id: string;
  /** The chat it answers; null for an email reply to feedback. */
  conversationId: string | null;
  /** Set on an email reply to this feedback item. */
  feedbackId?: string;
  /** Set on a call's outcome or a reschedule of this request (`text` is its note, maybe empty). */
  callback?: CallbackCommand;
  text: string;
  /** An internal note in the chat, for agents only. */
  note?: boolean;
  createdAt: string;
  state: 'queued' | 'sending' | 'failed';
  error: string | null;
}

/** What an agent did with a call back request, sent through the outbox like a reply: how the call went, or a new time. */
export type CallbackCommand = { callbackId: string; outcome: CallbackOutcome } | { callbackId: string; dueAt: string };

/** The conversation on screen. */
export interface OpenConversation {
  id: string;
  loading: boolean;
  error: string | null;
  /** Held messages ordered by seq, each id once. */
  messages: Message[];
  /** Highest seq up to which every message is held; anything above it is fetched. */
  through: number;
  visitor: VisitorProfile | null;
  /** The same visitor's other conversations. */
  history: ConversationSummary[];
}

/** A satisfaction rating as `survey:received` pushes it. */
export type SurveyEvent = Parameters<AgentServerEvents['survey:received']>[0];

export interface ConsoleState {
  auth: AuthStatus;
  agent: Agent | null;
  /** Why the agent was signed out, e.g. an expired session. */
  notice: string | null;
  connection: ConnectionStatus;
  filter: InboxFilter;
  assignView: AssignView;
  /** Inbox rows keyed by conversation id; order comes from a selector. */
  inbox: Record<string, ConversationSummary>;
  inboxLoaded: boolean;
  /** Every conversation is in `inbox`: the last page asked for came back short. */
  inboxComplete: boolean;
  /**
   * Where the next older page starts: the last row of the last page loaded in one run from the
   * top. Not the oldest row held: pushes and opened conversations bring in rows from far below,
   * and paging from one of them would skip everything between.
   */
  inboxOlder: InboxCursor | null;
  open: OpenConversation | null;
  /** Own replies in flight or failed, keyed by message id. */
  pending: Record<string, PendingMessage>;
  /** Who types where: conversation id → typer key → display name (null: the visitor). */
  typing: Record<string, Record<string, string | null>>;
  /** The feedback section, with its own reducer. */
  feedback: FeedbackState;
  /** The callback queue, with its own reducer. */
  callbacks: CallbackState;
  /** Every agent, online or not, from `agent:presence` and the `presence` push; null until known. */
  presence: AgentPresence[] | null;
  /** Site settings from `site:list`; null until known. */
  sites: SiteSettings[] | null;
  /** Which sites their opening hours close now, from `site:hours`. */
  siteHours: SiteHoursState[];
  /** The server's PUBLIC_URL, the base of install snippets; null when not configured or not known yet. */
  publicUrl: string | null;
  /** The inbox and the callback queue show only this site's rows; null: every site. */
  siteFilter: string | null;
  /** Low ratings that arrived live and are not dismissed yet, newest first. */
  surveyAlerts: SurveyEvent[];
  /** Notes that mention this agent, not opened or dismissed yet, newest first. */
  mentionAlerts: NoteMention[];
}

export type Action =
  | { type: 'auth/checked'; agent: Agent | null }
  | { type: 'auth/signed-in'; agent: Agent }
  | { type: 'auth/signed-out'; notice?: string }
  /** The signed-in agent's own name (or role) changed; nothing else resets. */
  | { type: 'auth/agent-updated'; agent: Agent }
  | { type: 'connection'; status: ConnectionStatus }
  | { type: 'filter'; filter: InboxFilter }
  | { type: 'assign-view'; view: AssignView }
  | { type: 'inbox/loaded'; rows: ConversationSummary[]; complete: boolean }
  /** The page of the inbox after `before`, in the server's order. */
  | { type: 'inbox/older'; before: InboxCursor; rows: ConversationSummary[]; complete: boolean }
  | { type: 'inbox/updated'; row: ConversationSummary }
  | { type: 'open/requested'; id: string }
  | { type: 'open/loaded'; conversation: ConversationSummary; messages: Message[]; visitor: VisitorProfile; history: ConversationSummary[] }
  | { type: 'open/failed'; id: string; error: string }
  | { type: 'open/closed' }
  | { type: 'messages'; messages: Message[] }
  | { type: 'visitor/updated'; visitor: VisitorProfile }
  | { type: 'read/sent'; conversationId: string; seq: number }
  | SendAction
  | { type: 'typing'; event: TypingEvent }
  | { type: 'typing/expired'; conversationId: string; key: string }
  /** An automatic answer's "helpful" changed. */
  | { type: 'message/updated'; message: Message }
  | { type: 'presence'; agents: AgentPresence[] }
  | { type: 'sites/listed'; sites: SiteSettings[] }
  | { type: 'sites/updated'; site: SiteSettings }
  | { type: 'sites/deleted'; siteId: string }
  | { type: 'sites/hours'; states: SiteHoursState[] }
  | { type: 'sites/public-url'; url: string | null }
  | { type: 'site-filter'; siteId: string | null }
  | { type: 'survey/received'; survey: SurveyEvent }
  | { type: 'survey/alert-dismissed'; conversationId: string }
  | { type: 'mention/received'; mention: NoteMention }
  | { type: 'mention/dismissed'; messageId: string }
  | FeedbackAction
  | CallbackAction;

export type { ConversationStatus };
