import pg from 'pg';
import type { Row } from '../rows';
import { createPgLink, isConnectionError, type PgLink } from './link';

/** A statement, or a named one that each connection has Postgres plan once (for the hottest, where planning costs). */
export type Sql = string | { name: string; text: string };

/** What every Postgres port runs its SQL on: the pool, or one transaction's connection. */
export interface Db {
  /** The rows of one statement ($1, $2 … for `params`). */
  rows<T = Row>(sql: Sql, params?: unknown[]): Promise<T[]>;
  /** The first row, or null. */
  one<T = Row>(sql: Sql, params?: unknown[]): Promise<T | null>;
  /** The first row read by `read`, or null. */
  find<T>(sql: string, params: unknown[], read: (r: Row) => T): Promise<T | null>;
  /** How many rows the statement changed. */
  run(sql: Sql, params?: unknown[]): Promise<number>;
  /** Runs `fn` in one transaction (committed when it resolves, rolled back when it throws); nested calls join it. */
  tx<T>(fn: (db: Db) => Promise<T>): Promise<T>;
}

type Queryable = Pick<pg.PoolClient, 'query'>;

function on(conn: Queryable, tx: Db['tx'], link: PgLink): Db {
  const query = async (sql: Sql, params: unknown[]) => {
    try {
      const r = typeof sql === 'string' ? await conn.query(sql, params) : await conn.query({ ...sql, values: params });
      link.answered();
      return r;
    } catch (err) {
      throw link.failed(err);
    }
  };
  const rows = async <T>(sql: Sql, params: unknown[] = []) => (await query(sql, params)).rows as T[];
  return {
    rows,
    one: async <T>(sql: Sql, params: unknown[] = []) => (await rows<T>(sql, params))[0] ?? null,
    find: async (sql, params, read) => {
      const [r] = await rows<Row>(sql, params);
      return r ? read(r) : null;
    },
    run: async (sql, params = []) => (await query(sql, params)).rowCount ?? 0,
    tx,
  };
}

/**
 * The pool as a `Db`: each statement on its own, `tx` on one connection from BEGIN to COMMIT.
 * A statement that fails because the database is away throws `unavailable` (see `link`).
 */
export function poolDb(pool: pg.Pool, link: PgLink = createPgLink('Postgres')): Db {
  const ignore = () => undefined;
  const tx = async <T>(fn: (db: Db) => Promise<T>): Promise<T> => {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (err) {
      throw link.failed(err);
    }
    // The pool stops listening while a client is checked out: a connection lost between two
    // statements of a transaction must not be an unhandled 'error' that ends the process.
    client.on('error', ignore);
    let broken: unknown;
    try {
      const inner: Db = on(client, (f) => f(inner), link);
      await inner.run('BEGIN');
      const result = await fn(inner);
      await inner.run('COMMIT');
      return result;
    } catch (err) {
      if (isConnectionError((err as { cause?: unknown }).cause ?? err)) broken = err;
      else await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.off('error', ignore);
      // A broken connection is thrown away, not handed to the next caller.
      client.release(broken instanceof Error ? broken : broken === undefined ? undefined : true);
    }
  };
  return on(pool, tx, link);
}

/** Postgres's code for a unique index refusing a row. */
export const isUniqueViolation = (err: unknown, constraint?: string) =>
  (err as { code?: string }).code === '23505' && (!constraint || (err as { constraint?: string }).constraint === constraint);

/** `fn` in a transaction when it records webhook events (they commit with the change), else on `db` as it is. */
export function inTx<T>(db: Db, events: unknown, fn: (t: Db) => Promise<T>): Promise<T> {
  return events ? db.tx(fn) : fn(db);
}
