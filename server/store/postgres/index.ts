import pg from 'pg';
import type { Store, StoreRules } from '../types';
import { serviceWhere, type Logger } from '../../log';
import { poolDb } from './db';
import { pgApiTokens } from './api-tokens';
import { pgCanned, pgTags } from './canned';
import { pgWebhooks } from './webhooks';
import { createPgLink } from './link';
import { pgCallbacks } from './callbacks';
import { pgContacts } from './contacts';
import { pgAssignment } from './assignment';
import { pgConversations, pgMessages } from './conversations';
import { pgFeedback } from './feedback';
import { pgAgents, pgAgentTokens, pgSessions } from './identity';
import { migratePostgres } from './migrations';
import { pgOutbox, pgRetention } from './outbox';
import { pgPrivacy } from './privacy';
import { pgSites } from './sites';
import { pgVisitors } from './visitors';
import { mailPort } from '../mail-sql';
import { numbered } from '../shared-sql';

export interface PostgresOptions {
  /** The schema to keep Earshot's tables in (tests use one each); Postgres's default search_path otherwise. */
  schema?: string;
  /** Connections in the pool. */
  max?: number;
  /** Where an outage of the database (and its end) is logged. */
  log?: Logger;
}

/**
 * Connects to Postgres at `url`, brings its schema up to date (once, however many nodes start
 * together) and returns the store. Rejects with one clear sentence when the database cannot be reached.
 */
export async function openPostgresStore(url: string, rules: StoreRules, opts: PostgresOptions = {}): Promise<Store> {
  const where = serviceWhere(url, 5432, 'DATABASE_URL', true);
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    connectionTimeoutMillis: 10_000,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  const link = createPgLink(where, opts.log);
  // An idle connection the server dropped (a restart) must not take the process down; the next query reconnects.
  pool.on('error', (err) => link.dropped(err));
  try {
    await migratePostgres(pool);
  } catch (err) {
    await pool.end().catch(() => undefined);
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`cannot open the Postgres database at ${where} (${reason}); check DATABASE_URL and that Postgres is running`, {
      cause: err,
    });
  }
  const db = poolDb(pool, link);
  return {
    ...pgSites(db),
    ...pgAgents(db),
    ...pgContacts(db, rules),
    ...pgAgentTokens(db),
    ...pgSessions(db),
    ...pgVisitors(db, rules),
    ...pgConversations(db, rules),
    ...pgMessages(db, rules),
    ...pgAssignment(db),
    ...pgOutbox(db),
    ...pgFeedback(db, rules),
    ...pgCallbacks(db, rules),
    ...pgRetention(db),
    ...pgApiTokens(db),
    ...pgWebhooks(db),
    ...pgCanned(db),
    ...pgTags(db),
    ...pgPrivacy(db),
    ...mailPort({ rows: (sql, params) => db.rows(numbered(sql), params), run: (sql, params) => db.run(numbered(sql), params) }),
    async ping() {
      await db.one('SELECT 1');
    },
    close: () => pool.end(),
  };
}
