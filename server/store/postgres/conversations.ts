import type { Message } from '../../../protocol/types';
import { AppError } from '../../errors';
import { taggedWith } from '../canned-rows';
import { iso, sameSender, toConversation, toMessage, toSummary } from '../rows';
import { SUMMARY_SELECT } from '../shared-sql';
import type { AppendResult, ConversationPort, MessagePort, NewMessage, StoreRules } from '../types';
import { isUniqueViolation, type Db } from './db';

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
    latestOrNewConversation: (visitorId, siteId, newId) =>
      db.tx(async (t) => {
        // The visitor's row is the lock: two tabs asking at once make one conversation.
        await t.run('SELECT 1 FROM visitors WHERE id = $1 FOR UPDATE', [visitorId]);
        const existing = await latest(t, visitorId);
        if (existing) return existing;
        const r = await t.one(
          `INSERT INTO conversations (id, site_id, visitor_id, status, created_at, updated_at)
           SELECT $1, $2, $3, 'pending', at, at FROM (SELECT date_trunc('milliseconds', clock_timestamp()) AS at) n RETURNING *`,
          [newId, siteId, visitorId],
        );
        return toConversation(r!);
      }),
    async setConversationStatus(id, status) {
      const r = await db.one(
        `UPDATE conversations SET status = $1, updated_at = date_trunc('milliseconds', clock_timestamp()) WHERE id = $2 RETURNING *`,
        [status, id],
      );
      if (!r) throw new AppError('not_found', 'Conversation not found.');
      return toConversation(r);
    },
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
    async setSurvey(conversationId, survey) {
      await db.run('UPDATE conversations SET survey_rating = $1, survey_comment = $2, survey_at = $3 WHERE id = $4', [
        survey.rating,
        survey.comment,
        survey.createdAt,
        conversationId,
      ]);
    },
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
      const where: string[] = [];
      const args: unknown[] = [];
      const arg = (v: unknown) => (args.push(v), `$${args.length}`);
      if (q.status && q.status !== 'all') where.push(`c.status = ${arg(q.status)}`);
      if (q.visitorId) where.push(`c.visitor_id = ${arg(q.visitorId)}`);
      if (q.contactId) where.push(`c.visitor_id IN (SELECT id FROM visitors WHERE contact_id = ${arg(q.contactId)})`);
      if (q.siteId) where.push(`c.site_id = ${arg(q.siteId)}`);
      if (q.updatedSince) where.push(`c.updated_at >= ${arg(q.updatedSince)}::timestamptz`);
      if (q.tag) where.push(taggedWith('conversation', 'c.id', arg(q.tag)));
      if (q.before) where.push(`(c.updated_at, c.id) < (${arg(q.before.updatedAt)}::timestamptz, ${arg(q.before.id)})`);
      // Ties broken by id, so a page's last row is an exact cursor for the next.
      const sql = `${SUMMARY_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.updated_at DESC, c.id DESC LIMIT ${arg(q.limit)}`;
      return (await db.rows(sql, args)).map((r) => toSummary(r, rules.visitorName));
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

/** One append in its own transaction: the conversation row locked, the seq taken by the update that stores the message. */
async function append(t: Db, m: NewMessage, rules: StoreRules): Promise<AppendResult> {
  const row = await t.one('SELECT * FROM conversations WHERE id = $1 FOR UPDATE', [m.conversationId]);
  const before = row && toConversation(row);
  if (!before || (m.visitorId !== undefined && before.visitorId !== m.visitorId)) throw new AppError('not_found', 'No such conversation.');
  const known = await t.one('SELECT * FROM messages WHERE id = $1', [m.id]);
  if (known) return { message: retried(known, m), created: false, conversation: before, statusBefore: before.status };
  const status = m.note ? before.status : rules.statusAfterMessage(m.author, before);
  // A note is no reply: it moves nothing but the seq (and the conversation's activity time).
  const role = m.note ? 'note' : m.author;
  // The seq comes from the row in the statement that stores the message, never from a node's memory;
  // its time from the database's clock read under the row's lock, so times follow seqs whatever
  // the nodes' clocks say (the inbox sorts by them).
  const r = await t.one<Record<string, unknown> & { c: Record<string, unknown> }>(
    `WITH at AS (SELECT date_trunc('milliseconds', clock_timestamp()) AS at), c AS (
       UPDATE conversations SET last_seq = last_seq + 1, status = $1, updated_at = at.at,
         first_response_at = coalesce(first_response_at, CASE WHEN $9 = 'agent' THEN at.at END),
         agent_read_seq = CASE WHEN $9 = 'agent' THEN last_seq + 1 ELSE agent_read_seq END,
         agent_unread = CASE WHEN $9 = 'agent' THEN 0 WHEN $9 = 'visitor' THEN agent_unread + 1 ELSE agent_unread END
       FROM at WHERE id = $3 RETURNING conversations.*
     ), m AS (
       INSERT INTO messages (id, conversation_id, seq, author, agent_id, author_name, text, created_at, faq_id, kind)
       SELECT $4, c.id, c.last_seq, $2, $5, $6, $7, c.updated_at, $8, $10 FROM c RETURNING *
     )
     SELECT m.*, to_jsonb(c) AS c FROM m, c`,
    [status, m.author, m.conversationId, m.id, m.agentId, m.authorName, m.text, m.faqId ?? null, role, m.note ? 'note' : 'message'],
  );
  const conversation = toConversation({ ...r!.c, ...timesOf(r!.c) });
  return { message: toMessage(r!), created: true, conversation, statusBefore: before.status };
}

/** jsonb gives times back as text in Postgres's own format: as ISO strings like every other row. */
function timesOf(c: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ['created_at', 'updated_at', 'first_response_at', 'survey_at'])
    out[k] = c[k] == null ? null : new Date(c[k] as string).toISOString();
  return out;
}

/** Messages on Postgres. */
export function pgMessages(db: Db, rules: StoreRules): MessagePort {
  return {
    async getMessage(id) {
      const r = await db.one('SELECT * FROM messages WHERE id = $1', [id]);
      return r ? toMessage(r) : null;
    },
    async appendMessage(m) {
      try {
        return await db.tx((t) => append(t, m, rules));
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
