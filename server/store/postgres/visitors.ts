import { AppError } from '../../errors';
import { contactValues, ownContact, toVisitor, visitorValues } from '../rows';
import { CONTACT_INSERT, VISITOR_COLUMNS, VISITOR_INSERT } from '../shared-sql';
import type { StoreRules, VisitorPatch, VisitorPort } from '../types';
import { inTx, type Db } from './db';
import { recordWebhookEvents } from './webhook-events';

/** `$1, $2, … $n`. */
export const params = (n: number) => Array.from({ length: n }, (_, i) => `$${i + 1}`).join(', ');

/** Visitors on Postgres. */
export function pgVisitors(db: Db, rules: StoreRules): VisitorPort {
  const get = async (id: string) => {
    return db.find('SELECT * FROM visitors WHERE id = $1', [id], toVisitor);
  };
  return {
    // Every visitor belongs to a contact: its contact is made with it unless it exists already.
    createVisitor: (v) =>
      db.tx(async (t) => {
        await t.run(
          `INSERT INTO contacts (${CONTACT_INSERT}) VALUES (${params(8)}) ON CONFLICT (id) DO NOTHING`,
          contactValues(ownContact(v)),
        );
        await t.run(`INSERT INTO visitors (${VISITOR_INSERT}) VALUES (${params(17)})`, visitorValues(v));
      }),
    getVisitor: get,
    async getVisitorByTokenHash(tokenHash) {
      return db.find('SELECT * FROM visitors WHERE token_hash = $1', [tokenHash], toVisitor);
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
    async pageVisitors(q) {
      const where: string[] = [];
      const args: unknown[] = [];
      const arg = (v: unknown) => (args.push(v), `$${args.length}`);
      if (q.siteId) where.push(`site_id = ${arg(q.siteId)}`);
      if (q.since) where.push(`last_seen_at >= ${arg(q.since)}::timestamptz`);
      if (q.before) where.push(`(last_seen_at, id) < (${arg(q.before.at)}::timestamptz, ${arg(q.before.id)})`);
      const sql = `SELECT * FROM visitors ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY last_seen_at DESC, id DESC LIMIT ${arg(q.limit)}`;
      return (await db.rows(sql, args)).map(toVisitor);
    },
  };
}
