import { nanoid } from 'nanoid';
import type { Row } from '../rows';
import type {
  NewWebhookDelivery,
  WebhookDeliveryRow,
  WebhookEndpointPatch,
  WebhookEndpointRow,
  WebhookOutcome,
  WebhookPort,
} from '../types';
import { endpointPatchColumns, toWebhookDelivery, toWebhookEndpoint, webhookEndpointValues } from '../webhook-rows';
import type { SqliteContext } from './context';

/** Webhook endpoints and their delivery queue on SQLite (one writer at a time, so a claim's rows are its own). */
export class SqliteWebhooks implements WebhookPort {
  constructor(private readonly c: SqliteContext) {}

  async createWebhookEndpoint(e: WebhookEndpointRow): Promise<void> {
    this.c
      .q(
        `INSERT INTO webhook_endpoints (id, url, events, site_id, description, secret, old_secret, old_secret_until, failing_since, disabled_at,
         created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(...webhookEndpointValues(e));
  }

  async listWebhookEndpoints(): Promise<WebhookEndpointRow[]> {
    return (this.c.q('SELECT * FROM webhook_endpoints ORDER BY created_at, rowid').all() as Row[]).map(toWebhookEndpoint);
  }

  async getWebhookEndpoint(id: string): Promise<WebhookEndpointRow | null> {
    const r = this.c.q('SELECT * FROM webhook_endpoints WHERE id = ?').get(id) as Row | undefined;
    return r ? toWebhookEndpoint(r) : null;
  }

  async updateWebhookEndpoint(id: string, patch: WebhookEndpointPatch): Promise<WebhookEndpointRow | null> {
    const cols = endpointPatchColumns(patch);
    const sets = cols.map(([c]) => `${c} = ?`).join(', ');
    const r = this.c.q(`UPDATE webhook_endpoints SET ${sets} WHERE id = ? RETURNING *`).get(...cols.map(([, v]) => v), id) as
      Row | undefined;
    return r ? toWebhookEndpoint(r) : null;
  }

  async deleteWebhookEndpoint(id: string): Promise<boolean> {
    return this.c.db
      .transaction(() => {
        this.c.q('DELETE FROM webhook_deliveries WHERE endpoint_id = ?').run(id);
        return this.c.q('DELETE FROM webhook_endpoints WHERE id = ?').run(id).changes === 1;
      })
      .immediate();
  }

  async enqueueWebhookDeliveries(rows: NewWebhookDelivery[]): Promise<void> {
    const insert = this.c.q(
      `INSERT INTO webhook_deliveries (id, endpoint_id, event_type, order_key, body, status, next_attempt_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    );
    this.c.db
      .transaction(() => {
        for (const d of rows) insert.run(d.id, d.endpointId, d.eventType, d.orderKey, d.body, d.createdAt, d.createdAt, d.createdAt);
      })
      .immediate();
  }

  async claimWebhookDeliveries(leaseMs: number, limit: number, busy: string[]): Promise<(WebhookDeliveryRow & { claimId: string })[]> {
    const now = Date.now();
    const at = new Date(now).toISOString();
    const claimId = nanoid();
    return this.c.db
      .transaction(() => {
        const rows = this.c
          .q(
            `SELECT d.* FROM webhook_deliveries d
         WHERE ((d.status = 'pending' AND d.next_attempt_at <= ?) OR (d.status = 'sending' AND d.lease_until <= ?))
           AND d.endpoint_id NOT IN (SELECT value FROM json_each(?))
           AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p WHERE p.endpoint_id = d.endpoint_id AND p.order_key = d.order_key
             AND p.seq < d.seq AND p.status IN ('pending', 'sending'))
         ORDER BY d.seq LIMIT ?`,
          )
          .all(at, at, JSON.stringify(busy), limit) as Row[];
        const lease = new Date(now + leaseMs).toISOString();
        const take = this.c.q(
          `UPDATE webhook_deliveries SET status = 'sending', lease_until = ?, claim_id = ?, attempts = attempts + 1 WHERE id = ?`,
        );
        for (const r of rows) take.run(lease, claimId, r.id);
        return rows.map((r) => ({ ...toWebhookDelivery({ ...r, status: 'sending', attempts: Number(r.attempts) + 1 }), claimId }));
      })
      .immediate();
  }

  async settleWebhookDelivery(id: string, claimId: string, o: WebhookOutcome): Promise<boolean> {
    const now = new Date().toISOString();
    const next = o.status === 'pending' ? new Date(Date.now() + (o.retryInMs ?? 0)).toISOString() : null;
    return (
      this.c
        .q(
          `UPDATE webhook_deliveries SET status = ?, next_attempt_at = coalesce(?, next_attempt_at), response_status = ?, last_error = ?,
         lease_until = NULL, claim_id = NULL, updated_at = ?, delivered_at = CASE WHEN ? = 'delivered' THEN ? ELSE delivered_at END
       WHERE id = ? AND status = 'sending' AND claim_id = ?`,
        )
        .run(o.status, next, o.responseStatus, o.error?.slice(0, 1000) ?? null, now, o.status, now, id, claimId).changes === 1
    );
  }

  async getWebhookDelivery(id: string): Promise<WebhookDeliveryRow | null> {
    const r = this.c.q('SELECT * FROM webhook_deliveries WHERE id = ?').get(id) as Row | undefined;
    return r ? toWebhookDelivery(r) : null;
  }

  async listWebhookDeliveries(endpointId: string, limit: number): Promise<WebhookDeliveryRow[]> {
    return (
      this.c.q('SELECT * FROM webhook_deliveries WHERE endpoint_id = ? ORDER BY seq DESC LIMIT ?').all(endpointId, limit) as Row[]
    ).map(toWebhookDelivery);
  }

  async redeliverWebhook(id: string, now: string): Promise<WebhookDeliveryRow | null> {
    const r = this.c
      .q(
        `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = ?, attempts = 0, updated_at = ?
       WHERE id = ? AND status IN ('delivered', 'failed') RETURNING *`,
      )
      .get(now, now, id) as Row | undefined;
    return r ? toWebhookDelivery(r) : this.getWebhookDelivery(id);
  }

  async purgeWebhookDeliveries(before: string, limit: number): Promise<number> {
    return this.c
      .q(
        `DELETE FROM webhook_deliveries WHERE seq IN (
         SELECT seq FROM webhook_deliveries WHERE status IN ('delivered', 'failed') AND updated_at < ? LIMIT ?)`,
      )
      .run(before, limit).changes;
  }
}
