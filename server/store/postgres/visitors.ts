import { AppError } from '../../errors';
import { toVisitor, visitorValues } from '../rows';
import { VISITOR_COLUMNS } from '../shared-sql';
import type { VisitorPatch, VisitorPort } from '../types';
import type { Db } from './db';

/** Visitors on Postgres. */
export function pgVisitors(db: Db): VisitorPort {
  const get = async (id: string) => {
    return db.find('SELECT * FROM visitors WHERE id = $1', [id], toVisitor);
  };
  return {
    async createVisitor(v) {
      await db.run(
        `INSERT INTO visitors (id, site_id, token_hash, name, email, page_url, page_title, referrer, user_agent, language,
           timezone, first_seen_at, last_seen_at, visits) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        visitorValues(v),
      );
    },
    getVisitor: get,
    async getVisitorByTokenHash(tokenHash) {
      return db.find('SELECT * FROM visitors WHERE token_hash = $1', [tokenHash], toVisitor);
    },
    async updateVisitor(id, patch) {
      const keys = (Object.keys(patch) as (keyof VisitorPatch)[]).filter((k) => patch[k] !== undefined);
      if (keys.length) {
        const sets = keys.map((k, i) => `${VISITOR_COLUMNS[k]} = $${i + 1}`).join(', ');
        await db.run(`UPDATE visitors SET ${sets} WHERE id = $${keys.length + 1}`, [...keys.map((k) => patch[k] ?? null), id]);
      }
      const v = await get(id);
      if (!v) throw new AppError('not_found', 'Visitor not found.');
      return v;
    },
    // Seen now by the database's clock: the retention sweep's cursor runs in order of last sight.
    async touchVisitors(ids) {
      if (ids.length)
        await db.run(`UPDATE visitors SET last_seen_at = date_trunc('milliseconds', clock_timestamp()) WHERE id = ANY($1)`, [ids]);
    },
  };
}
