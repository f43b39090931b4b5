import { AppError } from '../../errors';
import { toVisitor, visitorValues } from '../rows';
import { VISITOR_COLUMNS } from '../shared-sql';
import type { VisitorPatch, VisitorPort, VisitorRow } from '../types';
import type { SqliteContext } from './context';

/** Visitors on SQLite. */
export class SqliteVisitors implements VisitorPort {
  constructor(private readonly c: SqliteContext) {}

  async createVisitor(v: VisitorRow): Promise<void> {
    this.c
      .q(
        `INSERT INTO visitors (id, site_id, token_hash, name, email, page_url, page_title, referrer, user_agent, language,
         timezone, first_seen_at, last_seen_at, visits) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(...visitorValues(v));
  }

  async getVisitor(id: string): Promise<VisitorRow | null> {
    return this.c.find('SELECT * FROM visitors WHERE id = ?', [id], toVisitor);
  }

  async getVisitorByTokenHash(tokenHash: string): Promise<VisitorRow | null> {
    return this.c.find('SELECT * FROM visitors WHERE token_hash = ?', [tokenHash], toVisitor);
  }

  async updateVisitor(id: string, patch: VisitorPatch): Promise<VisitorRow> {
    const keys = (Object.keys(patch) as (keyof VisitorPatch)[]).filter((k) => patch[k] !== undefined);
    if (keys.length) {
      const sets = keys.map((k) => `${VISITOR_COLUMNS[k]} = ?`).join(', ');
      this.c.q(`UPDATE visitors SET ${sets} WHERE id = ?`).run(...keys.map((k) => patch[k] ?? null), id);
    }
    const v = await this.getVisitor(id);
    if (!v) throw new AppError('not_found', 'Visitor not found.');
    return v;
  }

  async touchVisitors(ids: string[], now: string): Promise<void> {
    const touch = this.c.q('UPDATE visitors SET last_seen_at = ? WHERE id = ?');
    this.c.db
      .transaction(() => {
        for (const id of ids) touch.run(now, id);
      })
      .immediate();
  }
}
