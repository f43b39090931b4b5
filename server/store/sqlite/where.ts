import type { Row } from '../rows';
import type { SqliteContext } from './context';

/** A filtered, ordered page of rows, its WHERE clause built one condition at a time with its `?` arguments in order. */
export function whereClause() {
  const conditions: string[] = [];
  const args: unknown[] = [];
  const add = (when: unknown, sql: string, ...values: unknown[]) => {
    if (!when) return;
    conditions.push(sql);
    args.push(...values);
  };
  return {
    /** Adds a condition when `when` holds (a filter that was given). */
    add,
    /** Only rows after a cursor's row in an order of `time` then `id`, both descending. */
    before: (time: string, id: string, cursor?: { at: string; id: string }) =>
      add(cursor, `(${time} < ? OR (${time} = ? AND ${id} < ?))`, cursor?.at, cursor?.at, cursor?.id),
    /** Reads `select` with the conditions, in the order given, at most `limit` rows. */
    rows: (c: SqliteContext, select: string, order: string, limit: number) =>
      c
        .q(`${select} ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ?`)
        .all(...args, limit) as Row[],
  };
}
