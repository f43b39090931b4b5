import type { ConversationStatus, Message } from '../../../protocol/types';
import { AppError } from '../../errors';
import { iso, sameSender, toConversation, toMessage, toSummary, type Row } from '../rows';
import { SUMMARY_SELECT } from '../shared-sql';
import type { AppendResult, ConversationPort, MessagePort, NewMessage, StoreRules } from '../types';
import { inTx, isUniqueViolation, type Db } from './db';
import { recordWebhookEvents } from './webhook-events';
import { POSTGRES, summaryList } from '../list-sql';

/** Conversations and the inbox's summaries on Postgres. */
export function pgConversations(db: Db, rules: StoreRules): ConversationPort {
  const get = async (t: Db, id: string) => {
    const r = await t.one('SELECT * FROM conversations WHERE id = $1', [id]);
    return r ? toConversation(r) : null;
  };
  const latest = async (t: Db, visitorId: string) => {
    const r = await t.one('SELECT * FROM conversations WHERE visitor_id = $1 ORDER BY created_at DESC, n DESC LIMIT 1', [visitorId]);
    return r ? toConversation(r) : null;
  };
  return {
    getConversation: (id) => get(db, id),
    latestConversation: (visitorId) => latest(db, visitorId),
    // Times that order the inbox come from the database's clock (after the lock), not the node's:
    // nodes' clocks differ, and a conversation must not sort behind one it follows. Cut to milliseconds,
    // as JavaScript reads them: a cursor made from a time must find the row it came from.
    latestOrNewConversation: (visitorId, siteId, newId, _now, channel = 'chat') =>
      db.tx(async (t) => {
        // The visitor's row is the lock: two tabs asking at once make one conversation.
        await t.run('SELECT 1 FROM visitors WHERE id = $1 FOR UPDATE', [visitorId]);
        const existing = await latest(t, visitorId);
        if (existing) return existing;
        const r = await t.one(
          `INSERT INTO conversations (id, site_id, visitor_id, status, channel, created_at, updated_at)
           SELECT $1, $2, $3, 'pending', $4, at, at FROM (SELECT date_trunc('milliseconds', clock_timestamp()) AS at) n RETURNING *`,
          [newId, siteId, visitorId, channel],
        );
        return toConversation(r!);
      }),
    setConversationStatus: (id, status, _now, events) =>
      inTx(db, events, async (t) => {
        const r = await t.one(
          `UPDATE conversations SET status = $1, updated_at = date_trunc('milliseconds', clock_timestamp()) WHERE id = $2 RETURNING *`,
          [status, id],
        );
        if (!r) throw new AppError('not_found', 'Conversation not found.');
        const c = toConversation(r);
        await recordWebhookEvents(t, rules, events, c);
        return c;
      }),
    async setReadSeq(id, who, seq) {
      if (who === 'visitor') {
        await db.run('UPDATE conversations SET visitor_read_seq = greatest(visitor_read_seq, least($1, last_seq)) WHERE id = $2', [
          seq,
          id,
        ]);
        return;
      }
      // One statement: the unread count always matches the read position.
      await db.run(
        `UPDATE conversations c SET agent_read_seq = r.seq,
           agent_unread = (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id AND m.author = 'visitor' AND m.seq > r.seq)
         FROM (SELECT id, greatest(agent_read_seq, least($1, last_seq)) AS seq FROM conversations WHERE id = $2 FOR UPDATE) r
         WHERE c.id = r.id`,
        [seq, id],
      );
    },
    setSurvey: (conversationId, survey, events) =>
      inTx(db, events, async (t) => {
        await t.run('UPDATE conversations SET survey_rating = $1, survey_comment = $2, survey_at = $3 WHERE id = $4', [
          survey.rating,
          survey.comment,
          survey.createdAt,
          conversationId,
        ]);
        await recordWebhookEvents(t, rules, events, undefined);
      }),
    async firstResponseDelays(siteId, since) {
      const rows = await db.rows<{ answered: Date; asked: Date | null }>(
        `SELECT c.first_response_at AS answered,
           (SELECT min(m.created_at) FROM messages m WHERE m.conversation_id = c.id AND m.author = 'visitor') AS asked
         FROM conversations c WHERE c.site_id = $1 AND c.created_at >= $2 AND c.first_response_at IS NOT NULL`,
        [siteId, since],
      );
      return rows.filter((r) => r.asked).map((r) => Date.parse(iso(r.answered)) - Date.parse(iso(r.asked)));
    },
    async getSummary(conversationId) {
      const r = await db.one(`${SUMMARY_SELECT} WHERE c.id = $1`, [conversationId]);
      return r ? toSummary(r, rules.visitorName) : null;
    },
    async listSummaries(q) {
      const { sql, params } = summaryList(POSTGRES, q);
      return (await db.rows(sql, params)).map((r) => toSummary(r, rules.visitorName));
    },
  };
}

/** A retried id: the stored message when its author retries it in the same conversation, `duplicate_id` for anyone else. */
function retried(known: Record<string, unknown>, m: NewMessage): Message {
  if (!sameSender(known, m)) {
    throw new AppError('duplicate_id', 'That message id is already taken; send with a new id.');
  }
  return toMessage(known);
}

const STATUSES: ConversationStatus[] = ['pending', 'open', 'resolved'];

/**
 * What `rules.statusAfterMessage` makes of every conversation a message `m` may find (a note keeps the status),
 * keyed `status:answered`: the statement picks from it under the row's lock, so the rule stays the domain's.
 */
function statusTable(rules: StoreRules, m: NewMessage): Record<string, ConversationStatus> {
  const table: Record<string, ConversationStatus> = {};
  for (const status of STATUSES)
    for (const answered of [false, true])
      table[`${status}:${answered}`] = m.note
        ? status
        : rules.statusAfterMessage(m.author, { status, firstResponseAt: answered ? 'answered' : null });
  return table;
}

/** The append's one statement; named, as the hottest statement there is (planned once per connection). */
const APPEND = {
  name: 'earshot_append_message',
  text: `WITH before AS (
     SELECT * FROM conversations WHERE id = $3 AND ($9::text IS NULL OR visitor_id = $9) FOR UPDATE
   ), known AS (
     SELECT * FROM messages WHERE id = $4
   ), c AS (
     UPDATE conversations w SET last_seq = w.last_seq + 1, status = $1::jsonb ->> (w.status || ':' || (w.first_response_at IS NOT NULL)::text),
       updated_at = at.at, first_response_at = coalesce(w.first_response_at, CASE WHEN $10 = 'agent' THEN at.at END),
       agent_read_seq = CASE WHEN $10 = 'agent' THEN w.last_seq + 1 ELSE w.agent_read_seq END,
       agent_unread = CASE WHEN $10 = 'agent' THEN 0 WHEN $10 = 'visitor' THEN w.agent_unread + 1 ELSE w.agent_unread END
     FROM before CROSS JOIN LATERAL (SELECT date_trunc('milliseconds', clock_timestamp()) AS at, before.id AS locked) at
     WHERE w.id = at.locked AND NOT EXISTS (SELECT 1 FROM known)
     RETURNING w.*
   ), m AS (
     INSERT INTO messages (id, conversation_id, seq, author, agent_id, author_name, text, created_at, faq_id, kind)
     SELECT $4, c.id, c.last_seq, $2, $5, $6, $7, c.updated_at, $8, $11 FROM c RETURNING *
   )
   SELECT m.*, (SELECT to_jsonb(b) FROM before b) AS before, (SELECT to_jsonb(k) FROM known k) AS known, (SELECT to_jsonb(c) FROM c) AS c
   FROM (SELECT 1) one LEFT JOIN m ON true`,
};

const appendParams = (m: NewMessage, rules: StoreRules) => [
  JSON.stringify(statusTable(rules, m)),
  m.author,
  m.conversationId,
  m.id,
  m.agentId,
  m.authorName,
  m.text,
  m.faqId ?? null,
  m.visitorId ?? null,
  // A note is no reply: it moves nothing but the seq (and the conversation's activity time).
  m.note ? 'note' : m.author,
  m.note ? 'note' : 'message',
];

/**
 * One append in one statement (one round trip, no transaction of its own): the conversation row
 * locked (the visitor's own, when `visitorId` says whose), a known id found, else the seq taken
 * by the update that stores the message. The seq comes from the row in the statement that stores
 * the message, never from a node's memory; its time from the database's clock read under the
 * row's lock (the lateral join runs per locked row), so times follow seqs whatever the nodes'
 * clocks say (the inbox sorts by them).
 */
async function append(t: Db, m: NewMessage, rules: StoreRules): Promise<AppendResult> {
  const r = await t.one<Record<string, unknown> & { before: Row | null; known: Row | null; c: Row | null }>(APPEND, appendParams(m, rules));
  if (!r?.before) throw new AppError('not_found', 'No such conversation.');
  const before = fromJson(r.before);
  if (r.known)
    return { message: retried({ ...r.known, ...timesOf(r.known) }, m), created: false, conversation: before, statusBefore: before.status };
  return { message: toMessage(r), created: true, conversation: fromJson(r.c!), statusBefore: before.status };
}

/** A conversation row read back from jsonb. */
const fromJson = (c: Row) => toConversation({ ...c, ...timesOf(c) });

/** jsonb gives times back as text in Postgres's own format: as ISO strings like every other row (of the columns it has). */
function timesOf(c: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ['created_at', 'updated_at', 'first_response_at', 'survey_at'])
    if (k in c) out[k] = c[k] == null ? null : new Date(c[k] as string).toISOString();
  return out;
}

/** Messages on Postgres. */
export function pgMessages(db: Db, rules: StoreRules): MessagePort {
  return {
    async getMessage(id) {
      const r = await db.one('SELECT * FROM messages WHERE id = $1', [id]);
      return r ? toMessage(r) : null;
    },
    async appendMessage(m, events) {
      try {
        // A transaction only for the events: the append alone is one statement.
        return await inTx(db, events, async (t) => {
          const result = await append(t, m, rules);
          if (result.created) await recordWebhookEvents(t, rules, events, result);
          return result;
        });
      } catch (err) {
        // The same id stored meanwhile by another transaction: answered as a retry would be.
        if (!isUniqueViolation(err, 'messages_pkey')) throw err;
        const known = await db.one('SELECT * FROM messages WHERE id = $1', [m.id]);
        const conversation = await db.one('SELECT * FROM conversations WHERE id = $1', [m.conversationId]);
        if (!known || !conversation) throw err;
        const c = toConversation(conversation);
        return { message: retried(known, m), created: false, conversation: c, statusBefore: c.status };
      }
    },
    async listMessages(conversationId, afterSeq, limit, withNotes = false) {
      const notes = withNotes ? '' : "AND kind = 'message'";
      return (
        await db.rows(`SELECT * FROM messages WHERE conversation_id = $1 AND seq > $2 ${notes} ORDER BY seq LIMIT $3`, [
          conversationId,
          afterSeq,
          limit,
        ])
      ).map(toMessage);
    },
    async setFaqHelpful(messageId, helpful) {
      await db.run('UPDATE messages SET faq_helpful = $1 WHERE id = $2 AND faq_id IS NOT NULL', [helpful, messageId]);
    },
  };
}
