import { nanoid } from 'nanoid';
import { toClaimedOutbox, toOutbox, type Row } from '../rows';
import type { ClaimedOutboxRow, OutboxPort, OutboxRow, RetentionPort, VisitorCursor } from '../types';
import type { SqliteContext } from './context';

/** The payload of an email done with: blank ('{}', as the retention sweep leaves it) when it carried a one-time link. */
const BLANK_SECRET = `CASE WHEN json_extract(payload, '$.secret') THEN '{}' ELSE payload END`;

/** The email outbox and the retention sweep on SQLite. */
export class SqliteOutbox implements OutboxPort, RetentionPort {
  constructor(private readonly c: SqliteContext) {}

  async purgeOld(
    before: string,
    from: VisitorCursor | null,
    limit: number,
  ): Promise<{ visitors: number; emails: number; next: VisitorCursor | null; more: boolean }> {
    return this.c.db
      .transaction(() => {
        // A slice of the visitors in order of last sight, from where the last call stopped: those
        // kept (they chatted) are not looked at again and again.
        const slice = this.c
          .q(
            `SELECT id, last_seen_at FROM visitors
         WHERE last_seen_at < ? AND (last_seen_at, id) > (?, ?) ORDER BY last_seen_at, id LIMIT ?`,
          )
          .all(before, from?.lastSeenAt ?? '', from?.id ?? '', limit) as { id: string; last_seen_at: string }[];
        const forget = this.c.q(
          `DELETE FROM visitors WHERE id = ?
           AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.visitor_id = visitors.id)
           AND NOT EXISTS (SELECT 1 FROM callbacks b WHERE b.visitor_id = visitors.id)
           AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.visitor_id = visitors.id) RETURNING contact_id`,
        );
        // A contact of its own that was nothing but this browser goes with it.
        const forgetContact = this.c.q(
          `DELETE FROM contacts WHERE id = ? AND external_id IS NULL AND email_verified_at IS NULL AND notes IS NULL AND attributes = '{}'
           AND NOT EXISTS (SELECT 1 FROM visitors v WHERE v.contact_id = contacts.id)
           AND NOT EXISTS (SELECT 1 FROM contacts m WHERE m.merged_into = contacts.id)`,
        );
        let visitors = 0;
        for (const v of slice) {
          const gone = forget.get(v.id) as { contact_id: string | null } | undefined;
          if (!gone) continue;
          visitors += 1;
          if (gone.contact_id) forgetContact.run(gone.contact_id);
        }
        const last = slice.at(-1);
        // Only emails not blanked yet are in the partial index: blanked ones are never read again.
        const emails = this.c
          .q(
            `UPDATE outbox SET payload = '{}' WHERE id IN (
           SELECT id FROM outbox WHERE payload != '{}' AND created_at < ? AND status IN ('sent', 'failed') LIMIT ?)`,
          )
          .run(before, limit).changes;
        const next = last ? { lastSeenAt: last.last_seen_at, id: last.id } : null;
        return { visitors, emails, next, more: slice.length === limit || emails === limit };
      })
      .immediate();
  }

  async retentionCursor(): Promise<VisitorCursor | null> {
    const r = this.c.q(`SELECT value FROM sweep_cursors WHERE name = 'retention'`).get() as { value: string } | undefined;
    return r ? (JSON.parse(r.value) as VisitorCursor) : null;
  }

  async saveRetentionCursor(cursor: VisitorCursor): Promise<void> {
    this.c
      .q(
        `INSERT INTO sweep_cursors (name, value, updated_at) VALUES ('retention', ?, ?)
       ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run(JSON.stringify(cursor), new Date().toISOString());
  }

  async enqueueOutbox(row: Pick<OutboxRow, 'id' | 'kind' | 'payload'>, now: string): Promise<void> {
    this.c
      .q(
        `INSERT INTO outbox (id, kind, payload, status, next_attempt_at, created_at) VALUES (?, ?, ?, 'pending', ?, ?)
       ON CONFLICT (id) DO NOTHING`,
      )
      .run(row.id, row.kind, JSON.stringify(row.payload), now, now);
  }

  async claimOutbox(leaseMs: number, limit: number): Promise<ClaimedOutboxRow[]> {
    const now = Date.now();
    const at = new Date(now).toISOString();
    const claimId = nanoid();
    return this.c.db
      .transaction(() => {
        // One writer at a time: rows read here are this claim's alone (Postgres skips locked rows).
        const rows = this.c
          .q(
            `SELECT * FROM outbox WHERE (status = 'pending' AND next_attempt_at <= ?) OR (status = 'sending' AND lease_until <= ?)
         ORDER BY next_attempt_at LIMIT ?`,
          )
          .all(at, at, limit) as Row[];
        const leaseUntil = new Date(now + leaseMs).toISOString();
        for (const r of rows) {
          this.c
            .q(`UPDATE outbox SET status = 'sending', lease_until = ?, claim_id = ?, attempts = attempts + 1 WHERE id = ?`)
            .run(leaseUntil, claimId, r.id);
        }
        return rows.map((r) => toClaimedOutbox({ ...r, status: 'sending', attempts: (r.attempts as number) + 1, claim_id: claimId }));
      })
      .immediate();
  }

  async markOutboxSent(id: string, claimId: string): Promise<boolean> {
    // A one-time link's email is blanked at once: only the token's hash stays at rest.
    return (
      this.c
        .q(
          `UPDATE outbox SET status = 'sent', sent_at = ?, lease_until = NULL, claim_id = NULL, payload = ${BLANK_SECRET}
       WHERE id = ? AND status = 'sending' AND claim_id = ?`,
        )
        .run(new Date().toISOString(), id, claimId).changes === 1
    );
  }

  async markOutboxRetry(id: string, claimId: string, error: string, retryInMs: number | null): Promise<boolean> {
    const next = retryInMs === null ? null : new Date(Date.now() + retryInMs).toISOString();
    return (
      this.c
        .q(
          `UPDATE outbox SET status = ?, next_attempt_at = coalesce(?, next_attempt_at), last_error = ?, lease_until = NULL, claim_id = NULL,
         payload = CASE WHEN ? IS NULL THEN ${BLANK_SECRET} ELSE payload END
       WHERE id = ? AND status = 'sending' AND claim_id = ?`,
        )
        .run(next ? 'pending' : 'failed', next, error.slice(0, 1000), next, id, claimId).changes === 1
    );
  }

  async getOutbox(id: string): Promise<OutboxRow | null> {
    const r = this.c.q('SELECT * FROM outbox WHERE id = ?').get(id) as Row | undefined;
    return r ? toOutbox(r) : null;
  }
}
