import type {
  CallbackAttempt,
  ConversationChannel,
  ConversationStatus,
  ConversationSummary,
  FeedbackReply,
  Message,
  SurveyResult,
} from '../../protocol/types';
import { DEFAULT_SITE_OPTIONS } from '../../protocol/site-options';
import type {
  AgentRow,
  AgentTokenRow,
  CallbackRow,
  CallbackWithVisitor,
  ClaimedOutboxRow,
  ContactListItem,
  ContactMergeRow,
  ContactPatch,
  ContactRow,
  ContactSuggestion,
  NewContact,
  NewMessage,
  ConversationRow,
  FeedbackRow,
  NewFeedbackReply,
  OutboxRow,
  SessionRow,
  SiteOptions,
  SiteIdentityRow,
  SiteRow,
  StoredCallbackAttempt,
  TokenProblem,
  VisitorRow,
} from './types';

// Row mappers for both stores: a column comes back from SQLite as text or 0/1 where Postgres
// gives a Date, a boolean or parsed JSON, and the helpers below read either.

/** A row as a driver returns it. */
export type Row = Record<string, unknown>;

/** A time column as an ISO string (Postgres timestamptz comes back as a Date). */
export function iso(v: unknown): string {
  return v instanceof Date ? v.toISOString() : (v as string);
}

/** A nullable time column. */
export function isoOrNull(v: unknown): string | null {
  return v == null ? null : iso(v);
}

/** A boolean column: SQLite's 0/1 or Postgres's boolean. */
export function bool(v: unknown): boolean {
  return v === true || v === 1;
}

/** A JSON column: SQLite's text or Postgres's jsonb (already parsed). */
export function json<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

/** A text column. */
export const text = (v: unknown) => v as string;

/** A nullable text column (null too where the query did not select it). */
export const textOrNull = (v: unknown) => (v as string | null | undefined) ?? null;

/** A whole-number column (Postgres gives a bigint as text). */
export const int = (v: unknown) => Number(v);

/** A nullable whole-number column. */
export const intOrNull = (v: unknown) => (v == null ? null : Number(v));

const columnOf = new Map<string, string>();

/** The column that holds a field: `siteId` is in `site_id`. */
export function column(field: string): string {
  let c = columnOf.get(field);
  if (c === undefined) columnOf.set(field, (c = field.replace(/[A-Z]/g, (l) => `_${l.toLowerCase()}`)));
  return c;
}

/**
 * Fields read alike, each from its column: `pick(r, iso, 'createdAt', 'updatedAt')` is
 * `{ createdAt: iso(r.created_at), updatedAt: iso(r.updated_at) }`.
 */
export function pick<K extends string, V>(r: Row, read: (v: unknown) => V, ...fields: K[]): Record<K, V> {
  const out = {} as Record<K, V>;
  for (const f of fields) out[f] = read(r[column(f)]);
  return out;
}

export function toSite(r: Row): SiteRow {
  return {
    ...pick(r, text, 'id', 'name', 'greeting', 'color'),
    allowedOrigins: json<string[]>(r.allowed_origins),
    hours: json<SiteRow['hours']>(r.hours),
    options: siteOptions(json<Partial<SiteOptions>>(r.settings)),
    createdAt: iso(r.created_at),
  };
}

/** A site's columns in the order both stores insert them: id, name, greeting, color, origins, hours, settings, created. */
export function siteValues(s: SiteRow): string[] {
  const [origins, hours, settings] = [s.allowedOrigins, s.hours, s.options].map((v) => JSON.stringify(v)) as [string, string, string];
  return [s.id, s.name, s.greeting, s.color, origins, hours, settings, s.createdAt];
}

/** The contact a new visitor is stored in: its own one when none is given (the id the backfill gave earlier visitors). */
export function visitorContactId(v: VisitorRow): string {
  return v.contactId ?? `ct_${v.id}`;
}

/** The contact made with a new visitor that has none, from what the visitor claimed. */
export function ownContact(v: VisitorRow): NewContact {
  const { name, email, phone } = v;
  return {
    id: visitorContactId(v),
    siteId: v.siteId,
    externalId: null,
    name,
    email,
    phone,
    createdAt: v.firstSeenAt,
    updatedAt: v.lastSeenAt,
  };
}

/** A new contact's columns in the order both stores insert them (id, site_id, external_id, name, email, phone, created_at, updated_at). */
export function contactValues(c: NewContact): unknown[] {
  return [c.id, c.siteId, c.externalId, c.name, c.email, c.phone, c.createdAt, c.updatedAt];
}

/**
 * A visitor's columns in the order both stores insert them (id, site_id, token_hash, … first_seen_at,
 * last_seen_at, visits, phone, contact_id, verified_at).
 */
export function visitorValues(v: VisitorRow): unknown[] {
  return [
    v.id,
    v.siteId,
    v.tokenHash,
    v.name,
    v.email,
    v.pageUrl,
    v.pageTitle,
    v.referrer,
    v.userAgent,
    v.language,
    v.timezone,
    v.firstSeenAt,
    v.lastSeenAt,
    v.visits,
    v.phone,
    visitorContactId(v),
    v.verifiedAt ?? null,
  ];
}

/** A piece of feedback's columns in the order both stores insert them (id, site_id, rating, … created_at, updated_at). */
export function feedbackValues(f: FeedbackRow): unknown[] {
  return [
    f.id,
    f.siteId,
    f.rating,
    f.category,
    f.text,
    f.name,
    f.email,
    f.pageUrl,
    f.pageTitle,
    f.locale,
    f.status,
    f.createdAt,
    f.updatedAt,
    f.visitorId ?? null,
  ];
}

/**
 * A call back request's columns in the order both stores insert them (id, site_id, visitor_id, … created_at, updated_at);
 * `bool` writes `asap` as the store keeps booleans (SQLite has none).
 */
export function callbackValues(c: CallbackRow, bool: (b: boolean) => unknown = (b) => b): unknown[] {
  return [
    ...[c.id, c.siteId, c.visitorId, c.phone, c.name, c.topic, bool(c.asap), c.dueAt, c.windowEnd, c.status],
    ...[c.claimedBy?.id ?? null, c.claimedBy?.name ?? null, c.attempts, c.pageUrl, c.pageTitle, c.visitorTimezone, c.visitorLocale],
    ...[c.createdAt, c.updatedAt],
  ];
}

export function toAgent(r: Row): AgentRow {
  return {
    ...pick(r, text, 'id', 'email', 'name', 'passwordHash'),
    role: r.role as AgentRow['role'],
    away: bool(r.away),
    initialPassword: textOrNull(r.initial_password),
    createdAt: iso(r.created_at),
    deactivatedAt: isoOrNull(r.deactivated_at),
  };
}

/** A one-time link's row read as what it is at `now`: the token when it can be used, or why not. */
export function usableToken(r: Row | null | undefined, now: string): AgentTokenRow | TokenProblem {
  if (!r) return 'unknown';
  const token = toAgentToken(r);
  if (token.usedAt) return 'used';
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt <= now) return 'expired';
  return token;
}

export function toAgentToken(r: Row): AgentTokenRow {
  return {
    ...pick(r, text, 'id', 'tokenHash', 'email'),
    kind: r.kind as AgentTokenRow['kind'],
    role: r.role as AgentTokenRow['role'],
    ...pick(r, textOrNull, 'agentId', 'createdBy'),
    ...pick(r, iso, 'createdAt', 'expiresAt'),
    ...pick(r, isoOrNull, 'usedAt', 'revokedAt'),
  };
}

export function toVisitor(r: Row): VisitorRow {
  return {
    ...pick(r, text, 'id', 'siteId', 'tokenHash'),
    ...pick(r, textOrNull, 'name', 'email', 'pageUrl', 'pageTitle', 'referrer', 'userAgent', 'language', 'timezone', 'phone', 'contactId'),
    ...pick(r, textOrNull, 'claimedId'),
    ...pick(r, iso, 'firstSeenAt', 'lastSeenAt'),
    verifiedAt: isoOrNull(r.verified_at),
    visits: int(r.visits),
  };
}

/** A contacts row. */
export function toContact(r: Row): ContactRow {
  return {
    id: r.id as string,
    siteId: r.site_id as string,
    externalId: r.external_id as string | null,
    name: r.name as string | null,
    email: r.email as string | null,
    phone: r.phone as string | null,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    emailVerifiedAt: isoOrNull(r.email_verified_at),
    attributes: r.attributes == null ? {} : json<ContactRow['attributes']>(r.attributes),
    notes: (r.notes as string | null) ?? null,
    mergedInto: (r.merged_into as string | null) ?? null,
    erasedAt: isoOrNull(r.erased_at),
  };
}

/** A contact with the list's extra columns (last_seen_at, visitor_count, visitor_name, visitor_email). */
export function toContactItem(r: Row): ContactListItem {
  return {
    ...toContact(r),
    lastSeenAt: iso(r.last_seen_at ?? r.updated_at),
    visitorCount: Number(r.visitor_count ?? 0),
    visitorName: (r.visitor_name as string | null) ?? null,
    visitorEmail: (r.visitor_email as string | null) ?? null,
  };
}

/** What a merge changes on the surviving contact, and the merged one's external id: what an undo restores. */
export type MergeBefore = Pick<ContactRow, 'externalId' | 'name' | 'email' | 'phone' | 'emailVerifiedAt' | 'attributes' | 'notes'> & {
  fromExternalId: string | null;
};

/**
 * The surviving contact's details after `from` merges into it: its own where it has them, the
 * merged one's otherwise (a verified email wins over a claimed one); and what to keep for an undo.
 */
export function mergedDetails(into: ContactRow, from: ContactRow): { next: Omit<MergeBefore, 'fromExternalId'>; before: MergeBefore } {
  const { externalId, name, email, phone, emailVerifiedAt, attributes, notes } = into;
  const before: MergeBefore = { externalId, name, email, phone, emailVerifiedAt, attributes, notes, fromExternalId: from.externalId };
  const takeEmail = !emailVerifiedAt && from.email !== null && (from.emailVerifiedAt !== null || email === null);
  const next = {
    externalId: externalId ?? from.externalId,
    name: name ?? from.name,
    email: takeEmail ? from.email : email,
    emailVerifiedAt: takeEmail ? from.emailVerifiedAt : emailVerifiedAt,
    phone: phone ?? from.phone,
    attributes: { ...from.attributes, ...attributes },
    notes: [notes, from.notes].filter(Boolean).join('\n\n') || null,
  };
  return { next, before };
}

/** The contact columns a merge, its undo and a patch write, in the order of `detailValues`. */
export const CONTACT_DETAILS = ['external_id', 'name', 'email', 'phone', 'email_verified_at', 'attributes', 'notes'] as const;

/** A contact's details as `CONTACT_DETAILS` lists them. */
export function detailValues(d: Omit<MergeBefore, 'fromExternalId'>): unknown[] {
  return [d.externalId, d.name, d.email, d.phone, d.emailVerifiedAt, JSON.stringify(d.attributes), d.notes];
}

/** Attributes after a change: merged key by key, a null value removing its key. */
export function patchAttributes(current: ContactRow['attributes'], patch: ContactPatch['attributes'] = {}): ContactRow['attributes'] {
  const next = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete next[k];
    else next[k] = v;
  }
  return next;
}

/** A contact's details after a patch; a changed email is not the verified one any more. */
export function patchedDetails(c: ContactRow, p: ContactPatch): Omit<MergeBefore, 'fromExternalId'> {
  const email = p.email === undefined ? c.email : p.email;
  return {
    externalId: c.externalId,
    name: p.name === undefined ? c.name : p.name,
    email,
    phone: p.phone === undefined ? c.phone : p.phone,
    emailVerifiedAt: p.emailVerifiedAt ?? (email?.toLowerCase() === c.email?.toLowerCase() ? c.emailVerifiedAt : null),
    attributes: patchAttributes(c.attributes, p.attributes),
    notes: p.notes === undefined ? c.notes : p.notes,
  };
}

/** A suggestion row: a contact item with the email and phone that matched. */
export function toContactSuggestion(r: Row): ContactSuggestion {
  return {
    contact: toContactItem(r),
    email: (r.matched_email as string | null) ?? null,
    phone: (r.matched_phone as string | null) ?? null,
  };
}

/** A contact_merges row. */
export function toContactMerge(r: Row): ContactMergeRow {
  return {
    id: r.id as string,
    siteId: r.site_id as string,
    intoId: r.into_id as string,
    fromId: r.from_id as string,
    visitorIds: json<string[]>(r.visitor_ids),
    reason: r.reason as ContactMergeRow['reason'],
    agentId: (r.agent_id as string | null) ?? null,
    createdAt: iso(r.created_at),
    undoneAt: isoOrNull(r.undone_at),
  };
}

/** A site_identity row. */
export function toSiteIdentity(r: Row): SiteIdentityRow {
  return { ...pick(r, text, 'siteId', 'secret'), requireVerification: Boolean(r.require_verification), rotatedAt: iso(r.rotated_at) };
}

/** A site's stored options over the defaults (nested ones key by key, so a later key gets its default). */
function siteOptions(stored: Partial<SiteOptions>): SiteOptions {
  return { ...DEFAULT_SITE_OPTIONS, ...stored, assignment: { ...DEFAULT_SITE_OPTIONS.assignment, ...stored.assignment } };
}

/** A copy a caller may change without changing the kept row. */

export function copyConversation(c: ConversationRow): ConversationRow {
  return { ...c, survey: c.survey && { ...c.survey } };
}

export function toConversation(r: Row): ConversationRow {
  return {
    ...pick(r, text, 'id', 'siteId', 'visitorId'),
    status: r.status as ConversationStatus,
    channel: r.channel as ConversationChannel,
    ...pick(r, int, 'lastSeq', 'agentReadSeq', 'agentUnread', 'visitorReadSeq'),
    survey: toSurvey(r),
    ...pick(r, textOrNull, 'assigneeId'),
    firstResponseAt: isoOrNull(r.first_response_at),
    ...pick(r, iso, 'createdAt', 'updatedAt'),
  };
}

/** The survey columns a conversation row carries (and a summary selects with it). */
function toSurvey(r: Row): SurveyResult | null {
  if (r.survey_rating == null) return null;
  return { rating: int(r.survey_rating), comment: textOrNull(r.survey_comment), createdAt: iso(r.survey_at) };
}

export function toOutbox(r: Row): OutboxRow {
  return {
    id: r.id as string,
    kind: r.kind as OutboxRow['kind'],
    payload: json<OutboxRow['payload']>(r.payload),
    status: r.status as OutboxRow['status'],
    attempts: int(r.attempts),
    nextAttemptAt: iso(r.next_attempt_at),
    lastError: textOrNull(r.last_error),
    createdAt: iso(r.created_at),
    sentAt: isoOrNull(r.sent_at),
  };
}

export function toCallback(r: Row): CallbackWithVisitor {
  return {
    ...pick(r, text, 'id', 'siteId', 'phone'),
    ...pick(r, textOrNull, 'visitorId', 'visitorName', 'name', 'topic', 'pageUrl', 'pageTitle', 'visitorTimezone', 'visitorLocale'),
    asap: bool(r.asap),
    dueAt: iso(r.due_at),
    windowEnd: isoOrNull(r.window_end),
    status: r.status as CallbackRow['status'],
    claimedBy: r.claimed_by ? { id: r.claimed_by as string, name: r.claimed_by_name as string } : null,
    attempts: int(r.attempts),
    ...pick(r, iso, 'createdAt', 'updatedAt'),
  };
}

export function toFeedback(r: Row): FeedbackRow {
  return {
    ...pick(r, text, 'id', 'siteId', 'text'),
    rating: intOrNull(r.rating),
    category: r.category as FeedbackRow['category'],
    ...pick(r, textOrNull, 'name', 'email', 'pageUrl', 'pageTitle', 'locale'),
    status: r.status as FeedbackRow['status'],
    ...pick(r, iso, 'createdAt', 'updatedAt'),
  };
}

export function toMessage(r: Row): Message {
  const m: Message = {
    ...pick(r, text, 'id', 'conversationId', 'text'),
    seq: int(r.seq),
    author: r.author as Message['author'],
    authorName: textOrNull(r.author_name),
    createdAt: iso(r.created_at),
  };
  if (r.faq_id) m.faq = { id: r.faq_id as string, helpful: r.faq_helpful == null ? null : bool(r.faq_helpful) };
  if (r.kind === 'note') m.note = true;
  return m;
}

export function toSummary(r: Row, visitorName: (visitorId: string) => string): ConversationSummary {
  const last =
    r.last_text == null ? null : { text: r.last_text as string, author: r.last_author as Message['author'], createdAt: iso(r.last_at) };
  return {
    ...pick(r, text, 'id', 'siteId', 'siteName', 'visitorId'),
    visitorName: textOrNull(r.visitor_name) ?? visitorName(r.visitor_id as string),
    status: r.status as ConversationStatus,
    channel: r.channel as ConversationChannel,
    lastSeq: int(r.last_seq),
    lastMessage: last,
    unread: int(r.unread),
    survey: toSurvey(r),
    assignee: r.assignee_id == null ? null : { id: text(r.assignee_id), name: text(r.assignee_name) },
    handoff: r.handoff_note == null ? null : { note: text(r.handoff_note), byName: text(r.handoff_by) },
    ...pick(r, iso, 'createdAt', 'updatedAt'),
  };
}

export function toSession(r: Row): SessionRow {
  return { ...pick(r, text, 'tokenHash', 'agentId'), expiresAt: iso(r.expires_at) };
}

/** A reply joined with its email's status (`email_status`). */
export function toFeedbackReply(r: Row): FeedbackReply & { agentId: string } {
  return {
    ...pick(r, text, 'id', 'feedbackId', 'agentId', 'agentName', 'text'),
    createdAt: iso(r.created_at),
    emailStatus: r.email_status as FeedbackReply['emailStatus'],
  };
}

/** A reply just added, as both stores answer it: its email is not sent yet. */
export function pendingReply(reply: NewFeedbackReply): FeedbackReply {
  const { id, feedbackId, agentName, text, createdAt } = reply;
  return { id, feedbackId, agentName, text, createdAt, emailStatus: 'pending' };
}

export function toCallbackAttempt(r: Row): CallbackAttempt {
  return {
    ...pick(r, text, 'id', 'agentName'),
    outcome: r.outcome as CallbackAttempt['outcome'],
    note: textOrNull(r.note),
    dueAt: isoOrNull(r.due_at),
    createdAt: iso(r.created_at),
  };
}

export function toStoredCallbackAttempt(r: Row): StoredCallbackAttempt {
  return { ...toCallbackAttempt(r), ...pick(r, text, 'agentId', 'callbackId') };
}

export function toFeedbackStat(r: Row): { createdAt: string; rating: number | null; category: FeedbackRow['category'] } {
  return { createdAt: iso(r.created_at), rating: intOrNull(r.rating), category: r.category as FeedbackRow['category'] };
}

export function toClaimedOutbox(r: Row): ClaimedOutboxRow {
  return { ...toOutbox(r), claimId: r.claim_id as string };
}

/** Whether a stored message id is retried by its own sender: same conversation, author, agent and kind (no reply id turns into a note). */
export function sameSender(known: Row, m: NewMessage): boolean {
  return (
    known.conversation_id === m.conversationId &&
    known.author === m.author &&
    (known.agent_id ?? null) === (m.agentId ?? null) &&
    (known.kind === 'note') === Boolean(m.note)
  );
}
