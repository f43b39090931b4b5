import pg from 'pg';
import type { Store, StoreRules } from '../types';
import type { Logger } from '../../log';
import { poolDb } from './db';
import { pgApiTokens } from './api-tokens';
import { pgCanned, pgTags } from './canned';
import { pgWebhooks } from './webhooks';
import { createPgLink } from './link';
import { pgCallbacks } from './callbacks';
import { pgContacts } from './contacts';
import { pgConversations, pgMessages } from './conversations';
import { pgFeedback } from './feedback';
import { pgAgents, pgAgentTokens, pgSessions } from './identity';
import { migratePostgres } from './migrations';
import { pgOutbox, pgRetention } from './outbox';
import { pgSites } from './sites';
import { pgVisitors } from './visitors';

export interface PostgresOptions {
  /** The schema to keep Earshot's tables in (tests use one each); Postgres's default search_path otherwise. */
  schema?: string;
  /** Connections in the pool. */
  max?: number;
  /** Where an outage of the database (and its end) is logged. */
  log?: Logger;
}

/** Where a URL points, without its password, for messages. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/**
 * Connects to Postgres at `url`, brings its schema up to date (once, however many nodes start
 * together) and returns the store. Rejects with one clear sentence when the database cannot be reached.
 */
export async function openPostgresStore(url: string, rules: StoreRules, opts: PostgresOptions = {}): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    connectionTimeoutMillis: 10_000,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  const link = createPgLink(describeUrl(url), opts.log);
  // An idle connection the server dropped (a restart) must not take the process down; the next query reconnects.
  pool.on('error', (err) => link.dropped(err));
  try {
    await migratePostgres(pool);
  } catch (err) {
    await pool.end().catch(() => undefined);
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(
      `cannot open the Postgres database at ${describeUrl(url)} (${reason}); check DATABASE_URL and that Postgres is running`,
      { cause: err },
    );
  }
  const db = poolDb(pool, link);
  return {
    ...pgSites(db),
    ...pgAgents(db),
    ...pgContacts(db),
    ...pgAgentTokens(db),
    ...pgSessions(db),
    ...pgVisitors(db),
    ...pgConversations(db, rules),
    ...pgMessages(db, rules),
    ...pgOutbox(db),
    ...pgFeedback(db),
    ...pgCallbacks(db),
    ...pgRetention(db),
    ...pgApiTokens(db),
    ...pgWebhooks(db),
    ...pgCanned(db),
    ...pgTags(db),
    async ping() {
      await db.one('SELECT 1');
    },
    close: () => pool.end(),
  };
}
