/**
 * The one typed map of Socket.IO events, shared by widget, console and server.
 * Every client→server event takes an ack answered `{ ok: true, data }` or
 * `{ ok: false, code, message }`.
 */
import type { ContactCursor, ContactDetail, ContactSummary } from './contacts';
import type {
  AckFn,
  Agent,
  CallbackDetail,
  CallbackItem,
  CallbackOutcome,
  CallbackRequestInput,
  CallbackSlots,
  CannedReply,
  TaggedKind,
  SiteContents,
  SiteHoursState,
  SiteSettings,
  SitePublic,
  SiteStatus,
  AgentPresence,
  VisitorCallback,
  ConversationDetail,
  ConversationStatus,
  ConversationSummary,
  InboxCursor,
  FeedbackCursor,
  FeedbackDetail,
  FeedbackFilter,
  FeedbackInput,
  FeedbackItem,
  FeedbackReceipt,
  FeedbackReply,
  FeedbackStats,
  HeldMail,
  FeedbackStatus,
  HelloResult,
  IdentifyInput,
  IdentifyResult,
  SiteIdentity,
  Message,
  MessagePage,
  PageInfo,
  TypingEvent,
  VisitorContext,
  VisitorConversation,
  VisitorProfile,
  ServerStatus,
} from './types';

/** `message:list` page size: a full page means there may be more. On its own, so a bundle inlines the number. */
export const PAGE_SIZE = 200;

export interface SendMessagePayload {
  id: string;
  /** `null` lets the server use the visitor's current conversation or start one. */
  conversationId: string | null;
  text: string;
}

export interface VisitorClientEvents {
  'visitor:hello': (ctx: VisitorContext, ack: AckFn<HelloResult>) => void;
  /** With `id` and a valid `hash` the visitor is verified and joins that person's other browsers; without, the details are only claimed. */
  'visitor:identify': (p: IdentifyInput, ack: AckFn<IdentifyResult>) => void;
  'visitor:page': (p: PageInfo, ack: AckFn<null>) => void;
  /**
   * Spends a resume link (`#earshot-resume=<token>`): this browser joins the conversation's person;
   * refused as `link_used`, `link_expired` or `bad_token`.
   */
  'visitor:resume': (p: { token: string }, ack: AckFn<{ conversationId: string }>) => void;
  /** Emails the visitor a resume link to their conversation ("Continue on another device"); `no_contact` without an address. */
  'visitor:resumeLink': (p: Record<string, never>, ack: AckFn<{ email: string }>) => void;
  'message:send': (p: SendMessagePayload, ack: AckFn<Message>) => void;
  'message:list': (p: { conversationId: string; after: number }, ack: AckFn<MessagePage>) => void;
  'typing:set': (p: { conversationId: string; typing: boolean }, ack: AckFn<null>) => void;
  'conversation:read': (p: { conversationId: string; seq: number }, ack: AckFn<null>) => void;
  'feedback:send': (p: FeedbackInput, ack: AckFn<FeedbackReceipt>) => void;
  'callback:slots': (p: Record<string, never>, ack: AckFn<CallbackSlots>) => void;
  'callback:request': (p: CallbackRequestInput, ack: AckFn<VisitorCallback>) => void;
  /** The visitor's latest request, open or not (null when none). */
  'callback:mine': (p: Record<string, never>, ack: AckFn<VisitorCallback | null>) => void;
  'callback:change': (p: { callbackId: string; when: CallbackRequestInput['when'] }, ack: AckFn<VisitorCallback>) => void;
  'callback:cancel': (p: { callbackId: string }, ack: AckFn<VisitorCallback>) => void;
  /**
   * "Leave a message" when nobody is available: stored as a conversation, answered by email when an address is given and the
   * server sends mail, else in the chat.
   * `id`: the client's id for the message, kept across retries so it is stored (and emailed) once.
   */
  'offline:send': (p: { id?: string; email?: string; name?: string; text: string; page: PageInfo }, ack: AckFn<Message>) => void;
  /** "That answers it" (true) or "I still need a person" (false) on an automatic answer. */
  'faq:answer': (p: { messageId: string; helpful: boolean }, ack: AckFn<Message>) => void;
  'survey:send': (p: { conversationId: string; rating: number; comment?: string }, ack: AckFn<null>) => void;
  'transcript:send': (p: { conversationId: string; email: string }, ack: AckFn<null>) => void;
}

export interface VisitorServerEvents {
  'message:new': (m: Message) => void;
  typing: (t: TypingEvent) => void;
  'conversation:status': (c: VisitorConversation) => void;
  'callback:updated': (c: VisitorCallback) => void;
  'message:updated': (m: Message) => void;
  /** Availability changed (an agent came or went, opening hours began or ended). */
  'site:status': (s: SiteStatus) => void;
  /** An admin changed what the widget offers. */
  'site:settings': (s: SitePublic) => void;
}

export interface AgentClientEvents {
  'agent:me': (p: Record<string, never>, ack: AckFn<Agent>) => void;
  /** Newest activity first; `before` (the last row of a page) asks for the page after it. */
  'conversation:list': (
    p: { status?: ConversationStatus | 'all'; siteId?: string; limit?: number; before?: InboxCursor; tag?: string },
    ack: AckFn<ConversationSummary[]>,
  ) => void;
  'conversation:get': (p: { conversationId: string }, ack: AckFn<ConversationDetail>) => void;
  'conversation:setStatus': (p: { conversationId: string; status: ConversationStatus }, ack: AckFn<ConversationSummary>) => void;
  'conversation:read': (p: { conversationId: string; seq: number }, ack: AckFn<null>) => void;
  /**
   * Gives the chat to `agentId` (null: Unassigned). `from` guards it: null takes only an unassigned chat ("Assign to me"), an
   * agent's id transfers only from them; refused with `already_claimed` naming who has it otherwise. `note` is for the new agent.
   */
  'conversation:assign': (
    p: { conversationId: string; agentId: string | null; from?: string | null; note?: string },
    ack: AckFn<ConversationSummary>,
  ) => void;
  /** With `note`: an internal note, shown to agents only; `@name` in it tells that agent (`note:mention`). */
  'message:send': (p: SendMessagePayload & { conversationId: string; note?: boolean }, ack: AckFn<Message>) => void;
  'message:list': (p: { conversationId: string; after: number }, ack: AckFn<MessagePage>) => void;
  'typing:set': (p: { conversationId: string; typing: boolean }, ack: AckFn<null>) => void;
  'server:status': (p: Record<string, never>, ack: AckFn<ServerStatus>) => void;
  /** Newest first; `before` (the last item of a page) asks for the page after it. */
  'feedback:list': (p: FeedbackFilter & { limit?: number; before?: FeedbackCursor }, ack: AckFn<FeedbackItem[]>) => void;
  'feedback:get': (p: { feedbackId: string }, ack: AckFn<FeedbackDetail>) => void;
  /** `id`: the console's id for the reply, kept across retries so it is stored and emailed once. */
  'feedback:reply': (p: { id?: string; feedbackId: string; text: string }, ack: AckFn<FeedbackReply>) => void;
  'feedback:setStatus': (p: { feedbackId: string; status: FeedbackStatus }, ack: AckFn<FeedbackItem>) => void;
  'feedback:stats': (p: Record<string, never>, ack: AckFn<FeedbackStats>) => void;
  /** How much feedback is new (nobody has answered or archived it), across all sites. */
  'feedback:newCount': (p: Record<string, never>, ack: AckFn<number>) => void;
  /** Open requests (waiting, rescheduled) by due time, or every request. */
  'callback:list': (p: { status?: 'open' | 'all'; siteId?: string; tag?: string }, ack: AckFn<CallbackItem[]>) => void;
  'callback:get': (p: { callbackId: string }, ack: AckFn<CallbackDetail>) => void;
  /**
   * Refused with `already_claimed` when another agent has it, unless `takeOverFrom` names that
   * agent (the one the console shows): a take-over never takes it from someone else.
   */
  'callback:claim': (p: { callbackId: string; takeOverFrom?: string }, ack: AckFn<CallbackItem>) => void;
  /**
   * `id`: the client's id of this attempt, so a retry is answered with the request as it is, never
   * counted twice; the same id from another agent, or for another command, is `duplicate_id`.
   */
  'callback:outcome': (p: { id?: string; callbackId: string; outcome: CallbackOutcome; note?: string }, ack: AckFn<CallbackItem>) => void;
  /** `id` as for `callback:outcome`. */
  'callback:reschedule': (p: { id?: string; callbackId: string; dueAt: string; note?: string }, ack: AckFn<CallbackItem>) => void;
  'site:list': (p: Record<string, never>, ack: AckFn<SiteSettings[]>) => void;
  /** Admins only; every field but `siteId` is optional. */
  'site:update': (p: { siteId: string } & Partial<Omit<SiteSettings, 'id'>>, ack: AckFn<SiteSettings>) => void;
  /** Admins only; `id` is lower-case letters, digits and dashes; the rest takes defaults (open whenever an agent is there). */
  'site:create': (p: { id: string } & Partial<Omit<SiteSettings, 'id'>>, ack: AckFn<SiteSettings>) => void;
  /** Admins only: what deleting the site would delete with it. */
  'site:contents': (p: { siteId: string }, ack: AckFn<SiteContents>) => void;
  /** Admins only: deletes the site and everything of it; the last site cannot be deleted (`last_site`). */
  'site:delete': (p: { siteId: string }, ack: AckFn<SiteContents>) => void;
  /** Every site's opening-hours state now; changes come as `site:hours`. */
  'site:hours': (p: Record<string, never>, ack: AckFn<SiteHoursState[]>) => void;
  /** Admins only: the site's identity secret (made on first ask) and whether verification is required. */
  'site:identity': (p: { siteId: string }, ack: AckFn<SiteIdentity>) => void;
  /** Admins only: a new secret; hashes made with the old one are refused from now on. */
  'site:identity:rotate': (p: { siteId: string }, ack: AckFn<SiteIdentity>) => void;
  /** Admins only. */
  'site:identity:update': (p: { siteId: string; requireVerification: boolean }, ack: AckFn<SiteIdentity>) => void;
  'agent:setAway': (p: { away: boolean }, ack: AckFn<AgentPresence[]>) => void;
  'agent:presence': (p: Record<string, never>, ack: AckFn<AgentPresence[]>) => void;
  /** Contacts last seen first, matching `search` (name, email, phone); `before` asks for the page after it. */
  'contact:list': (p: { siteId?: string; search?: string; before?: ContactCursor }, ack: AckFn<ContactSummary[]>) => void;
  'contact:get': (p: { contactId: string }, ack: AckFn<ContactDetail>) => void;
  /** Merges `fromId` into `intoId` (recorded: `contact:undoMerge` reverts it); answers the contact it became. */
  'contact:merge': (p: { fromId: string; intoId: string }, ack: AckFn<ContactDetail>) => void;
  'contact:undoMerge': (p: { contactId: string }, ack: AckFn<ContactDetail>) => void;
  /** Takes a browser out of its contact into a new one of its own; answers the contact it left. */
  'contact:split': (p: { visitorId: string }, ack: AckFn<ContactDetail>) => void;
  'contact:notes': (p: { contactId: string; notes: string }, ack: AckFn<ContactDetail>) => void;
  /** The team's shared canned replies and the agent's own, by shortcut. */
  'canned:list': (p: Record<string, never>, ack: AckFn<CannedReply[]>) => void;
  /** Adds (no `id`) or changes a canned reply; `shared` ones are the team's, and only admins add or change them. */
  'canned:save': (p: { id?: string; shortcut: string; text: string; shared?: boolean }, ack: AckFn<CannedReply>) => void;
  'canned:delete': (p: { id: string }, ack: AckFn<null>) => void;
  /** Replaces the tags of a conversation, callback request or feedback (new tags are made as they are named); answers them sorted. */
  'tags:set': (p: { kind: TaggedKind; id: string; tags: string[] }, ack: AckFn<string[]>) => void;
  /** The tags of each item asked for; an item with none is absent. */
  'tags:of': (p: { kind: TaggedKind; ids: string[] }, ack: AckFn<Record<string, string[]>>) => void;
  /** Tags in use on a site (or every site), sorted: suggestions while typing one. */
  'tags:site': (p: { siteId?: string }, ack: AckFn<string[]>) => void;
  /** Admins only: emailed replies held for review, newest first. */
  'heldMail:list': (p: Record<string, never>, ack: AckFn<HeldMail[]>) => void;
  /** Admins only: posts a held reply to the conversation its address pointed at, as the visitor's message. */
  'heldMail:post': (p: { id: string }, ack: AckFn<Message>) => void;
  /** Admins only. */
  'heldMail:discard': (p: { id: string }, ack: AckFn<null>) => void;
}

/** A note that mentions the agent it is sent to. */
export interface NoteMention {
  conversationId: string;
  messageId: string;
  /** Who wrote the note. */
  from: string;
  text: string;
}

export interface AgentServerEvents {
  /** A stored message, with its conversation's inbox row as it is now. */
  'message:new': (m: Message, row: ConversationSummary) => void;
  'conversation:updated': (c: ConversationSummary) => void;
  'visitor:updated': (v: VisitorProfile) => void;
  typing: (t: TypingEvent) => void;
  /** New feedback; `unhappy` items are alerts every console shows at once. */
  'feedback:new': (f: FeedbackItem) => void;
  'feedback:updated': (f: FeedbackItem) => void;
  /** The email carrying a reply changed state (sent, or put back for a retry, or given up). */
  'feedback:replyUpdated': (r: FeedbackReply) => void;
  /** The count of new feedback, after every change that can move it. */
  'feedback:newCount': (n: number) => void;
  'callback:updated': (c: CallbackItem) => void;
  'site:updated': (s: SiteSettings) => void;
  'site:created': (s: SiteSettings) => void;
  'site:deleted': (p: { siteId: string }) => void;
  /** A site's opening hours began or ended (or its settings changed): every site's state. */
  'site:hours': (states: SiteHoursState[]) => void;
  'message:updated': (m: Message) => void;
  /** Who is online or away, whenever it changes. */
  presence: (agents: AgentPresence[]) => void;
  /** An item's tags changed. */
  'tags:updated': (t: { kind: TaggedKind; id: string; tags: string[] }) => void;
  /** To a mentioned agent only: a note names them. */
  'note:mention': (m: NoteMention) => void;
  /** A satisfaction rating arrived; ratings of 1 or 2 are alerts like a complaint. */
  /** Mail was held, posted or discarded: the held list changed. */
  'heldMail:changed': (count: number) => void;
  'survey:received': (s: { conversationId: string; visitorName: string; rating: number; comment: string | null; unhappy: boolean }) => void;
}

/** A phone number's extension at its end, as people write it ("x 12", "ext. 12") and as it is stored (";ext=12"). */
export const PHONE_EXTENSION = /(\s*(ext\.?|x)\s*|;ext=)\d+$/i;

/** Limits every side agrees on; the server enforces them. */
export const LIMITS = {
  messageLength: 5000,
  nameLength: 120,
  emailLength: 254,
  urlLength: 2048,
  titleLength: 300,
  idLength: 64,
  feedbackLength: 5000,
  topicLength: 500,
  phoneLength: 40,
  /** The site's own user id given to `identify`. */
  externalIdLength: 255,
  /** Custom attributes of a contact: how many, and how long a string value. */
  attributes: 50,
  attributeLength: 500,
  notesLength: 10000,
  /** Tags on one conversation, callback request or piece of feedback. */
  tags: 20,
  /** How far ahead a visitor may book a call back, and how soon at the earliest. */
  callbackHorizonDays: 14,
  callbackLeadMinutes: 15,
  callbackSlotMinutes: 30,
  /** `message:list` page size. */
  pageSize: PAGE_SIZE,
} as const;
