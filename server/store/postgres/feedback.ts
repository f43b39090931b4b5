import { AppError } from '../../errors';
import { feedbackValues, pendingReply, toFeedback, toFeedbackReply, toFeedbackStat } from '../rows';
import type { FeedbackPort, StoreRules } from '../types';
import { inTx, isUniqueViolation, type Db } from './db';
import { recordWebhookEvents } from './webhook-events';
import { feedbackList, POSTGRES } from '../list-sql';

const REPLIES = 'SELECT r.*, o.status AS email_status FROM feedback_replies r JOIN outbox o ON o.id = r.outbox_id';

/** Feedback and its replies on Postgres. */
export function pgFeedback(db: Db, rules: StoreRules): FeedbackPort {
  const get = async (id: string) => {
    return db.find('SELECT * FROM feedback WHERE id = $1', [id], toFeedback);
  };
  return {
    createFeedback: (f, events) =>
      inTx(db, events, async (t) => {
        const created =
          (await t.run(
            `INSERT INTO feedback (id, site_id, rating, category, text, name, email, page_url, page_title, locale, status, created_at, updated_at, visitor_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (id) DO NOTHING`,
            feedbackValues(f),
          )) === 1;
        if (created) await recordWebhookEvents(t, rules, events, undefined);
        return created;
      }),
    getFeedback: get,
    async listFeedback(filter, limit, before) {
      const { sql, params } = feedbackList(POSTGRES, filter, limit, before);
      return (await db.rows(sql, params)).map(toFeedback);
    },
    async setFeedbackStatus(id, status, now) {
      await db.run('UPDATE feedback SET status = $1, updated_at = $2 WHERE id = $3', [status, now, id]);
      return get(id);
    },
    async countFeedback(status) {
      return (await db.one<{ n: number }>('SELECT count(*)::int AS n FROM feedback WHERE status = $1', [status]))!.n;
    },
    async addFeedbackReply(reply, email) {
      try {
        await db.tx(async (t) => {
          await t.run(
            `INSERT INTO outbox (id, kind, payload, status, next_attempt_at, created_at) VALUES ($1, $2, $3, 'pending', $4, $4)`,
            [email.id, email.kind, JSON.stringify(email.payload), reply.createdAt],
          );
          // The primary key refuses a reply id taken already (no look first): the email goes with it.
          await t.run(
            `INSERT INTO feedback_replies (id, feedback_id, agent_id, agent_name, text, outbox_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [reply.id, reply.feedbackId, reply.agentId, reply.agentName, reply.text, email.id, reply.createdAt],
          );
          await t.run(`UPDATE feedback SET status = 'answered', updated_at = $1 WHERE id = $2`, [reply.createdAt, reply.feedbackId]);
        });
      } catch (err) {
        if (isUniqueViolation(err, 'feedback_replies_pkey'))
          throw new AppError('duplicate_id', 'That reply id is already taken; send with a new id.', undefined, err);
        throw err;
      }
      return pendingReply(reply);
    },
    async listFeedbackReplies(feedbackId) {
      return (await db.rows(`${REPLIES} WHERE r.feedback_id = $1 ORDER BY r.created_at, r.n`, [feedbackId])).map(toFeedbackReply);
    },
    async getFeedbackReplyByOutbox(outboxId) {
      const r = await db.one(`${REPLIES} WHERE r.outbox_id = $1`, [outboxId]);
      if (!r) return null;
      const { agentId: _agentId, ...shown } = toFeedbackReply(r);
      return shown;
    },
    async feedbackSince(since) {
      return (await db.rows('SELECT created_at, rating, category FROM feedback WHERE created_at >= $1 ORDER BY created_at', [since])).map(
        toFeedbackStat,
      );
    },
  };
}
