import pg from 'pg';
import type { Row } from '../rows';

/** What every Postgres port runs its SQL on: the pool, or one transaction's connection. */
export interface Db {
  /** The rows of one statement ($1, $2 … for `params`). */
  rows<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** The first row, or null. */
  one<T = Row>(sql: string, params?: unknown[]): Promise<T | null>;
  /** How many rows the statement changed. */
  run(sql: string, params?: unknown[]): Promise<number>;
  /** Runs `fn` in one transaction (committed when it resolves, rolled back when it throws); nested calls join it. */
  tx<T>(fn: (db: Db) => Promise<T>): Promise<T>;
}

type Queryable = Pick<pg.PoolClient, 'query'>;

function on(conn: Queryable, tx: Db['tx']): Db {
  const rows = async <T>(sql: string, params: unknown[] = []) => (await conn.query(sql, params)).rows as T[];
  return {
    rows,
    one: async <T>(sql: string, params: unknown[] = []) => ((await rows<T>(sql, params))[0] ?? null),
    run: async (sql, params = []) => (await conn.query(sql, params)).rowCount ?? 0,
    tx,
  };
}

/** The pool as a `Db`: each statement on its own, `tx` on one connection from BEGIN to COMMIT. */
export function poolDb(pool: pg.Pool): Db {
  const tx = async <T>(fn: (db: Db) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const inner: Db = on(client, (f) => f(inner));
      const result = await fn(inner);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  };
  return on(pool, tx);
}

/** Postgres's code for a unique index refusing a row. */
export const isUniqueViolation = (err: unknown, constraint?: string) =>
  (err as { code?: string }).code === '23505' && (!constraint || (err as { constraint?: string }).constraint === constraint);
