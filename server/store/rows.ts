import type { CallbackAttempt, ConversationStatus, ConversationSummary, FeedbackReply, Message, SurveyResult } from '../../protocol/types';
import { DEFAULT_SITE_OPTIONS } from '../../protocol/site-options';
import type {
  AgentRow,
  AgentTokenRow,
  CallbackRow,
  CallbackWithVisitor,
  ClaimedOutboxRow,
  ContactRow,
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
    options: { ...DEFAULT_SITE_OPTIONS, ...json<Partial<SiteOptions>>(r.settings) },
    createdAt: iso(r.created_at),
  };
}

/** A site's columns in the order both stores insert them: id, name, greeting, color, origins, hours, settings, created. */
export function siteValues(s: SiteRow): string[] {
  const [origins, hours, settings] = [s.allowedOrigins, s.hours, s.options].map((v) => JSON.stringify(v)) as [string, string, string];
  return [s.id, s.name, s.greeting, s.color, origins, hours, settings, s.createdAt];
}

/** A visitor's columns in the order both stores insert them (id, site_id, token_hash, … first_seen_at, last_seen_at, visits). */
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
    ...pick(r, iso, 'firstSeenAt', 'lastSeenAt'),
    visits: int(r.visits),
  };
}

/** A contacts row. */
export function toContact(r: Row): ContactRow {
  return {
    ...pick(r, text, 'id', 'siteId'),
    ...pick(r, textOrNull, 'externalId', 'name', 'email', 'phone'),
    ...pick(r, iso, 'createdAt', 'updatedAt'),
  };
}

/** A site_identity row. */
export function toSiteIdentity(r: Row): SiteIdentityRow {
  return { ...pick(r, text, 'siteId', 'secret'), requireVerification: Boolean(r.require_verification), rotatedAt: iso(r.rotated_at) };
}

/** A copy a caller may change without changing the kept row. */
export function copyConversation(c: ConversationRow): ConversationRow {
  return { ...c, survey: c.survey && { ...c.survey } };
}

export function toConversation(r: Row): ConversationRow {
  return {
    ...pick(r, text, 'id', 'siteId', 'visitorId'),
    status: r.status as ConversationStatus,
    ...pick(r, int, 'lastSeq', 'agentReadSeq', 'agentUnread', 'visitorReadSeq'),
    survey: toSurvey(r),
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
  return m;
}

export function toSummary(r: Row, visitorName: (visitorId: string) => string): ConversationSummary {
  const last =
    r.last_text == null ? null : { text: r.last_text as string, author: r.last_author as Message['author'], createdAt: iso(r.last_at) };
  return {
    ...pick(r, text, 'id', 'siteId', 'siteName', 'visitorId'),
    visitorName: textOrNull(r.visitor_name) ?? visitorName(r.visitor_id as string),
    status: r.status as ConversationStatus,
    lastSeq: int(r.last_seq),
    lastMessage: last,
    unread: int(r.unread),
    survey: toSurvey(r),
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
