import type { FeedbackCursor, FeedbackFilter, FeedbackReply, FeedbackStatus } from '../../../protocol/types';
import { AppError } from '../../errors';
import { feedbackValues, pendingReply, toFeedback, toFeedbackReply, toFeedbackStat, type Row } from '../rows';
import type { FeedbackPort, FeedbackRow, NewFeedbackReply, OutboxRow } from '../types';
import type { WebhookEvents } from '../webhook-events';
import type { SqliteContext } from './context';
import { recordWebhookEvents } from './webhook-events';
import { feedbackList, SQLITE } from '../list-sql';

/** Feedback and its replies on SQLite. */
export class SqliteFeedback implements FeedbackPort {
  constructor(private readonly c: SqliteContext) {}

  async createFeedback(f: FeedbackRow, events?: WebhookEvents<void>): Promise<boolean> {
    return this.c.db
      .transaction(() => {
        const created =
          this.c
            .q(
              `INSERT INTO feedback (id, site_id, rating, category, text, name, email, page_url, page_title, locale, status, created_at, updated_at, visitor_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
            )
            .run(...feedbackValues(f)).changes === 1;
        if (created) recordWebhookEvents(this.c, events, undefined);
        return created;
      })
      .immediate();
  }

  async getFeedback(id: string): Promise<FeedbackRow | null> {
    return this.c.find('SELECT * FROM feedback WHERE id = ?', [id], toFeedback);
  }

  async listFeedback(filter: FeedbackFilter, limit: number, before?: FeedbackCursor): Promise<FeedbackRow[]> {
    const { sql, params } = feedbackList(SQLITE, filter, limit, before);
    return (this.c.q(sql).all(...params) as Row[]).map(toFeedback);
  }

  async setFeedbackStatus(id: string, status: FeedbackStatus, now: string): Promise<FeedbackRow | null> {
    this.c.q('UPDATE feedback SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id);
    return this.getFeedback(id);
  }

  async countFeedback(status: FeedbackStatus): Promise<number> {
    return (this.c.q('SELECT count(*) AS n FROM feedback WHERE status = ?').get(status) as { n: number }).n;
  }

  async addFeedbackReply(reply: NewFeedbackReply, email: Pick<OutboxRow, 'id' | 'kind' | 'payload'>): Promise<FeedbackReply> {
    this.c.db
      .transaction(() => {
        if (this.c.q('SELECT 1 FROM feedback_replies WHERE id = ?').get(reply.id)) {
          throw new AppError('duplicate_id', 'That reply id is already taken; send with a new id.');
        }
        this.c
          .q(`INSERT INTO outbox (id, kind, payload, status, next_attempt_at, created_at) VALUES (?, ?, ?, 'pending', ?, ?)`)
          .run(email.id, email.kind, JSON.stringify(email.payload), reply.createdAt, reply.createdAt);
        this.c
          .q(
            `INSERT INTO feedback_replies (id, feedback_id, agent_id, agent_name, text, outbox_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(reply.id, reply.feedbackId, reply.agentId, reply.agentName, reply.text, email.id, reply.createdAt);
        this.c.q(`UPDATE feedback SET status = 'answered', updated_at = ? WHERE id = ?`).run(reply.createdAt, reply.feedbackId);
      })
      .immediate();
    return pendingReply(reply);
  }

  async listFeedbackReplies(feedbackId: string): Promise<(FeedbackReply & { agentId: string })[]> {
    const rows = this.c
      .q(
        `SELECT r.*, o.status AS email_status FROM feedback_replies r JOIN outbox o ON o.id = r.outbox_id
       WHERE r.feedback_id = ? ORDER BY r.created_at, r.rowid`,
      )
      .all(feedbackId) as Row[];
    return rows.map(toFeedbackReply);
  }

  async getFeedbackReplyByOutbox(outboxId: string): Promise<FeedbackReply | null> {
    const r = this.c.q('SELECT id, feedback_id FROM feedback_replies WHERE outbox_id = ?').get(outboxId) as Row | undefined;
    if (!r) return null;
    // Through listFeedbackReplies, so a pushed reply and a listed one are the same shape.
    const reply = (await this.listFeedbackReplies(r.feedback_id as string)).find((x) => x.id === r.id);
    if (!reply) return null;
    const { agentId: _agentId, ...shown } = reply;
    return shown;
  }

  async feedbackSince(since: string) {
    return (
      this.c.q('SELECT created_at, rating, category FROM feedback WHERE created_at >= ? ORDER BY created_at').all(since) as Row[]
    ).map(toFeedbackStat);
  }
}
