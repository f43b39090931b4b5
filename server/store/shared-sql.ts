import type { VisitorPatch } from './types';

// SQL both stores run as it is (no parameters in it), and the columns patches write.

/** A conversation with what the inbox shows of it; add WHERE and ORDER BY. */
export const SUMMARY_SELECT = `
  SELECT c.*, s.name AS site_name, v.name AS visitor_name,
    m.text AS last_text, m.author AS last_author, m.created_at AS last_at,
    c.agent_unread AS unread, ag.name AS assignee_name
  FROM conversations c
  JOIN sites s ON s.id = c.site_id
  JOIN visitors v ON v.id = c.visitor_id
  LEFT JOIN agents ag ON ag.id = c.assignee_id
  -- The preview is the last message a person wrote: an automatic answer would hide the visitor's question.
  LEFT JOIN messages m ON m.id = (
    SELECT p.id FROM messages p WHERE p.conversation_id = c.id AND p.author != 'system' AND p.kind = 'message' ORDER BY p.seq DESC LIMIT 1
  )`;

/** A callback with the name its visitor gave in chat. */
export const CALLBACK_SELECT = 'SELECT c.*, v.name AS visitor_name FROM callbacks c LEFT JOIN visitors v ON v.id = c.visitor_id';

/** A visitor's columns as `visitorValues` lists them. */
export const VISITOR_INSERT =
  'id, site_id, token_hash, name, email, page_url, page_title, referrer, user_agent, language, timezone, first_seen_at, last_seen_at, visits, phone, contact_id, verified_at';

/** A new contact's columns as `contactValues` lists them. */
export const CONTACT_INSERT = 'id, site_id, external_id, name, email, phone, created_at, updated_at';

/** The column of each field a visitor patch may change. */
export const VISITOR_COLUMNS: Record<keyof VisitorPatch, string> = {
  name: 'name',
  email: 'email',
  pageUrl: 'page_url',
  pageTitle: 'page_title',
  referrer: 'referrer',
  userAgent: 'user_agent',
  language: 'language',
  timezone: 'timezone',
  lastSeenAt: 'last_seen_at',
  visits: 'visits',
  phone: 'phone',
  contactId: 'contact_id',
  verifiedAt: 'verified_at',
  claimedId: 'claimed_id',
};

/** The column of each plain field a callback patch may change (claimedBy takes two). */
export const CALLBACK_COLUMNS = {
  visitorId: 'visitor_id',
  phone: 'phone',
  name: 'name',
  topic: 'topic',
  asap: 'asap',
  dueAt: 'due_at',
  windowEnd: 'window_end',
  status: 'status',
  attempts: 'attempts',
  pageUrl: 'page_url',
  pageTitle: 'page_title',
  visitorTimezone: 'visitor_timezone',
  visitorLocale: 'visitor_locale',
  updatedAt: 'updated_at',
} as const;

/**
 * Contacts with when any of their browsers was last seen (`a.last_seen_at`), how many there are and
 * a name and email one of them claimed; add WHERE and ORDER BY.
 */
export const contactItemSelect = (extra = '') => `
  SELECT c.*, a.last_seen_at, a.visitor_count, a.visitor_name, a.visitor_email${extra}
  FROM contacts c
  JOIN (
    SELECT contact_id, max(last_seen_at) AS last_seen_at, count(*) AS visitor_count, max(name) AS visitor_name, max(email) AS visitor_email
    FROM visitors GROUP BY contact_id
  ) a ON a.contact_id = c.id`;

/**
 * Other contacts of a contact's site sharing a claimed email (whatever its case) or phone with it,
 * from the contact, its browsers or their call back requests; `contact` and `limit` are placeholders.
 */
export const contactSuggestionsSql = (contact: string, limit: string) => `
WITH mine AS (
    SELECT lower(email) AS email, phone FROM contacts WHERE id = ${contact}
    UNION SELECT lower(email), phone FROM visitors WHERE contact_id = ${contact}
    UNION SELECT NULL, b.phone FROM callbacks b JOIN visitors v ON v.id = b.visitor_id WHERE v.contact_id = ${contact}
  ), theirs AS (
    SELECT o.contact_id AS id, lower(o.email) AS email, o.phone FROM visitors o
    UNION SELECT id, lower(email), phone FROM contacts WHERE merged_into IS NULL
    UNION SELECT v.contact_id, NULL, b.phone FROM callbacks b JOIN visitors v ON v.id = b.visitor_id
  ), matched AS (
    SELECT t.id, max(CASE WHEN t.email = m.email THEN t.email END) AS email, max(CASE WHEN t.phone = m.phone THEN t.phone END) AS phone
    FROM theirs t JOIN mine m ON (t.email = m.email AND m.email IS NOT NULL) OR (t.phone = m.phone AND m.phone IS NOT NULL)
    WHERE t.id <> ${contact} GROUP BY t.id
  )
  ${contactItemSelect(', x.email AS matched_email, x.phone AS matched_phone')} JOIN matched x ON x.id = c.id
  WHERE c.merged_into IS NULL AND c.site_id = (SELECT site_id FROM contacts WHERE id = ${contact})
  ORDER BY a.last_seen_at DESC, c.id DESC LIMIT ${limit}`;

/** A contact's call back requests and signed feedback, newest first; `contact` and `limit` are placeholders. */
export const contactActivitySql = (contact: string, limit: string) => ({
  callbacks: `${CALLBACK_SELECT} WHERE c.visitor_id IN (SELECT id FROM visitors WHERE contact_id = ${contact}) ORDER BY c.created_at DESC, c.id DESC LIMIT ${limit}`,
  feedback: `SELECT * FROM feedback WHERE visitor_id IN (SELECT id FROM visitors WHERE contact_id = ${contact}) ORDER BY created_at DESC, id DESC LIMIT ${limit}`,
});

/** A statement written with `?` placeholders, numbered for Postgres (`$1`, `$2` …). */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
