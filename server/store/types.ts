import type {
  AuthorKind,
  BusinessHours,
  CallbackAttempt,
  CallbackStatus,
  ConversationStatus,
  ConversationSummary,
  FeedbackCursor,
  FeedbackFilter,
  FeedbackItem,
  FeedbackReply,
  FeedbackStatus,
  InboxCursor,
  Message,
  SiteContents,
  SiteSettings,
  SurveyResult,
} from '../../protocol/types';

/** Settings kept as one JSON document per site; missing keys take defaults. */
export type SiteOptions = Pick<SiteSettings, 'channels' | 'awayMessage' | 'waitSeconds' | 'surveyEnabled' | 'faqs' | 'hoursEnabled'>;

export interface SiteRow {
  id: string;
  name: string;
  greeting: string;
  color: string;
  allowedOrigins: string[];
  hours: BusinessHours;
  options: SiteOptions;
  createdAt: string;
}

export interface AgentRow {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'agent';
  away?: boolean;
  passwordHash: string;
  /** A generated first password, printed at every start until someone signs in with it. */
  initialPassword?: string | null;
  createdAt: string;
  /** When an admin deactivated the agent; null (or absent) while active. */
  deactivatedAt?: string | null;
}

/** What an admin or the agent may change on an agent. */
export type AgentPatch = Partial<Pick<AgentRow, 'name' | 'role' | 'deactivatedAt'>>;

/** A one-time link: an invitation to join (`invite`) or to set a new password (`reset`). */
export interface AgentTokenRow {
  id: string;
  tokenHash: string;
  kind: 'invite' | 'reset';
  email: string;
  /** The role an invite gives; null for a reset. */
  role: 'admin' | 'agent' | null;
  /** The agent a reset is for; null for an invite. */
  agentId: string | null;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
}

/** Why a one-time link cannot be used. */
export type TokenProblem = 'unknown' | 'expired' | 'used' | 'revoked' | 'email_taken' | 'deactivated';

/** A one-time link used: the agent it made or changed and the sessions it ended; or why not (nothing written). */
export type TokenUse = { ok: true; agent: AgentRow; ended: string[] } | { ok: false; problem: TokenProblem };

export interface SessionRow {
  tokenHash: string;
  agentId: string;
  expiresAt: string;
}

export interface VisitorRow {
  id: string;
  siteId: string;
  tokenHash: string;
  name: string | null;
  email: string | null;
  pageUrl: string | null;
  pageTitle: string | null;
  referrer: string | null;
  userAgent: string | null;
  language: string | null;
  timezone: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  visits: number;
}

export type VisitorPatch = Partial<
  Pick<VisitorRow, 'name' | 'email' | 'pageUrl' | 'pageTitle' | 'referrer' | 'userAgent' | 'language' | 'timezone' | 'lastSeenAt' | 'visits'>
>;

export interface ConversationRow {
  id: string;
  siteId: string;
  visitorId: string;
  status: ConversationStatus;
  lastSeq: number;
  agentReadSeq: number;
  /** Visitor messages after agentReadSeq. */
  agentUnread: number;
  survey: SurveyResult | null;
  visitorReadSeq: number;
  firstResponseAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewMessage {
  id: string;
  conversationId: string;
  author: AuthorKind;
  agentId: string | null;
  authorName: string | null;
  text: string;
  now: string;
  /** For an automatic answer: the scripted answer it came from. */
  faqId?: string;
  /** When set, the conversation must belong to this visitor; otherwise it counts as missing. */
  visitorId?: string;
}

/** Result of appending: `created` is false when the id was already stored. */
export interface AppendResult {
  message: Message;
  created: boolean;
  conversation: ConversationRow;
  statusBefore: ConversationStatus;
}

/** An email as the outbox keeps it; plain text always, HTML optional. */
export interface EmailPayload {
  to: string;
  subject: string;
  text: string;
  html?: string;
  replyTo?: string;
  /** Carries a one-time link: its address and text are forgotten once it is sent or given up. */
  secret?: boolean;
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxRow {
  id: string;
  kind: 'email';
  payload: EmailPayload;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export type FeedbackRow = Omit<FeedbackItem, 'unhappy'>;

export interface NewFeedbackReply {
  id: string;
  feedbackId: string;
  agentId: string;
  agentName: string;
  text: string;
  createdAt: string;
}

export interface CallbackRow {
  id: string;
  siteId: string;
  visitorId: string | null;
  phone: string;
  name: string | null;
  topic: string | null;
  asap: boolean;
  dueAt: string;
  windowEnd: string | null;
  status: CallbackStatus;
  claimedBy: { id: string; name: string } | null;
  attempts: number;
  pageUrl: string | null;
  pageTitle: string | null;
  visitorTimezone: string | null;
  visitorLocale: string | null;
  createdAt: string;
  updatedAt: string;
}
/** A callback with the name its visitor gave in chat, for the queue. */
export type CallbackWithVisitor = CallbackRow & { visitorName: string | null };
/** A place in the visitors' order of last sight. */
export interface VisitorCursor {
  lastSeenAt: string;
  id: string;
}

export type CallbackPatch = Partial<Omit<CallbackRow, 'id' | 'siteId' | 'createdAt'>>;

export interface SummaryQuery {
  status?: ConversationStatus | 'all';
  visitorId?: string;
  siteId?: string;
  /** Only rows after this one in the order (newest activity first). */
  before?: InboxCursor;
  limit: number;
}

/**
 * Everything Earshot keeps. Async so that a networked database fits the same shape;
 * each method is atomic on its own.
 */
export interface Store {
  close(): Promise<void>;
  /** Resolves when the database answers a trivial query (for `/healthz`); rejects when it cannot. */
  ping(): Promise<void>;

  getSite(id: string): Promise<SiteRow | null>;
  upsertSite(site: SiteRow): Promise<void>;
  listSites(): Promise<SiteRow[]>;
  /** Stores a new site; false when its id is taken (nothing written). */
  createSite(site: SiteRow): Promise<boolean>;
  /** How many conversations, callback requests, feedback and visitors the site has. */
  countSiteContents(id: string): Promise<SiteContents>;
  /** Deletes the site and everything that belongs to it, all or nothing: what it deleted, or null when there was no such site. */
  deleteSite(id: string): Promise<SiteContents | null>;

  countAgents(): Promise<number>;
  setAgentAway(id: string, away: boolean): Promise<void>;
  createAgent(agent: AgentRow): Promise<void>;
  getAgentByEmail(email: string): Promise<AgentRow | null>;
  getAgent(id: string): Promise<AgentRow | null>;
  /** The active agents, oldest first: deactivated ones get no alerts and are not in presence. */
  listAgents(): Promise<AgentRow[]>;
  /** Forgets the agent's generated first password (they signed in with it). */
  clearInitialPassword(id: string): Promise<void>;
  /** Every agent, deactivated ones too, oldest first. */
  listAllAgents(): Promise<AgentRow[]>;
  /**
   * Changes an agent; refused with 'last_admin' (nothing written) when no active admin would be
   * left. Reactivating also ends every session left from before. Null for an unknown id.
   */
  updateAgent(id: string, patch: AgentPatch): Promise<AgentRow | 'last_admin' | null>;
  /** Sets a new password hash and ends every other session of the agent, together; returns the ended sessions' hashes. */
  setAgentPassword(id: string, passwordHash: string, keepSession: string | null): Promise<string[]>;

  /** Stores a one-time link, revoking the pending ones of its kind for the same email, together. */
  createAgentToken(t: AgentTokenRow): Promise<void>;
  getAgentToken(tokenHash: string): Promise<AgentTokenRow | null>;
  getAgentTokenById(id: string): Promise<AgentTokenRow | null>;
  /** Invites neither used, revoked nor expired at `now`, newest first. */
  listPendingInvites(now: string): Promise<AgentTokenRow[]>;
  /** Revokes a pending link; false when it was used or revoked already. */
  revokeAgentToken(id: string, now: string): Promise<boolean>;
  /**
   * Creates the invited agent (email and role from the invite), consumes the invite and opens
   * `session`, all or nothing.
   */
  acceptInvite(tokenHash: string, agent: Omit<AgentRow, 'email' | 'role'>, session: Omit<SessionRow, 'agentId'>, now: string): Promise<TokenUse>;
  /** Sets the password a reset link is for, consumes it, ends the agent's sessions and opens `session`, all or nothing. */
  useResetToken(tokenHash: string, passwordHash: string, session: Omit<SessionRow, 'agentId'>, now: string): Promise<TokenUse>;

  createSession(session: SessionRow): Promise<void>;
  getSession(tokenHash: string): Promise<SessionRow | null>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Forgets every session that expired before `now`. */
  deleteExpiredSessions(now: string): Promise<void>;

  createVisitor(visitor: VisitorRow): Promise<void>;
  getVisitor(id: string): Promise<VisitorRow | null>;
  getVisitorByTokenHash(tokenHash: string): Promise<VisitorRow | null>;
  updateVisitor(id: string, patch: VisitorPatch): Promise<VisitorRow>;
  /** Notes that these visitors are here now (connected), in one write. */
  touchVisitors(ids: string[], now: string): Promise<void>;

  getConversation(id: string): Promise<ConversationRow | null>;
  latestConversation(visitorId: string): Promise<ConversationRow | null>;
  /** The visitor's latest conversation, or a new pending one with `newId`. */
  latestOrNewConversation(visitorId: string, siteId: string, newId: string, now: string): Promise<ConversationRow>;
  setConversationStatus(id: string, status: ConversationStatus, now: string): Promise<ConversationRow>;
  setReadSeq(id: string, who: 'agent' | 'visitor', seq: number): Promise<void>;
  setSurvey(conversationId: string, survey: SurveyResult): Promise<void>;
  /** First-reply delays (ms) of conversations started since `since`. */
  firstResponseDelays(siteId: string, since: string): Promise<number[]>;
  /** Records whether an automatic answer helped. */
  setFaqHelpful(messageId: string, helpful: boolean): Promise<void>;

  getMessage(id: string): Promise<Message | null>;
  /**
   * Stores a message with the next seq, or returns the stored one when the same author
   * retries an id in the same conversation; any other reuse of an id is `duplicate_id`.
   * The conversation's status follows the message (`statusAfterMessage`). Resolves only once
   * the message is committed.
   */
  appendMessage(m: NewMessage): Promise<AppendResult>;
  listMessages(conversationId: string, afterSeq: number, limit: number): Promise<Message[]>;

  /** Queues a side effect; it is durable once this resolves. */
  /**
   * Forgets what nobody needs any more, looking at most `limit` rows of each kind per call:
   * visitors last seen before `before` who have no conversation and no call back request (a page
   * view each, often), taken in order of last sight after `from` (where the last call stopped);
   * and the addresses and text of emails sent or given up before `before` (their state stays).
   * `next` is where the next call goes on from (the last visitor looked at; null when none was),
   * and `more` whether there may be more before `before`.
   */
  purgeOld(
    before: string,
    from: VisitorCursor | null,
    limit: number,
  ): Promise<{ visitors: number; emails: number; next: VisitorCursor | null; more: boolean }>;
  /** Stores an outbox row; an id stored already is left as it is (so a repeated step queues nothing twice). */
  enqueueOutbox(row: Pick<OutboxRow, 'id' | 'kind' | 'payload'>, now: string): Promise<void>;
  /**
   * Takes up to `limit` due items (pending, or sending with an expired lease, i.e. a
   * worker that died mid-send), marks them sending until `leaseUntil`, counts the attempt.
   */
  claimOutbox(now: string, leaseUntil: string, limit: number): Promise<OutboxRow[]>;
  /** Marks an item sent; false when it was not this claim's to mark (already sent). */
  markOutboxSent(id: string, now: string): Promise<boolean>;
  /** Puts an item back for a later attempt, or gives up on it (`failed`). */
  markOutboxRetry(id: string, error: string, nextAttemptAt: string | null): Promise<void>;
  getOutbox(id: string): Promise<OutboxRow | null>;

  /** Stores new feedback; false when its id is taken already (nothing written). */
  createFeedback(f: FeedbackRow): Promise<boolean>;
  getFeedback(id: string): Promise<FeedbackRow | null>;
  /** Newest first (ties by id), only items after `before` in that order when given. */
  listFeedback(filter: FeedbackFilter, limit: number, before?: FeedbackCursor): Promise<FeedbackRow[]>;
  setFeedbackStatus(id: string, status: FeedbackStatus, now: string): Promise<FeedbackRow | null>;
  /** How many pieces of feedback have this status, across all sites. */
  countFeedback(status: FeedbackStatus): Promise<number>;
  /** Stores a reply, its email in the outbox and the answered status, all or nothing. */
  addFeedbackReply(reply: NewFeedbackReply, email: Pick<OutboxRow, 'id' | 'kind' | 'payload'>): Promise<FeedbackReply>;
  /** Oldest first, each with the id of the agent who wrote it. */
  listFeedbackReplies(feedbackId: string): Promise<(FeedbackReply & { agentId: string })[]>;
  /** The reply an outbox email carries, with its email status now; null for any other email. */
  getFeedbackReplyByOutbox(outboxId: string): Promise<FeedbackReply | null>;
  /** Ratings and counts of feedback created at or after `since`. */
  feedbackSince(since: string): Promise<{ createdAt: string; rating: number | null; category: FeedbackRow['category'] }[]>;

  createCallback(c: CallbackRow): Promise<void>;
  getCallback(id: string): Promise<CallbackWithVisitor | null>;
  /** The visitor's open (waiting or rescheduled) request for a phone on a site. */
  findOpenCallback(siteId: string, phone: string, visitorId: string): Promise<CallbackRow | null>;
  latestCallbackForVisitor(visitorId: string): Promise<CallbackRow | null>;
  updateCallback(id: string, patch: CallbackPatch): Promise<void>;
  /**
   * Gives an open request to `agent`, in one step: only when nobody else has it, or the agent
   * `takeOverFrom` still has it. False when it is closed or someone else has it (nothing written).
   */
  claimCallback(id: string, agent: { id: string; name: string }, takeOverFrom: string | null, now: string): Promise<boolean>;
  /** Open requests by due time (earliest, hence overdue, first); with `open` false, closed ones follow, newest first. */
  listCallbacks(open: boolean, limit: number, siteId?: string): Promise<CallbackWithVisitor[]>;
  /** Records an attempt and applies its effect on the request, together. */
  addCallbackAttempt(callbackId: string, attempt: CallbackAttempt & { agentId: string }, patch: CallbackPatch): Promise<void>;
  listCallbackAttempts(callbackId: string): Promise<CallbackAttempt[]>;

  getSummary(conversationId: string): Promise<ConversationSummary | null>;
  listSummaries(q: SummaryQuery): Promise<ConversationSummary[]>;
}
