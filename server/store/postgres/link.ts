import { AppError } from '../../errors';
import type { Logger } from '../../log';

const DRIVER_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);
const DRIVER_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|connection error|not queryable|Connection ended/i;

/**
 * Whether `err` says the connection failed rather than the statement: Postgres's class 08
 * (connection exception) and 57P01–57P03 (shutting down, cannot connect now), or the driver's
 * own socket errors. Only these mean "the database is away"; anything else is the query's fault.
 */
export function isConnectionError(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (code.startsWith('08') || /^57P0[1-3]$/.test(code) || DRIVER_CODES.has(code)) return true;
  return !(err instanceof AppError) && typeof e?.message === 'string' && DRIVER_MESSAGES.test(e.message);
}

/** What the pool tells about its connection to Postgres: an outage logged once when it starts and once when it ends. */
export interface PgLink {
  /** What to throw for a failed statement: `unavailable` when the database is away (clients retry), `err` otherwise. */
  failed(err: unknown): unknown;
  /** A statement was answered: the outage, if any, is over. */
  answered(): void;
  /** The pool's 'error' event: an idle connection was closed by the server or the network. */
  dropped(err: unknown): void;
}

/** The link to Postgres at `where` (host:port/db, no password), logging on `log`. */
export function createPgLink(where: string, log?: Logger): PgLink {
  let down = false;
  let droppedAt = 0;
  const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));
  return {
    failed(err) {
      if (!isConnectionError(err)) return err;
      if (!down) {
        down = true;
        const line = `Postgres at ${where} is down; requests are answered "unavailable" until it is back`;
        log?.error({ err: reason(err), postgres: where }, line);
      }
      return new AppError('unavailable', 'The database is not answering. Try again in a moment.', undefined, err);
    },
    answered() {
      if (!down) return;
      down = false;
      log?.info({ postgres: where }, `Postgres at ${where} is back`);
    },
    dropped(err) {
      // One line a minute at most: a restart drops every idle connection at once.
      if (Date.now() - droppedAt < 60_000) return;
      droppedAt = Date.now();
      log?.warn({ err: reason(err), postgres: where }, `Postgres at ${where} closed a connection; the next query opens another`);
    },
  };
}
