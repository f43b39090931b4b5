import { AppError } from '../../errors';
import { contactValues, ownContact, toVisitor, visitorValues, type Row } from '../rows';
import { CONTACT_INSERT, VISITOR_COLUMNS, VISITOR_INSERT } from '../shared-sql';
import type { VisitorPageQuery, VisitorPatch, VisitorPort, VisitorRow } from '../types';
import type { WebhookEvents } from '../webhook-events';
import type { SqliteContext } from './context';
import { recordWebhookEvents } from './webhook-events';
import { whereClause } from './where';

/** Visitors on SQLite. */
export class SqliteVisitors implements VisitorPort {
  constructor(private readonly c: SqliteContext) {}

  // Every visitor belongs to a contact: its contact is made with it unless it exists already.
  async createVisitor(v: VisitorRow): Promise<void> {
    this.c.db
      .transaction(() => {
        this.c
          .q(`INSERT INTO contacts (${CONTACT_INSERT}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`)
          .run(...contactValues(ownContact(v)));
        this.c
          .q(
            `INSERT INTO visitors (${VISITOR_INSERT}) VALUES (${VISITOR_INSERT.split(',')
              .map(() => '?')
              .join(', ')})`,
          )
          .run(...visitorValues(v));
      })
      .immediate();
  }

  async getVisitor(id: string): Promise<VisitorRow | null> {
    return this.c.find('SELECT * FROM visitors WHERE id = ?', [id], toVisitor);
  }

  async getVisitorByTokenHash(tokenHash: string): Promise<VisitorRow | null> {
    return this.c.find('SELECT * FROM visitors WHERE token_hash = ?', [tokenHash], toVisitor);
  }

  async updateVisitor(id: string, patch: VisitorPatch, events?: WebhookEvents<VisitorRow>): Promise<VisitorRow> {
    const keys = (Object.keys(patch) as (keyof VisitorPatch)[]).filter((k) => patch[k] !== undefined);
    return this.c.db
      .transaction(() => {
        if (keys.length) {
          const sets = keys.map((k) => `${VISITOR_COLUMNS[k]} = ?`).join(', ');
          this.c.q(`UPDATE visitors SET ${sets} WHERE id = ?`).run(...keys.map((k) => patch[k] ?? null), id);
        }
        const r = this.c.q('SELECT * FROM visitors WHERE id = ?').get(id) as Row | undefined;
        if (!r) throw new AppError('not_found', 'Visitor not found.');
        const v = toVisitor(r);
        recordWebhookEvents(this.c, events, v);
        return v;
      })
      .immediate();
  }

  async touchVisitors(ids: string[], now: string): Promise<void> {
    const touch = this.c.q('UPDATE visitors SET last_seen_at = ? WHERE id = ?');
    this.c.db
      .transaction(() => {
        for (const id of ids) touch.run(now, id);
      })
      .immediate();
  }

  async pageVisitors(q: VisitorPageQuery): Promise<VisitorRow[]> {
    const where = whereClause();
    where.add(q.siteId, 'site_id = ?', q.siteId);
    where.add(q.since, 'last_seen_at >= ?', q.since);
    where.before('last_seen_at', 'id', q.before);
    return where.rows(this.c, 'SELECT * FROM visitors', 'last_seen_at DESC, id DESC', q.limit).map(toVisitor);
  }
}
