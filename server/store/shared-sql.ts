import type { VisitorPatch } from './types';

// SQL both stores run as it is (no parameters in it), and the columns patches write.

/** A conversation with what the inbox shows of it; add WHERE and ORDER BY. */
export const SUMMARY_SELECT = `
  SELECT c.*, s.name AS site_name, v.name AS visitor_name,
    m.text AS last_text, m.author AS last_author, m.created_at AS last_at,
    c.agent_unread AS unread
  FROM conversations c
  JOIN sites s ON s.id = c.site_id
  JOIN visitors v ON v.id = c.visitor_id
  -- The preview is the last message a person wrote: an automatic answer would hide the visitor's question.
  LEFT JOIN messages m ON m.id = (
    SELECT p.id FROM messages p WHERE p.conversation_id = c.id AND p.author != 'system' ORDER BY p.seq DESC LIMIT 1
  )`;

/** A callback with the name its visitor gave in chat. */
export const CALLBACK_SELECT = 'SELECT c.*, v.name AS visitor_name FROM callbacks c LEFT JOIN visitors v ON v.id = c.visitor_id';

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
