import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startCheckpointer } from '../checkpointer';
import { SQLITE_MIGRATIONS } from '../migrations';
import type { Row } from '../rows';
import type { Store, StoreRules } from '../types';
import { SqliteApiTokens } from './api-tokens';
import { SqliteAssignment } from './assignment';
import { SqliteCanned, SqliteTags } from './canned';
import { SqliteCallbacks } from './callbacks';
import { SqliteContacts } from './contacts';
import { SqliteContext } from './context';
import { SqliteConversations } from './conversations';
import { SqliteFeedback } from './feedback';
import { SqliteIdentity } from './identity';
import { SqliteOutbox } from './outbox';
import { SqlitePrivacy } from './privacy';
import { SqliteSites } from './sites';
import { SqliteVisitors } from './visitors';
import { SqliteWebhooks } from './webhooks';
import { mailPort } from '../mail-sql';

/** How often the WAL is checkpointed, and how long it may grow before it starts over (tests shorten both). */
export interface CheckpointOptions {
  everyMs?: number;
  restartFrames?: number;
}

/** Opens (creating if needed) the SQLite file under `dataDir` and brings its schema up to date. */
export function openSqliteStore(dataDir: string, rules: StoreRules, checkpoint: CheckpointOptions = {}): Store {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'earshot.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // Commits append to the WAL without fsync (safe against process crashes; see README);
  // the checkpointer thread moves pages into the database file off the event loop.
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('foreign_keys = ON');
  // What is deleted or overwritten is zeroed in the file, so an erased person's text is not left in free space (issue 18).
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  // 64 MiB of page cache (SQLite's default is 2 MiB), taken only as the file grows: random
  // message ids land all over the id index, and a miss there is a read per insert.
  db.pragma('cache_size = -65536');
  // When the WAL starts over, its file is cut back to this (it is reused, not grown, below it).
  db.pragma(`journal_size_limit = ${64 * 2 ** 20}`);
  migrate(db);
  const checkpointer = startCheckpointer(file, checkpoint.everyMs, checkpoint.restartFrames);
  const c = new SqliteContext(db, rules);
  return {
    ...methodsOf(new SqliteSites(c)),
    ...methodsOf(new SqliteIdentity(c)),
    ...methodsOf(new SqliteContacts(c)),
    ...methodsOf(new SqliteVisitors(c)),
    ...methodsOf(new SqliteConversations(c)),
    ...methodsOf(new SqliteAssignment(c)),
    ...methodsOf(new SqliteOutbox(c)),
    ...methodsOf(new SqliteFeedback(c)),
    ...methodsOf(new SqliteCallbacks(c)),
    ...methodsOf(new SqliteApiTokens(c)),
    ...methodsOf(new SqliteWebhooks(c)),
    ...methodsOf(new SqliteCanned(c)),
    ...methodsOf(new SqliteTags(c)),
    ...methodsOf(new SqlitePrivacy(c)),
    ...mailPort({
      rows: async (sql, params) => c.q(sql).all(...params) as Row[],
      run: async (sql, params) => c.q(sql).run(...params).changes,
    }),
    async ping() {
      c.q('SELECT 1').get();
    },
    async close() {
      await checkpointer.stop();
      db.close();
    },
  };
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let v = version; v < SQLITE_MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(SQLITE_MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}

/** A port's methods bound to it, to spread into the store (class methods live on the prototype). */
function methodsOf<T extends object>(part: T): { [K in keyof T]: T[K] } {
  const out: Record<string, unknown> = {};
  for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(part))) {
    const value = (part as Record<string, unknown>)[name];
    if (name !== 'constructor' && typeof value === 'function') out[name] = value.bind(part);
  }
  return out as { [K in keyof T]: T[K] };
}
