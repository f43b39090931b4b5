import { taggedWith } from '../canned-rows';
import type { CallbackAttempt } from '../../../protocol/types';
import { callbackValues, toCallback, toCallbackAttempt, toStoredCallbackAttempt, type Row } from '../rows';
import { reopenRefused } from '../refusals';
import { CALLBACK_COLUMNS, CALLBACK_SELECT } from '../shared-sql';
import type { CallbackPageQuery, CallbackPatch, CallbackPort, CallbackRow, CallbackWithVisitor, StoredCallbackAttempt } from '../types';
import type { WebhookEvents } from '../webhook-events';
import type { SqliteContext } from './context';
import { recordWebhookEvents } from './webhook-events';
import { callbackPage, SQLITE } from '../list-sql';

/** Call back requests on SQLite. */
export class SqliteCallbacks implements CallbackPort {
  constructor(private readonly c: SqliteContext) {}

  async createCallback(c: CallbackRow): Promise<void> {
    this.insertCallback(c);
  }

  private insertCallback(c: CallbackRow): void {
    this.c
      .q(
        `INSERT INTO callbacks (id, site_id, visitor_id, phone, name, topic, asap, due_at, window_end, status, claimed_by, claimed_by_name,
         attempts, page_url, page_title, visitor_timezone, visitor_locale, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(...callbackValues(c, (b) => (b ? 1 : 0)));
  }

  async requestCallback(
    c: CallbackRow & { visitorId: string },
    update: CallbackPatch,
    events?: WebhookEvents<{ callback: CallbackRow; created: boolean }>,
  ): Promise<{ callback: CallbackRow; created: boolean }> {
    return this.c.db
      .transaction(() => {
        // The partial unique index callbacks_open_phone backs this up should two writers ever race.
        const open = this.findOpenNow(c.siteId, c.phone, c.visitorId);
        if (open) this.updateCallbackNow(open.id, update);
        else this.insertCallback(c);
        const result = open ? { callback: { ...open, ...update }, created: false } : { callback: c, created: true };
        recordWebhookEvents(this.c, events, result);
        return result;
      })
      .immediate();
  }

  async getCallback(id: string): Promise<CallbackWithVisitor | null> {
    return this.c.find(`${CALLBACK_SELECT} WHERE c.id = ?`, [id], toCallback);
  }

  async findOpenCallback(siteId: string, phone: string, visitorId: string): Promise<CallbackRow | null> {
    return this.findOpenNow(siteId, phone, visitorId);
  }

  private findOpenNow(siteId: string, phone: string, visitorId: string): CallbackWithVisitor | null {
    const r = this.c
      .q(
        `${CALLBACK_SELECT} WHERE c.site_id = ? AND c.phone = ? AND c.status IN ('waiting', 'rescheduled') AND c.visitor_id = ?
       ORDER BY c.created_at DESC LIMIT 1`,
      )
      .get(siteId, phone, visitorId) as Row | undefined;
    return r ? toCallback(r) : null;
  }

  async latestCallbackForVisitor(visitorId: string): Promise<CallbackRow | null> {
    const r = this.c.q(`${CALLBACK_SELECT} WHERE c.visitor_id = ? ORDER BY c.updated_at DESC, c.rowid DESC LIMIT 1`).get(visitorId) as
      Row | undefined;
    return r ? toCallback(r) : null;
  }

  async claimCallback(id: string, agent: { id: string; name: string }, takeOverFrom: string | null, now: string): Promise<boolean> {
    return (
      this.c
        .q(
          `UPDATE callbacks SET claimed_by = ?, claimed_by_name = ?, updated_at = ?
       WHERE id = ? AND status IN ('waiting', 'rescheduled') AND (claimed_by IS NULL OR claimed_by = ? OR claimed_by = ?)`,
        )
        .run(agent.id, agent.name, now, id, agent.id, takeOverFrom).changes === 1
    );
  }

  async updateCallback(id: string, patch: CallbackPatch): Promise<void> {
    this.updateCallbackNow(id, patch);
  }

  private updateCallbackNow(id: string, patch: CallbackPatch): void {
    const cols: string[] = [];
    const args: unknown[] = [];
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      if (key === 'claimedBy') {
        const c = value as CallbackRow['claimedBy'];
        cols.push('claimed_by = ?', 'claimed_by_name = ?');
        args.push(c?.id ?? null, c?.name ?? null);
        continue;
      }
      cols.push(`${CALLBACK_COLUMNS[key as keyof typeof CALLBACK_COLUMNS]} = ?`);
      args.push(typeof value === 'boolean' ? Number(value) : value);
    }
    if (!cols.length) return;
    try {
      this.c.q(`UPDATE callbacks SET ${cols.join(', ')} WHERE id = ?`).run(...args, id);
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw reopenRefused(err);
      throw err;
    }
  }

  async listCallbacks(open: boolean, limit: number, siteId?: string, tag?: string): Promise<CallbackWithVisitor[]> {
    const site = (siteId ? ' AND c.site_id = ?' : '') + (tag ? ` AND ${taggedWith('callback', 'c.id')}` : '');
    const siteArgs = [...(siteId ? [siteId] : []), ...(tag ? [tag] : [])];
    const waiting = this.c
      .q(`${CALLBACK_SELECT} WHERE c.status IN ('waiting', 'rescheduled')${site} ORDER BY c.due_at, c.rowid LIMIT ?`)
      .all(...siteArgs, limit) as Row[];
    if (open || waiting.length >= limit) return waiting.map(toCallback);
    // Then closed ones newest first, so a limit drops the oldest history (read newest first
    // through the index on the last change, not sorted whole).
    const closed = this.c
      .q(`${CALLBACK_SELECT} WHERE c.status NOT IN ('waiting', 'rescheduled')${site} ORDER BY c.updated_at DESC LIMIT ?`)
      .all(...siteArgs, limit - waiting.length) as Row[];
    return [...waiting, ...closed].map(toCallback);
  }

  async addCallbackAttempt(
    callbackId: string,
    a: CallbackAttempt & { agentId: string },
    patch: CallbackPatch,
    events?: WebhookEvents<void>,
  ): Promise<boolean> {
    return this.c.db
      .transaction(() => {
        const added =
          this.c
            .q(
              `INSERT INTO callback_attempts (id, callback_id, agent_id, agent_name, outcome, note, due_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
            )
            .run(a.id, callbackId, a.agentId, a.agentName, a.outcome, a.note, a.dueAt, a.createdAt).changes > 0;
        if (added) {
          this.updateCallbackNow(callbackId, patch);
          recordWebhookEvents(this.c, events, undefined);
        }
        return added;
      })
      .immediate();
  }

  async getCallbackAttempt(id: string): Promise<StoredCallbackAttempt | null> {
    return this.c.find('SELECT * FROM callback_attempts WHERE id = ?', [id], toStoredCallbackAttempt);
  }

  async listCallbackAttempts(callbackId: string): Promise<CallbackAttempt[]> {
    const rows = this.c.q('SELECT * FROM callback_attempts WHERE callback_id = ? ORDER BY created_at, rowid').all(callbackId) as Row[];
    return rows.map(toCallbackAttempt);
  }

  async pageCallbacks(q: CallbackPageQuery): Promise<CallbackWithVisitor[]> {
    const { sql, params } = callbackPage(SQLITE, q);
    return (this.c.q(sql).all(...params) as Row[]).map(toCallback);
  }
}
