import { AppError } from '../../errors';
import { toVisitor, visitorValues } from '../rows';
import { VISITOR_COLUMNS } from '../shared-sql';
import type { StoreRules, VisitorPatch, VisitorPort } from '../types';
import { inTx, type Db } from './db';
import { recordWebhookEvents } from './webhook-events';

/** Visitors on Postgres. */
export function pgVisitors(db: Db, rules: StoreRules): VisitorPort {
  const get = async (id: string) => {
    const r = await db.one('SELECT * FROM visitors WHERE id = $1', [id]);
    return r ? toVisitor(r) : null;
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
      const r = await db.one('SELECT * FROM visitors WHERE token_hash = $1', [tokenHash]);
      return r ? toVisitor(r) : null;
    },
    updateVisitor: (id, patch, events) =>
      inTx(db, events, async (t) => {
        const keys = (Object.keys(patch) as (keyof VisitorPatch)[]).filter((k) => patch[k] !== undefined);
        const sets = keys.map((k, i) => `${VISITOR_COLUMNS[k]} = $${i + 1}`).join(', ');
        // One statement: the change (if any) and the row as it leaves it.
        const r = keys.length
          ? await t.one(`UPDATE visitors SET ${sets} WHERE id = $${keys.length + 1} RETURNING *`, [
              ...keys.map((k) => patch[k] ?? null),
              id,
            ])
          : await t.one('SELECT * FROM visitors WHERE id = $1', [id]);
        if (!r) throw new AppError('not_found', 'Visitor not found.');
        const v = toVisitor(r);
        await recordWebhookEvents(t, rules, events, v);
        return v;
      }),
    // Seen now by the database's clock: the retention sweep's cursor runs in order of last sight.
    async touchVisitors(ids) {
      if (ids.length)
        await db.run(`UPDATE visitors SET last_seen_at = date_trunc('milliseconds', clock_timestamp()) WHERE id = ANY($1)`, [ids]);
    },
  };
}
