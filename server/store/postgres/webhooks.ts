import { nanoid } from 'nanoid';
import type { WebhookPort } from '../types';
import { endpointPatchColumns, toWebhookDelivery, toWebhookEndpoint, webhookEndpointValues } from '../webhook-rows';
import type { Db } from './db';

/** Webhook endpoints and their delivery queue on Postgres: claims skip rows another node holds; leases run on the database's clock. */
export function pgWebhooks(db: Db): WebhookPort {
  return {
    async createWebhookEndpoint(e) {
      await db.run(
        `INSERT INTO webhook_endpoints (id, url, events, site_id, description, secret, old_secret, old_secret_until, failing_since, disabled_at,
           created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        webhookEndpointValues(e),
      );
    },
    async listWebhookEndpoints() {
      return (await db.rows('SELECT * FROM webhook_endpoints ORDER BY created_at, n')).map(toWebhookEndpoint);
    },
    async getWebhookEndpoint(id) {
      const r = await db.one('SELECT * FROM webhook_endpoints WHERE id = $1', [id]);
      return r ? toWebhookEndpoint(r) : null;
    },
    async updateWebhookEndpoint(id, patch) {
      const cols = endpointPatchColumns(patch);
      const sets = cols.map(([c], i) => `${c} = $${i + 2}`).join(', ');
      const r = await db.one(`UPDATE webhook_endpoints SET ${sets} WHERE id = $1 RETURNING *`, [id, ...cols.map(([, v]) => v)]);
      return r ? toWebhookEndpoint(r) : null;
    },
    async deleteWebhookEndpoint(id) {
      // The deliveries go with it (ON DELETE CASCADE).
      return (await db.run('DELETE FROM webhook_endpoints WHERE id = $1', [id])) === 1;
    },
    async enqueueWebhookDeliveries(rows) {
      if (!rows.length) return;
      await db.run(
        `INSERT INTO webhook_deliveries (id, endpoint_id, event_type, order_key, body, status, next_attempt_at, created_at, updated_at)
         SELECT d.id, d.endpoint_id, d.event_type, d.order_key, d.body, 'pending', d.created_at, d.created_at, d.created_at
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
           WITH ORDINALITY AS d(id, endpoint_id, event_type, order_key, body, created_at, o)
         ORDER BY d.o ON CONFLICT (id) DO NOTHING`,
        [
          rows.map((d) => d.id),
          rows.map((d) => d.endpointId),
          rows.map((d) => d.eventType),
          rows.map((d) => d.orderKey),
          rows.map((d) => d.body),
          rows.map((d) => d.createdAt),
        ],
      );
    },
    async claimWebhookDeliveries(leaseMs, limit, busy) {
      // A delivery whose predecessor (same endpoint and key) another node holds is not due: that
      // predecessor is 'sending', and the NOT EXISTS sees it so.
      const rows = await db.rows(
        `WITH due AS (
           SELECT d.seq FROM webhook_deliveries d
           WHERE ((d.status = 'pending' AND d.next_attempt_at <= now()) OR (d.status = 'sending' AND d.lease_until <= now()))
             AND NOT (d.endpoint_id = ANY($4::text[]))
             AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p WHERE p.endpoint_id = d.endpoint_id AND p.order_key = d.order_key
               AND p.seq < d.seq AND p.status IN ('pending', 'sending'))
           ORDER BY d.seq LIMIT $1 FOR UPDATE SKIP LOCKED
         )
         UPDATE webhook_deliveries w SET status = 'sending', lease_until = now() + $2 * interval '1 millisecond', claim_id = $3,
           attempts = w.attempts + 1
         FROM due WHERE w.seq = due.seq RETURNING w.*`,
        [limit, leaseMs, nanoid(), busy],
      );
      return rows.sort((a, b) => Number(a.seq) - Number(b.seq)).map((r) => ({ ...toWebhookDelivery(r), claimId: r.claim_id as string }));
    },
    async settleWebhookDelivery(id, claimId, o) {
      return (
        (await db.run(
          `UPDATE webhook_deliveries SET status = $3, response_status = $5, last_error = $6, lease_until = NULL, claim_id = NULL, updated_at = now(),
             next_attempt_at = coalesce(now() + $4::float8 * interval '1 millisecond', next_attempt_at),
             delivered_at = CASE WHEN $3 = 'delivered' THEN now() ELSE delivered_at END
           WHERE id = $1 AND status = 'sending' AND claim_id = $2`,
          [id, claimId, o.status, o.status === 'pending' ? (o.retryInMs ?? 0) : null, o.responseStatus, o.error?.slice(0, 1000) ?? null],
        )) === 1
      );
    },
    async getWebhookDelivery(id) {
      const r = await db.one('SELECT * FROM webhook_deliveries WHERE id = $1', [id]);
      return r ? toWebhookDelivery(r) : null;
    },
    async listWebhookDeliveries(endpointId, limit) {
      return (await db.rows('SELECT * FROM webhook_deliveries WHERE endpoint_id = $1 ORDER BY seq DESC LIMIT $2', [endpointId, limit])).map(
        toWebhookDelivery,
      );
    },
    async redeliverWebhook(id, now) {
      const r = await db.one(
        `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = $2, attempts = 0, updated_at = $2
         WHERE id = $1 AND status IN ('delivered', 'failed') RETURNING *`,
        [id, now],
      );
      if (r) return toWebhookDelivery(r);
      const known = await db.one('SELECT * FROM webhook_deliveries WHERE id = $1', [id]);
      return known ? toWebhookDelivery(known) : null;
    },
    purgeWebhookDeliveries(before, limit) {
      return db.run(
        `DELETE FROM webhook_deliveries WHERE seq IN (
           SELECT seq FROM webhook_deliveries WHERE status IN ('delivered', 'failed') AND updated_at < $1 LIMIT $2)`,
        [before, limit],
      );
    },
  };
}
