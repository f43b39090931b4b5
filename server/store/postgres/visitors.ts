import { AppError } from '../../errors';
import { contactValues, ownContact, toVisitor, visitorValues } from '../rows';
import { CONTACT_INSERT, VISITOR_COLUMNS, VISITOR_INSERT } from '../shared-sql';
import type { VisitorPatch, VisitorPort } from '../types';
import type { Db } from './db';

/** `$1, $2, … $n`. */
export const params = (n: number) => Array.from({ length: n }, (_, i) => `$${i + 1}`).join(', ');

/** Visitors on Postgres. */
export function pgVisitors(db: Db): VisitorPort {
  const get = async (id: string) => {
    const r = await db.one('SELECT * FROM visitors WHERE id = $1', [id]);
    return r ? toVisitor(r) : null;
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
      const r = await db.one('SELECT * FROM visitors WHERE token_hash = $1', [tokenHash]);
      return r ? toVisitor(r) : null;
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
