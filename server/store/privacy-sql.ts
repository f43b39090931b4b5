import {
  iso,
  isoOrNull,
  json,
  toCallback,
  toContact,
  toConversation,
  toFeedback,
  toMessage,
  toStoredCallbackAttempt,
  toVisitor,
  type Row,
} from './rows';
import type { AuditEntry, ContactData, ErasedCounts, WinBackCaseRow, WinBackSignals } from './privacy-types';

// SQL both stores run for export, erase and win back, written with `?` placeholders (Postgres's
// store numbers them) and the two spots where the dialects differ, a list parameter and a substring test.

/** How a dialect says "column in this list" (one parameter) and "text contains this" (one parameter). */
export interface Dialect {
  inList(column: string): string;
  list(values: string[]): unknown;
  contains(column: string): string;
}

export const SQLITE_DIALECT: Dialect = {
  inList: (c) => `${c} IN (SELECT value FROM json_each(?))`,
  list: (values) => JSON.stringify(values),
  contains: (c) => `instr(${c}, ?) > 0`,
};

export const PG_DIALECT: Dialect = {
  inList: (c) => `${c} = ANY(?::text[])`,
  list: (values) => values,
  contains: (c) => `strpos(${c}::text, ?) > 0`,
};

/** One statement with its arguments. */
export interface Statement {
  sql: string;
  args: unknown[];
}

/** The ids that hold a contact's data, gathered before an export or erase. */
export interface ContactIds {
  visitors: string[];
  conversations: string[];
  callbacks: string[];
  feedback: string[];
  /** Emails and phones the contact, its visitors, callbacks and feedback gave: what emails and webhook bodies are searched for. */
  needles: string[];
}

/** The reads that gather a contact's ids, each given the list before it. */
export const idQueries = (d: Dialect) => ({
  contacts: 'SELECT email, phone FROM contacts WHERE id = ? OR merged_into = ?',
  visitors: 'SELECT id, email, phone FROM visitors WHERE contact_id = ?',
  conversations: `SELECT id FROM conversations WHERE ${d.inList('visitor_id')}`,
  callbacks: `SELECT id, phone FROM callbacks WHERE ${d.inList('visitor_id')}`,
  feedback: `SELECT id, email FROM feedback WHERE ${d.inList('visitor_id')}`,
});

/** The contact's rows for an export, one read each. */
export function exportQueries(d: Dialect, ids: ContactIds): Record<string, Statement> {
  return {
    visitors: { sql: `SELECT * FROM visitors WHERE ${d.inList('id')} ORDER BY first_seen_at`, args: [d.list(ids.visitors)] },
    conversations: { sql: `SELECT * FROM conversations WHERE ${d.inList('id')} ORDER BY created_at`, args: [d.list(ids.conversations)] },
    messages: {
      // Agents' internal notes are theirs, never the visitor's to read.
      sql: `SELECT * FROM messages WHERE ${d.inList('conversation_id')} AND kind = 'message' ORDER BY conversation_id, seq`,
      args: [d.list(ids.conversations)],
    },
    callbacks: { sql: `SELECT * FROM callbacks WHERE ${d.inList('id')} ORDER BY created_at`, args: [d.list(ids.callbacks)] },
    attempts: {
      sql: `SELECT * FROM callback_attempts WHERE ${d.inList('callback_id')} ORDER BY created_at`,
      args: [d.list(ids.callbacks)],
    },
    feedback: { sql: `SELECT * FROM feedback WHERE ${d.inList('id')} ORDER BY created_at`, args: [d.list(ids.feedback)] },
    replies: {
      sql: `SELECT id, feedback_id, agent_name, text, created_at FROM feedback_replies WHERE ${d.inList('feedback_id')} ORDER BY created_at`,
      args: [d.list(ids.feedback)],
    },
  };
}

/**
 * The writes of an erase, in order. Rows stay (reports count them) with every personal field
 * blanked; visitors get a token nobody holds, so their browsers start over as strangers. Emails
 * and webhook bodies that name the contact's ids, emails or phones are blanked or dropped.
 */
export function eraseStatements(d: Dialect, contactId: string, ids: ContactIds, now: string, freshToken: () => string): Statement[] {
  const c = d.list(ids.conversations);
  const b = d.list(ids.callbacks);
  const f = d.list(ids.feedback);
  const out: Statement[] = [
    // The contacts merged into this one too: they kept their details for an undo, which an erase ends.
    {
      sql: `UPDATE contacts SET external_id = NULL, name = NULL, email = NULL, phone = NULL, notes = NULL, attributes = '{}',
        email_verified_at = NULL, erased_at = ?, updated_at = ? WHERE id = ? OR merged_into = ?`,
      args: [now, now, contactId, contactId],
    },
    { sql: 'DELETE FROM contact_merges WHERE into_id = ? OR from_id = ?', args: [contactId, contactId] },
    {
      sql: `UPDATE messages SET text = '', author_name = CASE WHEN author = 'visitor' THEN NULL ELSE author_name END WHERE ${d.inList('conversation_id')}`,
      args: [c],
    },
    { sql: `UPDATE conversations SET survey_comment = NULL WHERE ${d.inList('id')}`, args: [c] },
    {
      sql: `UPDATE callbacks SET phone = '', name = NULL, topic = NULL, page_url = NULL, page_title = NULL, visitor_timezone = NULL WHERE ${d.inList('id')}`,
      args: [b],
    },
    { sql: `UPDATE callback_attempts SET note = NULL WHERE ${d.inList('callback_id')}`, args: [b] },
    {
      sql: `UPDATE feedback SET text = '', name = NULL, email = NULL, page_url = NULL, page_title = NULL WHERE ${d.inList('id')}`,
      args: [f],
    },
    { sql: `UPDATE feedback_replies SET text = '' WHERE ${d.inList('feedback_id')}`, args: [f] },
    // Email threads (the address each reply went to), held replies and resume links of theirs.
    { sql: `DELETE FROM mail_threads WHERE ${d.inList('target_id')}`, args: [d.list([...ids.conversations, ...ids.feedback])] },
    { sql: `DELETE FROM held_mail WHERE ${d.inList('target_id')}`, args: [d.list([...ids.conversations, ...ids.feedback])] },
    { sql: `DELETE FROM resume_links WHERE ${d.inList('visitor_id')}`, args: [d.list(ids.visitors)] },
    // Agents' tags on their conversations, requests and feedback.
    {
      sql: `DELETE FROM item_tags WHERE ${d.inList('item_id')}`,
      args: [d.list([...ids.conversations, ...ids.callbacks, ...ids.feedback])],
    },
    // Held replies from one of their addresses that matched nothing of theirs.
    ...ids.needles.map((needle) => ({ sql: `DELETE FROM held_mail WHERE ${d.contains('from_address')}`, args: [needle] })),
  ];
  for (const id of ids.visitors) {
    out.push({
      sql: `UPDATE visitors SET token_hash = ?, name = NULL, email = NULL, phone = NULL, page_url = NULL, page_title = NULL,
        referrer = NULL, user_agent = NULL, language = NULL, timezone = NULL WHERE id = ?`,
      args: [`erased:${freshToken()}`, id],
    });
  }
  return out;
}

/** Every id, email and phone of the contact: emails and webhook bodies that carry one are blanked or dropped. */
export const needlesOf = (ids: ContactIds) => [...ids.visitors, ...ids.conversations, ...ids.callbacks, ...ids.feedback, ...ids.needles];

/** The writes that forget emails, webhook bodies and kept API answers carrying one needle. */
export function forgetCarriers(d: Dialect, needle: string): { emails: Statement; deliveries: Statement; answers: Statement } {
  return {
    // One not sent yet is given up: it would go out empty.
    emails: {
      sql: `UPDATE outbox SET payload = '{}', status = CASE WHEN status = 'sent' THEN status ELSE 'failed' END, lease_until = NULL, claim_id = NULL
        WHERE ${d.contains('payload')}`,
      args: [needle],
    },
    deliveries: { sql: `DELETE FROM webhook_deliveries WHERE ${d.contains('body')}`, args: [needle] },
    answers: { sql: `DELETE FROM api_idempotency WHERE ${d.contains('body')}`, args: [needle] },
  };
}

/**
 * Gathers the ids of a contact with the reads of `idQueries`: it yields each read and is handed its
 * rows, so SQLite runs it synchronously inside its transaction and Postgres awaits each read.
 */
export function* gatherIds(contactId: string, d: Dialect): Generator<Statement, ContactIds, Row[]> {
  const q = idQueries(d);
  const contacts = yield { sql: q.contacts, args: [contactId, contactId] };
  const visitors = yield { sql: q.visitors, args: [contactId] };
  const vids = visitors.map((r) => r.id as string);
  const conversations = yield { sql: q.conversations, args: [d.list(vids)] };
  const callbacks = yield { sql: q.callbacks, args: [d.list(vids)] };
  const feedback = yield { sql: q.feedback, args: [d.list(vids)] };
  const needles = [
    ...[...contacts, ...visitors].flatMap((r) => [r.email, r.phone]),
    ...callbacks.map((r) => r.phone),
    ...feedback.map((r) => r.email),
  ];
  return {
    visitors: vids,
    conversations: conversations.map((r) => r.id as string),
    callbacks: callbacks.map((r) => r.id as string),
    feedback: feedback.map((r) => r.id as string),
    needles: [...new Set(needles.filter((n): n is string => typeof n === 'string' && n.length >= 3))],
  };
}

/** Runs a generator of reads on a synchronous reader. */
export function runSync<T>(g: Generator<Statement, T, Row[]>, all: (sql: string, args: unknown[]) => Row[]): T {
  let step = g.next([]);
  while (!step.done) step = g.next(all(step.value.sql, step.value.args));
  return step.value;
}

/** Runs a generator of reads on an asynchronous reader. */
export async function runAsync<T>(g: Generator<Statement, T, Row[]>, all: (sql: string, args: unknown[]) => Promise<Row[]>): Promise<T> {
  let step = g.next([]);
  while (!step.done) step = g.next(await all(step.value.sql, step.value.args));
  return step.value;
}

/** The win-back reads: each takes the time since which experiences count. */
export const SIGNAL_SQL = {
  feedback: `SELECT v.contact_id, f.site_id, f.id, f.created_at, f.rating, f.category FROM feedback f
    JOIN visitors v ON v.id = f.visitor_id JOIN contacts k ON k.id = v.contact_id AND k.erased_at IS NULL WHERE f.created_at >= ?`,
  surveys: `SELECT v.contact_id, c.site_id, c.id, c.survey_at, c.survey_rating FROM conversations c
    JOIN visitors v ON v.id = c.visitor_id JOIN contacts k ON k.id = v.contact_id AND k.erased_at IS NULL WHERE c.survey_at >= ?`,
  callbacks: `SELECT v.contact_id, b.site_id, b.id, b.status, b.due_at, b.window_end, b.updated_at,
      (SELECT a.outcome FROM callback_attempts a WHERE a.callback_id = b.id ORDER BY a.created_at DESC LIMIT 1) AS last_outcome,
      (SELECT max(a.created_at) FROM callback_attempts a WHERE a.callback_id = b.id) AS last_attempt_at
    FROM callbacks b JOIN visitors v ON v.id = b.visitor_id JOIN contacts k ON k.id = v.contact_id AND k.erased_at IS NULL WHERE b.updated_at >= ?`,
  chats: `SELECT v.contact_id, c.site_id, c.id, c.status, c.first_response_at,
      (SELECT min(m.created_at) FROM messages m WHERE m.conversation_id = c.id AND m.author = 'visitor') AS first_visitor_at
    FROM conversations c JOIN visitors v ON v.id = c.visitor_id JOIN contacts k ON k.id = v.contact_id AND k.erased_at IS NULL WHERE c.updated_at >= ?`,
};

/** The rows of the win-back reads as the domain takes them. */
export function toSignals(r: { feedback: Row[]; surveys: Row[]; callbacks: Row[]; chats: Row[] }): WinBackSignals {
  const who = (x: Row) => ({ contactId: x.contact_id as string, siteId: x.site_id as string });
  return {
    feedback: r.feedback.map((x) => ({
      ...who(x),
      id: x.id as string,
      at: iso(x.created_at),
      rating: (x.rating as number | null) ?? null,
      category: x.category as WinBackSignals['feedback'][number]['category'],
    })),
    surveys: r.surveys.map((x) => ({ ...who(x), conversationId: x.id as string, at: iso(x.survey_at), rating: Number(x.survey_rating) })),
    callbacks: r.callbacks.map((x) => ({
      ...who(x),
      id: x.id as string,
      status: x.status as WinBackSignals['callbacks'][number]['status'],
      dueAt: iso(x.due_at),
      windowEnd: isoOrNull(x.window_end),
      updatedAt: iso(x.updated_at),
      lastOutcome: (x.last_outcome as string | null) ?? null,
      lastAttemptAt: isoOrNull(x.last_attempt_at),
    })),
    chats: r.chats
      .filter((x) => x.first_visitor_at != null)
      .map((x) => ({
        ...who(x),
        conversationId: x.id as string,
        status: x.status as WinBackSignals['chats'][number]['status'],
        firstVisitorAt: iso(x.first_visitor_at),
        firstResponseAt: isoOrNull(x.first_response_at),
      })),
  };
}

export function toAudit(r: Row): AuditEntry {
  return {
    id: r.id as string,
    at: iso(r.at),
    actor: { kind: r.actor_kind as AuditEntry['actor']['kind'], id: r.actor_id as string, name: r.actor_name as string },
    action: r.action as AuditEntry['action'],
    contactId: r.contact_id as string,
    siteId: (r.site_id as string | null) ?? null,
    detail: json<Record<string, number>>(r.detail),
  };
}

export const auditValues = (e: AuditEntry) => [
  e.id,
  e.at,
  e.actor.kind,
  e.actor.id,
  e.actor.name,
  e.action,
  e.contactId,
  e.siteId,
  JSON.stringify(e.detail),
];
export const AUDIT_INSERT = `INSERT INTO audit_log (id, at, actor_kind, actor_id, actor_name, action, contact_id, site_id, detail)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export function toWinBackCase(r: Row): WinBackCaseRow {
  return {
    contactId: r.contact_id as string,
    siteId: r.site_id as string,
    status: r.status as WinBackCaseRow['status'],
    assignedTo: r.assigned_to ? { id: r.assigned_to as string, name: r.assigned_name as string } : null,
    followUp: r.follow_up == null ? null : json<WinBackCaseRow['followUp']>(r.follow_up),
    closedAt: isoOrNull(r.closed_at),
    updatedAt: iso(r.updated_at),
  };
}

export const caseValues = (c: WinBackCaseRow) => [
  c.contactId,
  c.siteId,
  c.status,
  c.assignedTo?.id ?? null,
  c.assignedTo?.name ?? null,
  c.followUp ? JSON.stringify(c.followUp) : null,
  c.closedAt,
  c.updatedAt,
];
export const CASE_UPSERT = `INSERT INTO winback_cases (contact_id, site_id, status, assigned_to, assigned_name, follow_up, closed_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (contact_id) DO UPDATE SET status = excluded.status, assigned_to = excluded.assigned_to,
  assigned_name = excluded.assigned_name, follow_up = excluded.follow_up, closed_at = excluded.closed_at, updated_at = excluded.updated_at`;

/** A site's conversations last changed before a time, oldest first. */
export const OLD_CONVERSATIONS = 'SELECT id FROM conversations WHERE site_id = ? AND updated_at < ? ORDER BY updated_at LIMIT ?';

/** An export's rows (by the keys of `exportQueries`) as the domain takes them. */
export function toContactData(contact: Row, rows: Record<string, Row[]>): ContactData {
  const of = (k: string) => rows[k] ?? [];
  return {
    contact: toContact(contact),
    visitors: of('visitors').map(toVisitor),
    conversations: of('conversations').map(toConversation),
    messages: of('messages').map(toMessage),
    callbacks: of('callbacks').map(toCallback),
    attempts: of('attempts').map(toStoredCallbackAttempt),
    feedback: of('feedback').map(toFeedback),
    replies: of('replies').map((r) => ({
      id: r.id as string,
      feedbackId: r.feedback_id as string,
      agentName: r.agent_name as string,
      text: r.text as string,
      createdAt: iso(r.created_at),
    })),
  };
}

/** What an erase reports, from the ids it blanked and the rows its writes changed. */
export const erasedCounts = (ids: ContactIds, messages: number, emails: number, webhookDeliveries: number): ErasedCounts => ({
  visitors: ids.visitors.length,
  conversations: ids.conversations.length,
  messages,
  callbacks: ids.callbacks.length,
  feedback: ids.feedback.length,
  emails,
  webhookDeliveries,
});
