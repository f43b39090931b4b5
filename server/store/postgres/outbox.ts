import { nanoid } from 'nanoid';
import { toClaimedOutbox, toOutbox } from '../rows';
import type { OutboxPort, RetentionPort, VisitorCursor } from '../types';
import type { Db } from './db';

/** The payload of an email done with: blank when it carried a one-time link (only the token's hash stays at rest). */
const BLANK_SECRET = `CASE WHEN coalesce((payload->>'secret')::boolean, false) THEN '{}'::jsonb ELSE payload END`;

/** The email outbox on Postgres: claims skip rows another worker holds, and leases run on the database's clock. */
export function pgOutbox(db: Db): OutboxPort {
  return {
    async enqueueOutbox(row, now) {
      await db.run(
        `INSERT INTO outbox (id, kind, payload, status, next_attempt_at, created_at) VALUES ($1, $2, $3, 'pending', $4, $4) ON CONFLICT (id) DO NOTHING`,
        [row.id, row.kind, JSON.stringify(row.payload), now],
      );
    },
    async claimOutbox(leaseMs, limit) {
      const rows = await db.rows(
        `WITH due AS (
           SELECT id FROM outbox
           WHERE (status = 'pending' AND next_attempt_at <= now()) OR (status = 'sending' AND lease_until <= now())
           ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED
         )
         UPDATE outbox o SET status = 'sending', lease_until = now() + $2 * interval '1 millisecond', claim_id = $3, attempts = o.attempts + 1
         FROM due WHERE o.id = due.id RETURNING o.*`,
        [limit, leaseMs, nanoid()],
      );
      return rows.map(toClaimedOutbox).sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt));
    },
    async markOutboxSent(id, claimId) {
      return (
        (await db.run(
          `UPDATE outbox SET status = 'sent', sent_at = now(), lease_until = NULL, claim_id = NULL, payload = ${BLANK_SECRET}
         WHERE id = $1 AND status = 'sending' AND claim_id = $2`,
          [id, claimId],
        )) === 1
      );
    },
    async markOutboxRetry(id, claimId, error, retryInMs) {
      return (
        (await db.run(
          `UPDATE outbox SET lease_until = NULL, claim_id = NULL, last_error = $3,
           status = CASE WHEN $4::float8 IS NULL THEN 'failed' ELSE 'pending' END,
           next_attempt_at = coalesce(now() + $4::float8 * interval '1 millisecond', next_attempt_at),
           payload = CASE WHEN $4::float8 IS NULL THEN ${BLANK_SECRET} ELSE payload END
         WHERE id = $1 AND status = 'sending' AND claim_id = $2`,
          [id, claimId, error.slice(0, 1000), retryInMs],
        )) === 1
      );
    },
    async getOutbox(id) {
      const r = await db.one('SELECT * FROM outbox WHERE id = $1', [id]);
      return r ? toOutbox(r) : null;
    },
  };
}

/** The retention sweep's slice on Postgres. */
export function pgRetention(db: Db): RetentionPort {
  return {
    purgeOld: (before, from, limit) =>
      db.tx(async (t) => {
        // A slice of the visitors in order of last sight, from where the last call stopped.
        const slice = await t.rows<{ id: string; last_seen_at: Date }>(
          `SELECT id, last_seen_at FROM visitors
           WHERE last_seen_at < $1 AND ($2::timestamptz IS NULL OR (last_seen_at, id) > ($2::timestamptz, $3))
           ORDER BY last_seen_at, id LIMIT $4`,
          [before, from?.lastSeenAt ?? null, from?.id ?? '', limit],
        );
        const gone = await t.rows<{ contact_id: string | null }>(
          `DELETE FROM visitors v WHERE v.id = ANY($1)
             AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.visitor_id = v.id)
             AND NOT EXISTS (SELECT 1 FROM callbacks b WHERE b.visitor_id = v.id)
             AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.visitor_id = v.id) RETURNING v.contact_id`,
          [slice.map((v) => v.id)],
        );
        const visitors = gone.length;
        // A contact of its own that was nothing but these browsers goes with them.
        await t.run(
          `DELETE FROM contacts k WHERE k.id = ANY($1) AND k.external_id IS NULL AND k.email_verified_at IS NULL AND k.notes IS NULL
             AND k.attributes = '{}'::jsonb AND NOT EXISTS (SELECT 1 FROM visitors v WHERE v.contact_id = k.id)
             AND NOT EXISTS (SELECT 1 FROM contacts m WHERE m.merged_into = k.id)`,
          [gone.map((g) => g.contact_id)],
        );
        const emails = await t.run(
          `UPDATE outbox SET payload = '{}'::jsonb WHERE id IN (
             SELECT id FROM outbox WHERE payload <> '{}'::jsonb AND created_at < $1 AND status IN ('sent', 'failed') LIMIT $2)`,
          [before, limit],
        );
        const last = slice.at(-1);
        const next = last ? { lastSeenAt: last.last_seen_at.toISOString(), id: last.id } : null;
        return { visitors, emails, next, more: slice.length === limit || emails === limit };
      }),
    async retentionCursor() {
      const r = await db.one<{ value: VisitorCursor }>(`SELECT value FROM sweep_cursors WHERE name = 'retention'`);
      return r?.value ?? null;
    },
    async saveRetentionCursor(cursor) {
      await db.run(
        `INSERT INTO sweep_cursors (name, value) VALUES ('retention', $1)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = now()`,
        [JSON.stringify(cursor)],
      );
    },
  };
}
