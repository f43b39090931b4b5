/**
 * Domain types shared by widget, console and server. Import with `import type`
 * so the visitor bundle pays nothing for them.
 */

/** `pending`: waiting for a first agent reply; `open`: an agent is on it; `resolved`: done. */
export type ConversationStatus = 'pending' | 'open' | 'resolved';
export const CONVERSATION_STATUSES = ['pending', 'open', 'resolved'] as const;
/** How a conversation began: a chat, a "leave a message" while nobody was there, or an email. */
export const CONVERSATION_CHANNELS = ['chat', 'offline', 'email'] as const;
export type ConversationChannel = (typeof CONVERSATION_CHANNELS)[number];

/** `system` messages are Earshot's own, such as automatic answers (which carry `faq`). */
export type AuthorKind = 'visitor' | 'agent' | 'system';

/** Every error a client can receive, from an ack or a REST call. */
export type ErrorCode =
  | 'invalid_payload'
  | 'unknown_event'
  | 'too_long'
  | 'not_found'
  | 'forbidden'
  | 'unauthorized'
  | 'bad_token'
  | 'bad_credentials'
  | 'origin_not_allowed'
  | 'unknown_site'
  | 'duplicate_id'
  | 'idempotency_in_progress'
  | 'rate_limited'
  | 'email_not_configured'
  | 'no_contact'
  | 'invalid_phone'
  | 'slot_unavailable'
  | 'already_claimed'
  | 'site_exists'
  | 'last_site'
  | 'email_taken'
  | 'link_expired'
  | 'link_used'
  | 'link_revoked'
  | 'last_admin'
  | 'account_deactivated'
  /** `identify` came with a hash that is not the HMAC of its id with the site's identity secret. */
  | 'bad_identity_hash'
  /** The site takes only verified identities: `identify` needs an `id` and its `hash`. */
  | 'identity_required'
  /** The contact was erased (GDPR art. 17): there is nothing left to export or erase. */
  | 'contact_erased'
  /** The contact was merged into another one: act on that one. */
  | 'contact_merged'
  /** The contact has no merge left to undo. */
  | 'nothing_to_undo'
  /** Another canned reply of the same owner (the team, or this agent) has that shortcut. */
  | 'shortcut_taken'
  /** A part the server needs (its database, the bus between nodes) does not answer: try again soon. */
  | 'unavailable'
  | 'internal';

export type Ack<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string; field?: string };
/** `field` names the input at fault (`contact.email`), so a form can show the error beside it. */
export type AckFn<T> = (result: Ack<T>) => void;

export interface Message {
  /** Chosen by the client (nanoid), so a retry can be recognised. */
  id: string;
  conversationId: string;
  /** Position in the conversation, assigned by the server, gapless from 1. */
  seq: number;
  author: AuthorKind;
  authorName: string | null;
  text: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** Present on an automatic answer: which scripted answer, and whether it helped. */
  faq?: { id: string; helpful: boolean | null };
  /** An internal note by an agent: only agents ever see it (never the visitor's widget, email or webhooks). */
  note?: true;
}

/** A saved reply an agent inserts by typing `/` and its shortcut; `{visitor.name}`, `{agent.name}`, `{site.name}` are filled in. */
export interface CannedReply {
  id: string;
  /** Letters, digits, `-` and `_`; unique among the team's shared replies, and among each agent's own. */
  shortcut: string;
  text: string;
  /** Null: shared with the whole team (admins manage these); else the agent whose own reply it is. */
  agentId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What can carry tags. */
export type TaggedKind = 'conversation' | 'callback' | 'feedback';
export const TAGGED_KINDS = ['conversation', 'callback', 'feedback'] as const;

export interface PageInfo {
  url: string;
  title: string;
  referrer?: string;
}

/** What the visitor's browser tells about itself at hello. */
export interface VisitorContext {
  page: PageInfo;
  language?: string;
  timezone?: string;
}

export interface Channels {
  chat: boolean;
  callback: boolean;
  feedback: boolean;
}

/** Site settings a visitor may see. */
export interface SitePublic {
  id: string;
  name: string;
  greeting: string;
  color: string;
  channels: Channels;
  /** Shown when nobody is available; '' for the widget's default in the visitor's language. */
  awayMessage: string;
  /** Seconds a new chat may wait for an agent before the widget offers other ways. */
  waitSeconds: number;
  surveyEnabled: boolean;
  /** The server can send email (SMTP is set up): answers and transcripts by email are offered only then. */
  sendsEmail: boolean;
}

/** Who is there, as the launcher shows it. */
export interface SiteStatus {
  /** An agent is online (not away) and the site is within opening hours. */
  available: boolean;
  openNow: boolean;
  agentsOnline: number;
  /** Median first reply over the last 7 days, in minutes; null with too little data. */
  typicalReplyMinutes: number | null;
  /** With `?lang=`: the launcher's strings in that language, when Earshot speaks it. */
  strings?: Record<string, string>;
}

/** A scripted answer: posted at once when a message matches a keyword before an agent joins. */
export interface Faq {
  id: string;
  question: string;
  keywords: string[];
  answer: string;
}

export interface VisitorConversation {
  id: string;
  status: ConversationStatus;
  lastSeq: number;
  /** Highest seq the visitor has read. */
  visitorReadSeq: number;
  /** The display name of the agent on the chat (null: nobody yet); absent when this event does not say (keep the last one). */
  agentName?: string | null;
}

export interface HelloResult {
  /** Present when the server issued a new token at this connection. */
  token: string | null;
  visitorId: string;
  name: string | null;
  email: string | null;
  site: SitePublic;
  /** Who is there to answer right now (null when the server could not tell); changes come as `site:status`. */
  status: SiteStatus | null;
  conversation: VisitorConversation | null;
  /** Who the site said this browser's visitor is (at identify, in any tab): its user id, verified by the hash or only claimed. */
  identity: { id: string; verified: boolean } | null;
}

export interface MessagePage {
  conversationId: string;
  messages: Message[];
  lastSeq: number;
}

/** Where a page of the inbox ended: its last row's activity time and id. */
export interface InboxCursor {
  updatedAt: string;
  id: string;
}

/** Where a page of the feedback list ended: its last item's creation time and id. */
export interface FeedbackCursor {
  createdAt: string;
  id: string;
}

export interface ConversationSummary {
  id: string;
  siteId: string;
  siteName: string;
  visitorId: string;
  visitorName: string;
  status: ConversationStatus;
  /** How it began. */
  channel: ConversationChannel;
  lastSeq: number;
  lastMessage: Pick<Message, 'text' | 'author' | 'createdAt'> | null;
  /** Visitor messages no agent has read yet. */
  unread: number;
  /** The visitor's rating after the chat was resolved. */
  survey: SurveyResult | null;
  /** The agent on it; null while Unassigned. */
  assignee: { id: string; name: string } | null;
  /** The note of the last transfer, for the agent it went to (agents only: never sent to the widget). */
  handoff: { note: string; byName: string } | null;
  createdAt: string;
  updatedAt: string;
}

/** How a site hands out new chats (issue 19). */
export interface AssignmentSettings {
  /** New chats go round robin to online, not-away agents under `capacity`. */
  auto: boolean;
  /** At most this many open chats per agent before auto-assignment skips them. */
  capacity: number;
  /** A chat whose agent went offline returns to Unassigned after this many seconds. */
  graceSeconds: number;
}

export interface VisitorProfile {
  id: string;
  siteId: string;
  /** The name the visitor gave, or a friendly generated one. */
  displayName: string;
  name: string | null;
  email: string | null;
  pageUrl: string | null;
  pageTitle: string | null;
  referrer: string | null;
  browser: string | null;
  os: string | null;
  language: string | null;
  timezone: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  visits: number;
  online: boolean;
  /** The server sends email: an agent's reply to this visitor while offline goes to their address, when they left one. */
  sendsEmail: boolean;
  /**
   * How far the name and email can be trusted: `verified` when the site's backend signed the user's id (`hash`),
   * `claimed` when the page only said so, `null` when the visitor was never identified.
   */
  identity: IdentityState;
  /** The site's own user id: verified, or only claimed by the page (as `identity` tells). */
  externalId: string | null;
  /** The person this browser belongs to: every visitor verified with the same id shares it. */
  contactId: string | null;
  phone: string | null;
}

export type IdentityState = 'verified' | 'claimed' | null;

/** What `Earshot('identify', ...)` may say; `hash` is the hex HMAC-SHA256 of `id` with the site's identity secret. */
export interface IdentifyInput {
  id?: string;
  name?: string;
  email?: string;
  phone?: string;
  hash?: string;
  /** Custom attributes of the person (plan, company…): at most 50, each a string, number or boolean. */
  attributes?: Record<string, string | number | boolean>;
}

/** The answer to identify: `merged` when this browser just joined a person seen on another one (its history is theirs now). */
export interface IdentifyResult {
  name: string | null;
  email: string | null;
  verified: boolean;
  merged: boolean;
}

/** A site's identity verification settings, for admins only. */
export interface SiteIdentity {
  siteId: string;
  /** The HMAC key the site's backend signs user ids with; never sent to widgets or non-admins. */
  secret: string;
  /** Identify without a valid hash is refused (`identity_required`). */
  requireVerification: boolean;
  rotatedAt: string;
}

export interface ConversationDetail {
  conversation: ConversationSummary;
  messages: Message[];
  visitor: VisitorProfile;
  /** The same visitor's other conversations, newest first. */
  history: ConversationSummary[];
}

export interface Agent {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'agent';
}

/** An agent as the Team page lists them. */
export interface TeamMember extends Agent {
  active: boolean;
  createdAt: string;
}

/** An invitation nobody has accepted yet; its link is not kept (only its hash is). */
export interface PendingInvite {
  id: string;
  email: string;
  role: 'admin' | 'agent';
  createdAt: string;
  expiresAt: string;
}

/** A one-time link made for someone: shown to copy when it could not be emailed. */
export interface LinkResult {
  /** The link itself, only when email is off (otherwise it went by email and is not shown). */
  link: string | null;
  emailed: boolean;
  expiresAt: string;
}

export interface TypingEvent {
  conversationId: string;
  from: 'visitor' | 'agent';
  name: string | null;
  typing: boolean;
  /** Which agent, to other agents (two may share a name); visitors get none. */
  agentId?: string;
}

export type FeedbackCategory = 'complaint' | 'praise' | 'idea' | 'question';
export const FEEDBACK_CATEGORIES = ['complaint', 'praise', 'idea', 'question'] as const;
export type FeedbackStatus = 'new' | 'answered' | 'archived';
export const FEEDBACK_STATUSES = ['new', 'answered', 'archived'] as const;

/** What the visitor's feedback form sends. */
export interface FeedbackInput {
  /** Chosen by the client (nanoid) so a retry after a lost ack is not stored twice. */
  id?: string;
  /** 1 (very bad) to 5 (very good), or null when the visitor gave none. */
  rating: number | null;
  category: FeedbackCategory;
  text: string;
  contact: { mode: 'reply'; name: string; email: string } | { mode: 'anonymous' };
  page: PageInfo;
  /** The widget's language, for the emails Earshot writes back. */
  locale?: string;
}

export interface FeedbackReceipt {
  id: string;
  /** True when the visitor left contact details and can expect an answer by email. */
  replyExpected: boolean;
}

export interface FeedbackItem {
  id: string;
  siteId: string;
  rating: number | null;
  category: FeedbackCategory;
  text: string;
  /** Null for anonymous feedback. */
  name: string | null;
  email: string | null;
  pageUrl: string | null;
  pageTitle: string | null;
  locale: string | null;
  status: FeedbackStatus;
  /** Complaints and ratings of 1 or 2: handle while the customer still cares. */
  unhappy: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface FeedbackReply {
  id: string;
  feedbackId: string;
  agentName: string;
  text: string;
  createdAt: string;
  /** Delivery of the email that carries the reply. */
  emailStatus: 'pending' | 'sending' | 'sent' | 'failed';
}

export interface FeedbackDetail {
  item: FeedbackItem;
  replies: FeedbackReply[];
}

export interface FeedbackFilter {
  status?: FeedbackStatus | 'all';
  category?: FeedbackCategory;
  /** Only ratings of 1 or 2. */
  unhappy?: boolean;
  /** Substring of the page URL. */
  page?: string;
  /** Only this site's feedback. */
  siteId?: string;
  /** Only feedback with this tag. */
  tag?: string;
}

export interface FeedbackStats {
  /** The last 30 days, oldest first (UTC days). */
  days: { date: string; average: number | null; count: number }[];
  categories: Record<FeedbackCategory, number>;
}

export interface ServerStatus {
  emailConfigured: boolean;
  /** PUBLIC_URL when configured (the base of install snippets), else null. */
  publicUrl?: string | null;
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** `from` and `to` are site-local `HH:MM`, `from` before `to`. */
export interface TimeRange {
  from: string;
  to: string;
}
export interface BusinessHours {
  /** IANA zone, e.g. `Europe/Prague`. */
  timezone: string;
  weekly: Record<Weekday, TimeRange[]>;
}

/** Everything an admin can change about a site. */
export interface SiteSettings {
  id: string;
  name: string;
  greeting: string;
  color: string;
  allowedOrigins: string[];
  hours: BusinessHours;
  /** Whether `hours` decide when the site is open; when off, it is open whenever an agent is there. */
  hoursEnabled: boolean;
  channels: Channels;
  awayMessage: string;
  waitSeconds: number;
  surveyEnabled: boolean;
  faqs: Faq[];
  /** Conversations untouched for this many days are deleted by the retention sweep; 0 keeps them. */
  keepConversationsDays: number;
  assignment: AssignmentSettings;
}

export interface AgentPresence {
  id: string;
  name: string;
  online: boolean;
  away: boolean;
}

export interface SurveyResult {
  rating: number;
  comment: string | null;
  createdAt: string;
}

/** A window a visitor may pick for a call back, in UTC. */
export interface CallbackSlot {
  start: string;
  end: string;
}
export interface CallbackSlots {
  openNow: boolean;
  /** Start of the next opening when closed now. */
  nextOpening: string | null;
  slots: CallbackSlot[];
}

/** `waiting` and `rescheduled` are open; the rest are final. */
export type CallbackStatus = 'waiting' | 'rescheduled' | 'called' | 'wrong_number' | 'cancelled';
export type CallbackOutcome = 'reached' | 'no_answer' | 'wrong_number' | 'cancelled';
export const CALLBACK_OUTCOMES = ['reached', 'no_answer', 'wrong_number', 'cancelled'] as const;

export interface CallbackRequestInput {
  /** National or international format; `country` (ISO 3166 alpha-2) is the default for national numbers. */
  phone: string;
  country?: string;
  name?: string;
  topic?: string;
  when: { asap: true } | { start: string };
  page: PageInfo;
  timezone?: string;
  locale?: string;
}

/** What the visitor sees of their request. */
export interface VisitorCallback {
  id: string;
  /** E.164, with `;ext=` and the extension when there is one (RFC 3966). */
  phone: string;
  /** The same number grouped for reading: `+420 602 123 456`, `+420 602 123 456 ext. 12`. */
  phoneDisplay: string;
  name: string | null;
  topic: string | null;
  asap: boolean;
  /** When to call (UTC); for "as soon as possible" outside hours, the next opening. */
  dueAt: string;
  windowEnd: string | null;
  status: CallbackStatus;
  createdAt: string;
  updatedAt: string;
}

/** What agents see in the callback queue. */
export interface CallbackItem extends VisitorCallback {
  siteId: string;
  visitorId: string | null;
  visitorName: string;
  claimedBy: { id: string; name: string } | null;
  attempts: number;
  pageUrl: string | null;
  pageTitle: string | null;
  visitorTimezone: string | null;
  visitorLocale: string | null;
}

export interface CallbackAttempt {
  id: string;
  agentName: string;
  outcome: CallbackOutcome | 'rescheduled';
  note: string | null;
  /** For a reschedule, the new due time. */
  dueAt: string | null;
  createdAt: string;
}

export interface CallbackDetail {
  item: CallbackItem;
  attempts: CallbackAttempt[];
  /** The same visitor's chats, so the agent knows who is calling. */
  conversations: ConversationSummary[];
}

/** What deleting a site deletes with it. */
export interface SiteContents {
  conversations: number;
  callbacks: number;
  feedback: number;
  visitors: number;
}

/** Whether a site is within its opening hours now, as consoles show it. */
export interface SiteHoursState {
  siteId: string;
  /** False only when the site uses opening hours and is outside them. */
  openNow: boolean;
  /** The next opening when closed (within two weeks), else null. */
  nextOpening: string | null;
}

/** Why inbound mail was held instead of posted (issue 18). */
export type HeldMailReason = 'no_token' | 'wrong_sender' | 'auth_failed' | 'empty';

/** An emailed reply waiting for an admin: posted to its conversation, or discarded. */
export interface HeldMail {
  id: string;
  receivedAt: string;
  reason: HeldMailReason;
  from: string;
  to: string;
  subject: string;
  /** Plain text, never HTML. */
  text: string;
  /** The conversation (or feedback) its reply address pointed at; null when it had no valid one. */
  target: { kind: 'conversation' | 'feedback'; id: string } | null;
  spf: string | null;
  dkim: string | null;
}
