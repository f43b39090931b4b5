import type { ConversationStatus, ConversationSummary, Message, SurveyResult } from '../../../protocol/types';
import { AppError } from '../../errors';
import { copyConversation, sameSender, toConversation, toMessage, toSummary, type Row } from '../rows';
import { SUMMARY_SELECT } from '../shared-sql';
import type { AppendResult, ConversationPort, ConversationRow, MessagePort, NewMessage, SummaryQuery } from '../types';
import type { WebhookEvents } from '../webhook-events';
import type { SqliteContext } from './context';
import { recordWebhookEvents } from './webhook-events';
import { SQLITE, summaryList } from '../list-sql';

/** Conversation rows kept for appends: the busiest conversations, about 1 KiB each. */
const CONVERSATION_CACHE = 10_000;

/** Conversations, their messages (appended in group commits) and the inbox summaries on SQLite. */
export class SqliteConversations implements ConversationPort, MessagePort {
  private pendingAppends: {
    m: NewMessage;
    events: WebhookEvents<AppendResult> | undefined;
    resolve: (r: AppendResult) => void;
    reject: (err: unknown) => void;
  }[] = [];

  constructor(private readonly c: SqliteContext) {}

  async getConversation(id: string): Promise<ConversationRow | null> {
    return this.readConversation(id);
  }

  private readConversation(id: string): ConversationRow | null {
    const r = this.c.q('SELECT * FROM conversations WHERE id = ?').get(id) as Row | undefined;
    return r ? toConversation(r) : null;
  }

  async latestConversation(visitorId: string): Promise<ConversationRow | null> {
    const r = this.c.q('SELECT * FROM conversations WHERE visitor_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').get(visitorId) as
      Row | undefined;
    return r ? toConversation(r) : null;
  }

  async latestOrNewConversation(visitorId: string, siteId: string, newId: string, now: string, channel = 'chat'): Promise<ConversationRow> {
    return this.c.db
      .transaction(() => {
        const existing = this.c
          .q('SELECT * FROM conversations WHERE visitor_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1')
          .get(visitorId) as Row | undefined;
        if (existing) return toConversation(existing);
        this.c
          .q(
            `INSERT INTO conversations (id, site_id, visitor_id, status, channel, created_at, updated_at) VALUES (?, ?, ?, 'pending', ?, ?, ?)`,
          )
          .run(newId, siteId, visitorId, channel, now, now);
        return toConversation(this.c.q('SELECT * FROM conversations WHERE id = ?').get(newId) as Row);
      })
      .immediate();
  }

  async setConversationStatus(
    id: string,
    status: ConversationStatus,
    now: string,
    events?: WebhookEvents<ConversationRow>,
  ): Promise<ConversationRow> {
    this.c.forgetConversation(id);
    return this.c.db
      .transaction(() => {
        this.c.q('UPDATE conversations SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id);
        const c = this.readConversation(id);
        if (!c) throw new AppError('not_found', 'Conversation not found.');
        recordWebhookEvents(this.c, events, c);
        return c;
      })
      .immediate();
  }

  async setReadSeq(id: string, who: 'agent' | 'visitor', seq: number): Promise<void> {
    this.c.forgetConversation(id);
    if (who === 'visitor') {
      this.c.q('UPDATE conversations SET visitor_read_seq = max(visitor_read_seq, min(?, last_seq)) WHERE id = ?').run(seq, id);
      return;
    }
    // Together: the unread count always matches the read position.
    this.c.db
      .transaction(() => {
        this.c.q(`UPDATE conversations SET agent_read_seq = max(agent_read_seq, min(?, last_seq)) WHERE id = ?;`).run(seq, id);
        this.c
          .q(
            `UPDATE conversations SET agent_unread = (SELECT count(*) FROM messages m
           WHERE m.conversation_id = conversations.id AND m.author = 'visitor' AND m.seq > conversations.agent_read_seq)
         WHERE id = ?`,
          )
          .run(id);
      })
      .immediate();
  }

  async setSurvey(conversationId: string, survey: SurveyResult, events?: WebhookEvents<void>): Promise<void> {
    this.c.forgetConversation(conversationId);
    this.c.db
      .transaction(() => {
        this.c
          .q('UPDATE conversations SET survey_rating = ?, survey_comment = ?, survey_at = ? WHERE id = ?')
          .run(survey.rating, survey.comment, survey.createdAt, conversationId);
        recordWebhookEvents(this.c, events, undefined);
      })
      .immediate();
  }

  async firstResponseDelays(siteId: string, since: string): Promise<number[]> {
    const rows = this.c
      .q(
        `SELECT c.first_response_at AS answered, (SELECT min(m.created_at) FROM messages m WHERE m.conversation_id = c.id AND m.author = 'visitor') AS asked
       FROM conversations c WHERE c.site_id = ? AND c.created_at >= ? AND c.first_response_at IS NOT NULL`,
      )
      .all(siteId, since) as Row[];
    return rows.filter((r) => r.asked).map((r) => Date.parse(r.answered as string) - Date.parse(r.asked as string));
  }

  async setFaqHelpful(messageId: string, helpful: boolean): Promise<void> {
    this.c.q('UPDATE messages SET faq_helpful = ? WHERE id = ? AND faq_id IS NOT NULL').run(helpful ? 1 : 0, messageId);
  }

  async getMessage(id: string): Promise<Message | null> {
    const r = this.c.q('SELECT * FROM messages WHERE id = ?').get(id) as Row | undefined;
    return r ? toMessage(r) : null;
  }

  appendMessage(m: NewMessage, events?: WebhookEvents<AppendResult>): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.pendingAppends.push({ m, events, resolve, reject });
      if (this.pendingAppends.length === 1) setImmediate(() => this.flushAppends());
    });
  }

  /**
   * Group commit: every append queued in this turn of the event loop goes into one
   * transaction and is answered only after the commit. One commit per batch instead of
   * per message; "stored before acked" still holds. A refused append writes nothing, so
   * it fails alone; an unexpected error rolls back and fails the whole batch.
   */
  private flushAppends(): void {
    const batch = this.pendingAppends;
    this.pendingAppends = [];
    const outcomes: ({ ok: AppendResult } | { err: unknown })[] = [];
    // Rows as this batch leaves them; they reach the cache only once the batch is committed.
    const touched = new Map<string, ConversationRow>();
    try {
      this.c.db
        .transaction(() => {
          for (const item of batch) {
            try {
              outcomes.push({ ok: this.appendUnchecked(item.m, item.events, touched) });
            } catch (err) {
              // Refusals happen before anything is written; anything else aborts the whole batch.
              if (!(err instanceof AppError)) throw err;
              outcomes.push({ err });
            }
          }
        })
        .immediate();
    } catch (err) {
      // Should a kept row ever be wrong (the file changed behind this store's back), the batch
      // fails once and the next append reads the row afresh, instead of failing on and on.
      for (const item of batch) this.c.forgetConversation(item.m.conversationId);
      batch.forEach((item) => item.reject(err));
      return;
    }
    for (const [id, row] of touched) {
      // Most recently appended last; the oldest goes once there are many.
      this.c.conversations.delete(id);
      this.c.conversations.set(id, row);
      if (this.c.conversations.size > CONVERSATION_CACHE) this.c.conversations.delete(this.c.conversations.keys().next().value!);
    }
    batch.forEach((item, i) => {
      const o = outcomes[i]!;
      if ('ok' in o) item.resolve(o.ok);
      else item.reject(o.err);
    });
  }

  /** One append inside the batch's transaction; `touched` holds the rows the batch has changed so far. */
  private appendUnchecked(
    m: NewMessage,
    events: WebhookEvents<AppendResult> | undefined,
    touched: Map<string, ConversationRow>,
  ): AppendResult {
    const before = touched.get(m.conversationId) ?? this.c.conversations.get(m.conversationId) ?? this.readConversation(m.conversationId);
    if (!before || (m.visitorId !== undefined && before.visitorId !== m.visitorId))
      throw new AppError('not_found', 'No such conversation.');
    const seq = before.lastSeq + 1;
    // A note is no reply: it moves nothing but the seq (and the conversation's activity time).
    const role = m.note ? 'note' : m.author;
    const status = m.note ? before.status : this.c.rules.statusAfterMessage(m.author, before);
    const firstResponse = before.firstResponseAt ?? (role === 'agent' ? m.now : null);
    // A known id inserts nothing (a refused insert needs no savepoint); only then is it looked up.
    const inserted = this.c
      .q(
        `INSERT INTO messages (id, conversation_id, seq, author, agent_id, author_name, text, created_at, faq_id, kind)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      )
      .run(m.id, m.conversationId, seq, m.author, m.agentId, m.authorName, m.text, m.now, m.faqId ?? null, m.note ? 'note' : 'message');
    if (inserted.changes === 0) {
      const known = this.c.q('SELECT * FROM messages WHERE id = ?').get(m.id) as Row;
      // Only its sender retries an id: the same visitor (the conversation is theirs), or the same agent.
      if (!sameSender(known, m)) {
        throw new AppError('duplicate_id', 'That message id is already taken; send with a new id.');
      }
      return { message: toMessage(known), created: false, conversation: copyConversation(before), statusBefore: before.status };
    }
    // An agent's reply reads everything before it; a visitor's message adds one unread.
    const byAgent = role === 'agent' ? 1 : 0;
    const byVisitor = role === 'visitor' ? 1 : 0;
    this.c
      .q(
        `UPDATE conversations SET last_seq = ?, status = ?, first_response_at = ?, updated_at = ?,
         agent_read_seq = CASE WHEN ? THEN ? ELSE agent_read_seq END,
         agent_unread = CASE WHEN ? THEN 0 ELSE agent_unread + ? END
       WHERE id = ?`,
      )
      .run(seq, status, firstResponse, m.now, byAgent, seq, byAgent, byVisitor, m.conversationId);
    const message: Message = {
      id: m.id,
      conversationId: m.conversationId,
      seq,
      author: m.author,
      authorName: m.authorName,
      text: m.text,
      createdAt: m.now,
    };
    if (m.faqId) message.faq = { id: m.faqId, helpful: null };
    if (m.note) message.note = true;
    const after: ConversationRow = {
      ...before,
      lastSeq: seq,
      status,
      firstResponseAt: firstResponse,
      updatedAt: m.now,
      agentReadSeq: byAgent ? seq : before.agentReadSeq,
      agentUnread: byAgent ? 0 : before.agentUnread + byVisitor,
    };
    const result = { message, created: true, conversation: copyConversation(after), statusBefore: before.status };
    // A failure here is no refusal: it aborts the batch, so neither the message nor its events land.
    recordWebhookEvents(this.c, events, result);
    touched.set(m.conversationId, after);
    return result;
  }

  async listMessages(conversationId: string, afterSeq: number, limit: number, withNotes = false): Promise<Message[]> {
    const rows = this.c
      .q(`SELECT * FROM messages WHERE conversation_id = ? AND seq > ? ${withNotes ? '' : "AND kind = 'message'"} ORDER BY seq LIMIT ?`)
      .all(conversationId, afterSeq, limit) as Row[];
    return rows.map(toMessage);
  }

  async getSummary(conversationId: string): Promise<ConversationSummary | null> {
    const r = this.c.q(`${SUMMARY_SELECT} WHERE c.id = ?`).get(conversationId) as Row | undefined;
    return r ? toSummary(r, this.c.rules.visitorName) : null;
  }

  async listSummaries(q: SummaryQuery): Promise<ConversationSummary[]> {
    const { sql, params } = summaryList(SQLITE, q);
    return (this.c.q(sql).all(...params) as Row[]).map((r) => toSummary(r, this.c.rules.visitorName));
  }
}
