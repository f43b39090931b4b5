import type {
  ConversationChannel,
  AuthorKind,
  CallbackAttempt,
  CallbackItem,
  CallbackStatus,
  CannedReply,
  TaggedKind,
  ConversationStatus,
  ConversationSummary,
  FeedbackCursor,
  FeedbackFilter,
  FeedbackItem,
  FeedbackReply,
  FeedbackStatus,
  HeldMail,
  HeldMailReason,
  InboxCursor,
  Message,
  SiteContents,
  SiteSettings,
  SurveyResult,
} from '../../protocol/types';
import type { SiteOptions } from '../../protocol/site-options';
import type { WebhookDelivery, WebhookEndpoint } from '../../protocol/webhooks';
import type { WebhookEvents } from './webhook-events';
import type { PrivacyPort } from './privacy-types';

export type { SiteOptions };

/** A site as stored: what an admin sets of it in the settings' own columns, the rest in `options`. */
export interface SiteRow extends Pick<SiteSettings, 'id' | 'name' | 'greeting' | 'color' | 'allowedOrigins' | 'hours'> {
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
  /** Claimed by the page through identify (the name and email above are claimed too, unless contactId is set). */
  phone: string | null;
  /**
   * The contact (person) this browser belongs to: every stored visitor has one. `createVisitor`
   * makes the contact too unless it exists (`ct_<visitor id>` when this is null).
   */
  contactId: string | null;
  /**
   * When this browser was joined to its contact by a verified identity or email. Only verified
   * browsers of one contact share their conversations (an agent's merge alone never shows a
   * browser another's history). Absent means null.
   */
  verifiedAt?: string | null;
  /** The site's user id the page claimed with identify without a hash (never merged into a contact); null once verified. */
  claimedId: string | null;
}

export type VisitorPatch = Partial<
  Pick<
    VisitorRow,
    | 'name'
    | 'email'
    | 'pageUrl'
    | 'pageTitle'
    | 'referrer'
    | 'userAgent'
    | 'language'
    | 'timezone'
    | 'lastSeenAt'
    | 'visits'
    | 'phone'
    | 'contactId'
    | 'verifiedAt'
    | 'claimedId'
  >
>;

/** A custom attribute's value (from identify or the API). */
export type AttributeValue = string | number | boolean;

/**
 * One person on a site, gathering their visitors (browsers) and through them their conversations,
 * callbacks and feedback. Verified when it has an externalId (a verified identify) or a verified email.
 */
export interface ContactRow {
  id: string;
  siteId: string;
  /** The site's own user id, verified by the identify hash. */
  externalId: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  createdAt: string;
  updatedAt: string;
  /** When `email` was shown to be the person's (a confirmation link, or a mail from it). */
  emailVerifiedAt: string | null;
  attributes: Record<string, AttributeValue>;
  /** Agents' notes about the person. */
  notes: string | null;
  /** When the contact was erased (GDPR art. 17): a blank record kept for counts. Absent means null. */
  erasedAt?: string | null;
  /** Set when this contact was merged into another (kept so the merge can be undone). */
  mergedInto: string | null;
}

/** A contact as first stored. */
export type NewContact = Pick<ContactRow, 'id' | 'siteId' | 'externalId' | 'name' | 'email' | 'phone' | 'createdAt' | 'updatedAt'>;

/** What may be changed on a contact; attributes are merged key by key (a null value removes the key). */
export interface ContactPatch {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  notes?: string | null;
  attributes?: Record<string, AttributeValue | null>;
  emailVerifiedAt?: string;
  updatedAt: string;
}

/** Why a merge was made. */
export type MergeReason = 'identity' | 'email' | 'agent';

/** A recorded merge of one contact into another: what an undo puts back. */
export interface ContactMergeRow {
  id: string;
  siteId: string;
  intoId: string;
  fromId: string;
  /** The visitors that moved. */
  visitorIds: string[];
  reason: MergeReason;
  agentId: string | null;
  createdAt: string;
  undoneAt: string | null;
}

/** Why a merge, undo or split was refused (nothing written). */
export type ContactProblem = 'not_found' | 'same_contact' | 'other_site' | 'merged' | 'both_verified' | 'nothing_to_undo' | 'only_visitor';

/** A contact in a list, with when any of its browsers was last seen and what its browsers claimed. */
export interface ContactListItem extends ContactRow {
  lastSeenAt: string;
  visitorCount: number;
  /** A visitor's claimed name or email when the contact has none of its own. */
  visitorName: string | null;
  visitorEmail: string | null;
}

export interface ContactQuery {
  siteId?: string;
  /** Matches name, email or phone of the contact, its browsers or their call back requests. */
  search?: string;
  /** Only rows after this one in the order (last seen, newest first; ties by id). */
  before?: { lastSeenAt: string; id: string };
  limit: number;
}

/** Another contact sharing a claimed email or phone: to be merged only by an agent. */
export interface ContactSuggestion {
  contact: ContactListItem;
  /** What matched. */
  email: string | null;
  phone: string | null;
}

/** A site's identity verification settings. */
export interface SiteIdentityRow {
  siteId: string;
  secret: string;
  requireVerification: boolean;
  rotatedAt: string;
}

export interface ConversationRow {
  id: string;
  siteId: string;
  visitorId: string;
  status: ConversationStatus;
  /** How it began (chat unless the first message was left while nobody was there, or came by email). */
  channel: ConversationChannel;
  lastSeq: number;
  agentReadSeq: number;
  /** Visitor messages after agentReadSeq. */
  agentUnread: number;
  survey: SurveyResult | null;
  visitorReadSeq: number;
  /** The agent on it (issue 19); null while Unassigned. */
  assigneeId: string | null;
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
  /** The node's clock; SQLite (one node) stores it, Postgres uses its own clock (times follow seqs on every node). */
  now: string;
  /** For an automatic answer: the scripted answer it came from. */
  faqId?: string;
  /** When set, the conversation must belong to this visitor; otherwise it counts as missing. */
  visitorId?: string;
  /** An agent's internal note: takes a seq but changes no status, read position or unread count. */
  note?: boolean;
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
  /** The Message-ID (with its angle brackets); the outbox id on this server's domain when unset. */
  messageId?: string;
  /** The thread's last email before this one, and its earlier ones, oldest first. */
  inReplyTo?: string;
  references?: string[];
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

/** An outbox row a worker holds: only the claim that took it may settle it. */
export type ClaimedOutboxRow = OutboxRow & { claimId: string };

/** `visitorId` is kept only for feedback signed with a name and email (anonymous feedback keeps no link). */
export type FeedbackRow = Omit<FeedbackItem, 'unhappy'> & { visitorId?: string | null };

export interface NewFeedbackReply {
  id: string;
  feedbackId: string;
  agentId: string;
  agentName: string;
  text: string;
  createdAt: string;
}

/** A call back request as stored: what agents see, less what is worked out for showing (the grouped number, the visitor's name). */
export type CallbackRow = Omit<CallbackItem, 'phoneDisplay' | 'visitorName'>;
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
  /** Conversations of any visitor of this contact (every browser of a verified person). */
  contactId?: string;
  siteId?: string;
  channel?: ConversationChannel;
  /** One agent's conversations, or (null) the Unassigned ones. */
  assigneeId?: string | null;
  /** Only rows after this one in the order (newest activity first). */
  before?: InboxCursor;
  /** Only conversations changed at or after this time (ISO 8601, UTC). */
  updatedSince?: string;
  /** Only conversations with this tag. */
  tag?: string;
  limit: number;
}

/**
 * The few domain rules a store applies while it writes, handed in by whoever opens it, so the
 * store imports nothing from domain/.
 */
export interface StoreRules {
  /** The conversation's status once `author` has written in it. */
  statusAfterMessage(author: AuthorKind, c: Pick<ConversationRow, 'status' | 'firstResponseAt'>): ConversationStatus;
  /** What to call a visitor who gave no name. */
  visitorName(visitorId: string): string;
}

// The contract, one port per aggregate. Every method is async (a networked database fits the
// same shape) and atomic on its own. Where a time orders or leases (outbox claims, session
// expiry), the store reads its own clock: the database's, for a database shared by nodes.

export interface SitePort {
  getSite(id: string): Promise<SiteRow | null>;
  upsertSite(site: SiteRow): Promise<void>;
  listSites(): Promise<SiteRow[]>;
  /** Stores a new site; false when its id is taken (nothing written). */
  createSite(site: SiteRow): Promise<boolean>;
  /** How many conversations, callback requests, feedback and visitors the site has. */
  countSiteContents(id: string): Promise<SiteContents>;
  /** Deletes the site and everything that belongs to it, all or nothing: what it deleted, or null when there was no such site. */
  deleteSite(id: string): Promise<SiteContents | null>;
}

export interface AgentPort {
  countAgents(): Promise<number>;
  setAgentAway(id: string, away: boolean): Promise<void>;
  createAgent(agent: AgentRow): Promise<void>;
  /** Stores the first agent only while there is none (two nodes starting together make one); false when someone was there. */
  createFirstAgent(agent: AgentRow): Promise<boolean>;
  /** Matches the address whatever its case. */
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
}

/** One-time links: invitations and password resets. */
export interface AgentTokenPort {
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
  acceptInvite(
    tokenHash: string,
    agent: Omit<AgentRow, 'email' | 'role'>,
    session: Omit<SessionRow, 'agentId'>,
    now: string,
  ): Promise<TokenUse>;
  /** Sets the password a reset link is for, consumes it, ends the agent's sessions and opens `session`, all or nothing. */
  useResetToken(tokenHash: string, passwordHash: string, session: Omit<SessionRow, 'agentId'>, now: string): Promise<TokenUse>;
}

export interface SessionPort {
  createSession(session: SessionRow): Promise<void>;
  /** A session that has not expired by the store's clock (the database's on Postgres, as every node shares it). */
  getSession(tokenHash: string): Promise<SessionRow | null>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Forgets every session that expired, by the store's clock. */
  deleteExpiredSessions(): Promise<void>;
}

export interface VisitorPort {
  createVisitor(visitor: VisitorRow): Promise<void>;
  getVisitor(id: string): Promise<VisitorRow | null>;
  getVisitorByTokenHash(tokenHash: string): Promise<VisitorRow | null>;
  /** Changes a visitor; `events` (of the visitor as changed) are recorded in the same transaction. */
  updateVisitor(id: string, patch: VisitorPatch, events?: WebhookEvents<VisitorRow>): Promise<VisitorRow>;
  /** Notes that these visitors are here now (connected), in one write; `now` on SQLite, the database's clock on Postgres. */
  touchVisitors(ids: string[], now: string): Promise<void>;
  /** A page of visitors, last seen first (ties by id, descending). */
  pageVisitors(q: VisitorPageQuery): Promise<VisitorRow[]>;
}

/** A page of a list ordered by a time, newest first (ties by id, descending). */
export interface TimePage {
  /** Only rows whose time is at or after this one. */
  since?: string;
  /** Only rows after this one (its time and id) in the order. */
  before?: { at: string; id: string };
  limit: number;
}

/** Visitors by when they were last seen. */
export interface VisitorPageQuery extends TimePage {
  siteId?: string;
}

export interface ContactPort {
  getSiteIdentity(siteId: string): Promise<SiteIdentityRow | null>;
  /** The site's identity settings, stored as `fresh` when it has none yet (one, however many ask at once). */
  ensureSiteIdentity(fresh: SiteIdentityRow): Promise<SiteIdentityRow>;
  updateSiteIdentity(siteId: string, patch: Partial<Omit<SiteIdentityRow, 'siteId'>>): Promise<SiteIdentityRow>;
  getContact(id: string): Promise<ContactRow | null>;
  /**
   * The contact of `fresh.externalId` on `fresh.siteId`, made from `fresh` when there is none (one, however many
   * browsers ask at once); its name, email and phone are set to `fresh`'s where those are not null.
   */
  upsertContactByExternalId(fresh: NewContact & { externalId: string }): Promise<ContactRow>;
  /** The ids of every visitor of a contact; with `verifiedOnly`, of those joined by a verified identity or email. */
  contactVisitorIds(contactId: string, verifiedOnly?: boolean): Promise<string[]>;
  /** The newest conversation of any of the contact's verified visitors. */
  latestContactConversation(contactId: string): Promise<ConversationRow | null>;
  /** Changes a contact (not a merged one); null when there is no such contact. */
  /** `events` are recorded in the change's transaction (see WebhookEvents). */
  updateContact(id: string, patch: ContactPatch, events?: WebhookEvents<ContactRow>): Promise<ContactRow | null>;
  /** Another unmerged contact of the site whose email was verified, matching whatever its case. */
  findContactByVerifiedEmail(siteId: string, email: string, exceptId: string): Promise<ContactRow | null>;
  /**
   * Moves every visitor of `fromId` into `intoId`, marks `fromId` merged, fills `intoId`'s missing
   * details and attributes from it and records the merge, all or nothing.
   */
  mergeContacts(m: Omit<ContactMergeRow, 'siteId' | 'visitorIds' | 'undoneAt'>): Promise<ContactMergeRow | ContactProblem>;
  /** Undoes the latest merge into a contact not undone yet: its visitors go back, the merged contact comes back. */
  undoLastMerge(intoId: string, now: string): Promise<ContactMergeRow | ContactProblem>;
  /** The latest merge into a contact that may still be undone. */
  lastMerge(intoId: string): Promise<ContactMergeRow | null>;
  /** Takes a visitor out of its contact into a new contact `fresh` (unverified), unless it is the contact's only visitor. */
  splitVisitor(visitorId: string, fresh: NewContact): Promise<ContactRow | ContactProblem>;
  /** Unmerged contacts, last seen first. */
  listContacts(q: ContactQuery): Promise<ContactListItem[]>;
  getContactItem(id: string): Promise<ContactListItem | null>;
  /** Other unmerged contacts of the site that share a claimed email or phone with this one. */
  contactSuggestions(contactId: string, limit: number): Promise<ContactSuggestion[]>;
  /** The call back requests and the signed feedback of a contact's browsers, newest first. */
  contactActivity(contactId: string, limit: number): Promise<{ callbacks: CallbackWithVisitor[]; feedback: FeedbackRow[] }>;
}

export interface ConversationPort {
  getConversation(id: string): Promise<ConversationRow | null>;
  latestConversation(visitorId: string): Promise<ConversationRow | null>;
  /**
   * The visitor's latest conversation, or a new pending one with `newId` (one, however many tabs ask at once).
   * Times that order the inbox are `now` on SQLite (one node), the database's clock on Postgres (here and below).
   */
  latestOrNewConversation(
    visitorId: string,
    siteId: string,
    newId: string,
    now: string,
    channel?: ConversationChannel,
  ): Promise<ConversationRow>;
  /** Sets the status; `events` (of the conversation as changed) are recorded in the same transaction. */
  setConversationStatus(
    id: string,
    status: ConversationStatus,
    now: string,
    events?: WebhookEvents<ConversationRow>,
  ): Promise<ConversationRow>;
  setReadSeq(id: string, who: 'agent' | 'visitor', seq: number): Promise<void>;
  setSurvey(conversationId: string, survey: SurveyResult, events?: WebhookEvents<void>): Promise<void>;
  /** First-reply delays (ms) of conversations started since `since`. */
  firstResponseDelays(siteId: string, since: string): Promise<number[]>;
  getSummary(conversationId: string): Promise<ConversationSummary | null>;
  listSummaries(q: SummaryQuery): Promise<ConversationSummary[]>;
}

/** A change of a conversation's agent (issue 19). */
export interface Assign {
  conversationId: string;
  /** The new agent, or null for Unassigned. */
  to: string | null;
  /** Only while the conversation's agent is this one (null: only while Unassigned); omitted: whoever has it. */
  expectFrom?: string | null;
  /** A transfer's note for the new agent, and who wrote it. */
  note: string | null;
  byName: string | null;
  now: string;
}

/** An agent's share of the chats, for auto-assignment. */
export interface AgentLoad {
  agentId: string;
  /** Conversations assigned to them that are not resolved. */
  open: number;
  lastAssignedAt: string | null;
}

/**
 * Conversations' agents. Each change is one conditional update, so of two agents claiming at once
 * one wins; times are `now` on SQLite (one node), the database's clock on Postgres.
 */
export interface AssignmentPort {
  /** The row after the change, or null when `expectFrom` no longer held (or there is no such conversation). */
  assignConversation(a: Assign): Promise<ConversationRow | null>;
  /** Every agent with a chat assigned, ever. */
  agentLoads(): Promise<AgentLoad[]>;
  /** Notes, on unresolved assigned chats, since when their agent is offline (not in `online`), and forgets it for those online. */
  noteOfflineAssignees(online: string[], now: string): Promise<void>;
  /** Returns to Unassigned the site's unresolved chats whose agent has been offline for `graceSeconds`; their ids. */
  releaseOfflineAssigned(siteId: string, graceSeconds: number, now: string): Promise<string[]>;
}

export interface MessagePort {
  getMessage(id: string): Promise<Message | null>;
  /**
   * Stores a message with the next seq (given by the database in the write that stores it), or
   * returns the stored one when the same author retries an id in the same conversation; any other
   * reuse of an id is `duplicate_id`. The conversation's status follows the message
   * (`StoreRules.statusAfterMessage`). Resolves only once the message is committed, with the
   * deliveries of `events` (run only when the message is new) in the same transaction.
   */
  appendMessage(m: NewMessage, events?: WebhookEvents<AppendResult>): Promise<AppendResult>;
  /** Notes only with `withNotes` (agents' views); a visitor's view never holds them. */
  listMessages(conversationId: string, afterSeq: number, limit: number, withNotes?: boolean): Promise<Message[]>;
  /** Records whether an automatic answer helped. */
  setFaqHelpful(messageId: string, helpful: boolean): Promise<void>;
}

/** Side effects, durable once queued, each claimed by one worker at a time. */
export interface OutboxPort {
  /** Stores an outbox row; an id stored already is left as it is (so a repeated step queues nothing twice). */
  enqueueOutbox(row: Pick<OutboxRow, 'id' | 'kind' | 'payload'>, now: string): Promise<void>;
  /**
   * Takes up to `limit` due items (pending, or sending with an expired lease, i.e. a worker that
   * died mid-send) that no other worker holds, marks them sending for `leaseMs`, counts the
   * attempt, and tags them with a new claim id.
   */
  claimOutbox(leaseMs: number, limit: number): Promise<ClaimedOutboxRow[]>;
  /** Marks an item sent; false when it is not held by `claimId` any more (settled, or claimed again). */
  markOutboxSent(id: string, claimId: string): Promise<boolean>;
  /**
   * Puts an item back for another attempt in `retryInMs`, or gives up on it (`failed`) with null;
   * false when `claimId` does not hold it.
   */
  markOutboxRetry(id: string, claimId: string, error: string, retryInMs: number | null): Promise<boolean>;
  getOutbox(id: string): Promise<OutboxRow | null>;
}

export interface FeedbackPort {
  /** Stores new feedback with its `events`; false when its id is taken already (nothing written). */
  createFeedback(f: FeedbackRow, events?: WebhookEvents<void>): Promise<boolean>;
  getFeedback(id: string): Promise<FeedbackRow | null>;
  /** Newest first (ties by id), only items after `before` in that order when given. */
  listFeedback(filter: FeedbackFilter, limit: number, before?: FeedbackCursor): Promise<FeedbackRow[]>;
  setFeedbackStatus(id: string, status: FeedbackStatus, now: string): Promise<FeedbackRow | null>;
  /** How many pieces of feedback have this status, across all sites. */
  countFeedback(status: FeedbackStatus): Promise<number>;
  /** Stores a reply, its email in the outbox and the answered status, all or nothing; a reply id taken already is `duplicate_id`. */
  addFeedbackReply(reply: NewFeedbackReply, email: Pick<OutboxRow, 'id' | 'kind' | 'payload'>): Promise<FeedbackReply>;
  /** Oldest first, each with the id of the agent who wrote it. */
  listFeedbackReplies(feedbackId: string): Promise<(FeedbackReply & { agentId: string })[]>;
  /** The reply an outbox email carries, with its email status now; null for any other email. */
  getFeedbackReplyByOutbox(outboxId: string): Promise<FeedbackReply | null>;
  /** Ratings and counts of feedback created at or after `since`. */
  feedbackSince(since: string): Promise<{ createdAt: string; rating: number | null; category: FeedbackRow['category'] }[]>;
}

export interface CallbackPort {
  createCallback(c: CallbackRow): Promise<void>;
  /**
   * A visitor's request, in one step: stores `c`, unless that visitor already has an open
   * (waiting or rescheduled) request for the same phone on the site, which then takes `update`
   * instead. Two tabs asking at once make one request. `events` are recorded in the same transaction.
   */
  requestCallback(
    c: CallbackRow & { visitorId: string },
    update: CallbackPatch,
    events?: WebhookEvents<{ callback: CallbackRow; created: boolean }>,
  ): Promise<{ callback: CallbackRow; created: boolean }>;
  getCallback(id: string): Promise<CallbackWithVisitor | null>;
  /** The visitor's open (waiting or rescheduled) request for a phone on a site. */
  findOpenCallback(siteId: string, phone: string, visitorId: string): Promise<CallbackRow | null>;
  latestCallbackForVisitor(visitorId: string): Promise<CallbackRow | null>;
  /** Changes a request; reopening one while its visitor has another open for the phone is `invalid_payload`. */
  updateCallback(id: string, patch: CallbackPatch): Promise<void>;
  /**
   * Gives an open request to `agent`, in one step: only when nobody else has it, or the agent
   * `takeOverFrom` still has it. False when it is closed or someone else has it (nothing written).
   */
  claimCallback(id: string, agent: { id: string; name: string }, takeOverFrom: string | null, now: string): Promise<boolean>;
  /** Open requests by due time (earliest, hence overdue, first); with `open` false, closed ones follow, newest first. */
  listCallbacks(open: boolean, limit: number, siteId?: string, tag?: string): Promise<CallbackWithVisitor[]>;
  /**
   * Records an attempt and applies its effect on the request, together. False when an attempt
   * with this id is stored already (a retry racing the first send): nothing is written. `events`
   * (run only when the attempt is new) are recorded in the same transaction.
   */
  addCallbackAttempt(
    callbackId: string,
    attempt: CallbackAttempt & { agentId: string },
    patch: CallbackPatch,
    events?: WebhookEvents<void>,
  ): Promise<boolean>;
  /** One attempt by its id, with who recorded it on which request. */
  getCallbackAttempt(id: string): Promise<StoredCallbackAttempt | null>;
  listCallbackAttempts(callbackId: string): Promise<CallbackAttempt[]>;
  /** Requests most recently changed first (ties by id), only rows after `before` in that order when given (the REST API's pages). */
  pageCallbacks(q: CallbackPageQuery): Promise<CallbackWithVisitor[]>;
}

/** Call back requests by when they last changed. */
export interface CallbackPageQuery extends TimePage {
  siteId?: string;
  status?: CallbackStatus;
  /** Only requests with this tag. */
  tag?: string;
}

/** An attempt as stored: whose it is and on which request, which a retried id is checked against. */
export type StoredCallbackAttempt = CallbackAttempt & { agentId: string; callbackId: string };

export interface RetentionPort {
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
  /** Where the sweep stopped, kept in the database so whichever node leads next goes on from there; null before any. */
  retentionCursor(): Promise<VisitorCursor | null>;
  saveRetentionCursor(cursor: VisitorCursor): Promise<void>;
}

/** A REST API token; only the hash of its secret is kept. */
export interface ApiTokenRow {
  id: string;
  name: string;
  /** sha256 of the whole secret (`es_live_…`), base64url: what a request's token is looked up by. */
  tokenHash: string;
  /** The secret's first characters, to tell tokens apart in the console (e.g. `es_live_Ab3d`). */
  prefix: string;
  scopes: ApiScope[];
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export type ApiScope = 'read' | 'write';

/** The first answer to a write, kept per token and Idempotency-Key so a repeat gets it again. */
export interface IdempotentAnswer {
  tokenId: string;
  key: string;
  /** What the request was (method, path, body digest): the same key on another request is refused. */
  fingerprint: string;
  /** The answer's HTTP status; 0 while the first request with the key still runs (claimed, no answer yet). */
  status: number;
  body: unknown;
  createdAt: string;
}

/** A key claimed by the request that runs first with it. */
export type IdempotencyClaim = Pick<IdempotentAnswer, 'tokenId' | 'key' | 'fingerprint' | 'createdAt'>;

/** API tokens and the answers kept for their Idempotency-Keys. */
export interface ApiTokenPort {
  createApiToken(t: ApiTokenRow): Promise<void>;
  getApiTokenByHash(tokenHash: string): Promise<ApiTokenRow | null>;
  /** Every token, revoked ones too, newest first. */
  listApiTokens(): Promise<ApiTokenRow[]>;
  /** Revokes a token; the revoked row, or null when there is no such token (revoking twice keeps the first time). */
  revokeApiToken(id: string, now: string): Promise<ApiTokenRow | null>;
  /** Notes when a token was last used. */
  touchApiToken(id: string, now: string): Promise<void>;
  getIdempotentAnswer(tokenId: string, key: string): Promise<IdempotentAnswer | null>;
  /**
   * Claims a key for the request about to run, in one insert-or-conflict: null when this request has it now, else what
   * holds it (a kept answer, or status 0 while another request with it runs). First the token's answers kept before
   * `forgetBefore` are forgotten (their keys may be used anew), and a claim of this key made before `staleBefore` whose
   * request never answered (its node died) is dropped.
   */
  claimIdempotencyKey(c: IdempotencyClaim, forgetBefore: string, staleBefore: string): Promise<IdempotentAnswer | null>;
  /** Keeps the answer of the request that claimed the key. */
  finishIdempotencyKey(a: IdempotentAnswer): Promise<void>;
  /** Lets a claimed key go when its request failed, so a retry with it runs anew. */
  releaseIdempotencyKey(tokenId: string, key: string): Promise<void>;
}

/** Everything Earshot keeps: SQLite (server/store/sqlite) or Postgres (server/store/postgres). */
/** Canned replies: the team's shared ones (`agentId` null) and each agent's own. */
export interface CannedPort {
  /** The shared replies and this agent's own, by shortcut. */
  listCannedReplies(agentId: string): Promise<CannedReply[]>;
  getCannedReply(id: string): Promise<CannedReply | null>;
  /**
   * Stores a new reply, or changes the shortcut and text of the one with its id (its owner stays);
   * `shortcut_taken` (nothing written) when another reply of the same owner has the shortcut.
   */
  saveCannedReply(r: CannedReply): Promise<CannedReply | 'shortcut_taken'>;
  /** False when there was no such reply. */
  deleteCannedReply(id: string): Promise<boolean>;
}

/** Tags on conversations, callback requests and feedback, per site. */
export interface TagPort {
  /** Replaces an item's tags (normalised already) with `tags`; answers them sorted. */
  setTags(kind: TaggedKind, itemId: string, siteId: string, tags: string[], now: string): Promise<string[]>;
  /** The tags of each item asked for (sorted); an item without tags is absent. */
  tagsOf(kind: TaggedKind, itemIds: string[]): Promise<Record<string, string[]>>;
  /** Every tag in use on a site (or on every site), sorted: what to suggest while typing one. */
  siteTags(siteId?: string): Promise<string[]>;
}

export interface Store
  extends
    SitePort,
    AgentPort,
    AgentTokenPort,
    SessionPort,
    VisitorPort,
    ConversationPort,
    AssignmentPort,
    MessagePort,
    OutboxPort,
    FeedbackPort,
    CallbackPort,
    RetentionPort,
    ApiTokenPort,
    ContactPort,
    WebhookPort,
    CannedPort,
    TagPort,
    PrivacyPort,
    MailPort {
  /** Resolves when the database answers, rejects when it does not (for /healthz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A webhook endpoint an admin added (issue 17). `oldSecret` still signs until `oldSecretUntil` after a rotation. */
export interface WebhookEndpointRow extends WebhookEndpoint {
  secret: string;
  oldSecret: string | null;
}

export type WebhookEndpointPatch = Partial<
  Pick<
    WebhookEndpointRow,
    'url' | 'events' | 'siteId' | 'description' | 'secret' | 'oldSecret' | 'oldSecretUntil' | 'failingSince' | 'disabledAt'
  >
> & { updatedAt: string };

/** One event for one endpoint: its id is the `webhook-id`, the same on every try. */
export interface WebhookDeliveryRow extends WebhookDelivery {
  /** Deliveries with one key (a conversation, a call back) go in order, one after the other. */
  orderKey: string | null;
  /** The exact JSON body signed and sent. */
  body: string;
}

export type NewWebhookDelivery = Pick<WebhookDeliveryRow, 'id' | 'endpointId' | 'eventType' | 'orderKey' | 'body' | 'createdAt'>;

/** How one try ended: delivered, put back for `retryInMs`, or failed for good. */
export interface WebhookOutcome {
  status: 'delivered' | 'pending' | 'failed';
  retryInMs?: number;
  responseStatus: number | null;
  error: string | null;
}

export interface WebhookPort {
  createWebhookEndpoint(e: WebhookEndpointRow): Promise<void>;
  /** Every endpoint, oldest first. */
  listWebhookEndpoints(): Promise<WebhookEndpointRow[]>;
  getWebhookEndpoint(id: string): Promise<WebhookEndpointRow | null>;
  updateWebhookEndpoint(id: string, patch: WebhookEndpointPatch): Promise<WebhookEndpointRow | null>;
  /** Deletes the endpoint and its deliveries. */
  deleteWebhookEndpoint(id: string): Promise<boolean>;
  /** Queues deliveries (all or none); an id stored already is left as it is. */
  enqueueWebhookDeliveries(rows: NewWebhookDelivery[]): Promise<void>;
  /**
   * Claims due deliveries for `leaseMs`, oldest first, skipping endpoints in `busy` and any delivery
   * with an earlier one of the same endpoint and order key still pending or being sent.
   */
  claimWebhookDeliveries(leaseMs: number, limit: number, busy: string[]): Promise<(WebhookDeliveryRow & { claimId: string })[]>;
  /** Records a try's outcome; false when the claim was lost (its lease ran out and another took it). */
  settleWebhookDelivery(id: string, claimId: string, outcome: WebhookOutcome): Promise<boolean>;
  getWebhookDelivery(id: string): Promise<WebhookDeliveryRow | null>;
  /** An endpoint's latest deliveries, newest first. */
  listWebhookDeliveries(endpointId: string, limit: number): Promise<WebhookDeliveryRow[]>;
  /** Puts a delivery back in the queue to be sent at once (its id stays). */
  redeliverWebhook(id: string, now: string): Promise<WebhookDeliveryRow | null>;
  /** Deletes up to `limit` deliveries done with (delivered or given up) last changed before `before`; how many. */
  purgeWebhookDeliveries(before: string, limit: number): Promise<number>;
}

/** What an email thread is about: a conversation, or a piece of feedback an agent answered. */
export interface MailTarget {
  kind: 'conversation' | 'feedback';
  id: string;
}

/** One email of a thread (sent or received); a sent one carries the hash of its Reply-To token and its recipient. */
export interface MailThreadRow extends MailTarget {
  messageId: string;
  tokenHash: string | null;
  /** Who the email went to: a reply to its token must come from this address. */
  address: string | null;
  createdAt: string;
}

export type { HeldMailReason };
export type HeldMailStatus = 'held' | 'posted' | 'discarded';

/** Inbound mail that was not posted on its own: it waits for an admin to post or discard it. */
export interface HeldMailRow extends HeldMail {
  messageId: string | null;
  status: HeldMailStatus;
  decidedBy: string | null;
  decidedAt: string | null;
}

/** A link that moves a visitor's conversation to another browser, once, before it expires. */
export interface ResumeLinkRow {
  tokenHash: string;
  visitorId: string;
  conversationId: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

/** Email threads, held inbound mail and resume links (issue 18). */
export interface MailPort {
  /** Records an email of a thread; a Message-ID stored already is left as it is. */
  addMailThread(row: MailThreadRow): Promise<void>;
  /** The thread email whose Reply-To token has this hash. */
  mailThreadByToken(tokenHash: string): Promise<MailThreadRow | null>;
  /** The Message-IDs of a thread's latest `limit` emails, oldest first. */
  mailThreadIds(target: MailTarget, limit: number): Promise<string[]>;
  holdMail(row: HeldMailRow): Promise<void>;
  /** Mail still held, newest first. */
  listHeldMail(limit: number): Promise<HeldMailRow[]>;
  getHeldMail(id: string): Promise<HeldMailRow | null>;
  /** Marks held mail posted or discarded; null when it is not held (any more). */
  decideHeldMail(id: string, status: 'posted' | 'discarded', agentId: string, now: string): Promise<HeldMailRow | null>;
  createResumeLink(row: ResumeLinkRow): Promise<void>;
  /** Spends a link that is unused and unexpired at `now`: the link, or why not. */
  spendResumeLink(tokenHash: string, now: string): Promise<ResumeLinkRow | 'unknown' | 'spent' | 'expired'>;
  /** Deletes up to `limit` held emails received, and up to `limit` resume links expired, before `before`; how many. */
  purgeMail(before: string, limit: number): Promise<number>;
}
