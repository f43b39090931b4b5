import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach } from 'vitest';
import { ensureDemoSite } from '../../server/domain/sites';
import { STORE_RULES } from '../../server/domain/store-rules';
import { createVisitor } from '../../server/domain/visitors';
import { openPostgresStore } from '../../server/store/postgres';
import { openSqliteStore } from '../../server/store/sqlite';
import type { CallbackRow, FeedbackRow, NewMessage, Store } from '../../server/store/types';
import { tempDataDir } from './server';

export type StoreKind = 'sqlite' | 'postgres';

/**
 * The store this test run uses: the `postgres` vitest project (there when TEST_DATABASE_URL is
 * set) runs the server and store suites again on Postgres.
 */
export const STORE: StoreKind = process.env.EARSHOT_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

/** The Postgres the tests may use (the machine's own, as .ci/run sets it). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** The URL of each schema this file made (a promise: two servers starting at once on one directory share it). */
const schemas = new Map<string, Promise<string>>();

/** The schema that stands for a temporary data directory on Postgres: one per test. */
function schemaFor(dataDir: string): string {
  return `t_${path
    .basename(dataDir)
    .replace(/[^a-zA-Z0-9]/g, '_')
    .toLowerCase()}`;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(TEST_DATABASE_URL);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * DATABASE_URL for a server on `dataDir` in this run: null on SQLite (the file in the directory);
 * on Postgres a fresh schema named after the directory, chosen by the connection's search_path,
 * so a restart on the same directory finds the same data. Dropped by `dropTestSchemas`.
 */
export async function databaseUrlFor(dataDir: string, kind: StoreKind = STORE): Promise<string | null> {
  if (kind === 'sqlite') return null;
  const schema = schemaFor(dataDir);
  if (!schemas.has(schema)) {
    const u = new URL(TEST_DATABASE_URL);
    u.searchParams.set('options', `-c search_path=${schema}`);
    schemas.set(
      schema,
      admin((c) => c.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`)).then(() => u.toString()),
    );
  }
  return schemas.get(schema)!;
}

/** The environment a process started on `dataDir` needs to find the run's store (DATABASE_URL on Postgres). */
export async function storeEnv(dataDir: string): Promise<Record<string, string>> {
  const url = await databaseUrlFor(dataDir);
  return url ? { DATABASE_URL: url } : {};
}

/** Drops the schemas this file made (run after it by test/setup.ts). */
export async function dropTestSchemas(): Promise<void> {
  if (!schemas.size) return;
  const names = [...schemas.keys()];
  schemas.clear();
  // One schema a statement: dropping a file's schemas in one statement takes a lock per table of
  // each, and past max_locks_per_transaction Postgres answers "out of shared memory".
  await admin(async (c) => {
    for (const name of names) await c.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
  });
}

/** Opens the run's store on `dataDir` directly (no server), as the server would. */
export async function openTestStore(dataDir: string, kind: StoreKind = STORE): Promise<Store> {
  const url = await databaseUrlFor(dataDir, kind);
  return url ? openPostgresStore(url, STORE_RULES, { max: 4 }) : openSqliteStore(dataDir, STORE_RULES);
}

/** Rows of `sql` read straight from the run's database on `dataDir`, behind the store's back (SQLite file or Postgres schema). */
export function rawRows(dataDir: string, sql: string, write = false): Promise<Record<string, unknown>[]> {
  return raw(dataDir, sql, !write);
}

/** Runs `sql` (statements, no rows) straight on the run's database on `dataDir`, behind the store's back. */
export async function rawExec(dataDir: string, sql: string): Promise<void> {
  await raw(dataDir, sql, false);
}

async function raw(dataDir: string, sql: string, read: boolean): Promise<Record<string, unknown>[]> {
  const url = await databaseUrlFor(dataDir);
  if (!url) {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(path.join(dataDir, 'earshot.sqlite'), { readonly: read });
    try {
      if (read) return db.prepare(sql).all() as Record<string, unknown>[];
      db.exec(sql);
      return [];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** New, anonymous feedback on the demo site, made at `at`. */
export const feedbackRow = (over: Partial<FeedbackRow> & { id: string }, at = new Date().toISOString()): FeedbackRow => ({
  siteId: 'demo',
  rating: 5,
  category: 'praise',
  text: 'Lovely',
  name: null,
  email: null,
  pageUrl: null,
  pageTitle: null,
  locale: null,
  status: 'new',
  createdAt: at,
  updatedAt: at,
  ...over,
});

/** A new visitor of the demo site and their conversation, straight in the store. */
export async function newConversation(store: Store) {
  const { visitor } = await createVisitor(store, 'demo', null);
  const c = await store.latestOrNewConversation(visitor.id, 'demo', `c-${visitor.id}`, new Date().toISOString());
  return { visitor, c };
}

/** A visitor's message "hi" sent now, with what the test changes. */
export const newMessage = (over: Partial<NewMessage> & { id: string; conversationId: string }): NewMessage => ({
  author: 'visitor',
  agentId: null,
  authorName: null,
  text: 'hi',
  now: new Date().toISOString(),
  ...over,
});

/** A waiting, as-soon-as-possible call back request on the demo site, made and due at `now`, with what the test changes. */
export const callbackRow = <O extends Partial<CallbackRow> & { id: string }>(now: string, over: O): CallbackRow & O => ({
  siteId: 'demo',
  visitorId: null,
  phone: '+420601123456',
  name: null,
  topic: null,
  asap: true,
  windowEnd: null,
  status: 'waiting',
  claimedBy: null,
  attempts: 0,
  pageUrl: null,
  pageTitle: null,
  visitorTimezone: null,
  visitorLocale: null,
  dueAt: now,
  createdAt: now,
  updatedAt: now,
  ...over,
});

/** What a store suite works with; `store` may be replaced by a test that opens it again. */
export interface StoreFixture {
  store: Store;
  data: { dir: string; remove: () => void };
}

/**
 * The setup every store suite shares: before each test a fresh data directory (a fresh schema on
 * Postgres) and a store on it (the run's, or what `open` opens) with the demo site; after it the
 * store and the data go.
 */
export function useTestStore(open: (dir: string) => Store | Promise<Store> = (dir) => openTestStore(dir)): StoreFixture {
  const fixture = {} as StoreFixture;
  beforeEach(async () => {
    fixture.data = tempDataDir();
    fixture.store = await open(fixture.data.dir);
    await ensureDemoSite(fixture.store);
  });
  afterEach(async () => {
    await fixture.store.close();
    fixture.data.remove();
  });
  return fixture;
}
