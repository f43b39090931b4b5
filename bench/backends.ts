import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { Redis } from 'ioredis';
import { nanoid } from 'nanoid';
import pg from 'pg';
import { dropRedisKeys } from '../test/helpers/redis-keys';

/** The Postgres the benchmark uses: DATABASE_URL, else the one the tests use. */
export const BENCH_DATABASE_URL = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
/** The Redis the benchmark's two nodes join through: REDIS_URL, else the one the tests use. */
export const BENCH_REDIS_URL = process.env.REDIS_URL || process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/** The URL without its password, for output. */
export const where = (url: string) => url.replace(/:[^:@/]*@/, ':***@');

async function withClient<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: BENCH_DATABASE_URL, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Why Postgres or Redis cannot be used, or null when both answer. */
export async function unreachable(redisToo: boolean): Promise<string | null> {
  try {
    await withClient((c) => c.query('SELECT 1'));
  } catch (err) {
    return `Postgres at ${where(BENCH_DATABASE_URL)} does not answer (${err instanceof Error ? err.message : String(err)})`;
  }
  if (!redisToo) return null;
  const redis = new Redis(BENCH_REDIS_URL, { lazyConnect: true, connectTimeout: 3_000, maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (err) {
    return `Redis at ${where(BENCH_REDIS_URL)} does not answer (${err instanceof Error ? err.message : String(err)})`;
  } finally {
    redis.disconnect();
  }
}

/**
 * A fresh Postgres schema for one setup: the DATABASE_URL its nodes get (the schema chosen by the
 * connection's search_path, as the tests do) and `drop` for after.
 */
export async function freshSchema(): Promise<{ url: string; cpu(): Promise<ProcessCpu | null>; drop(): Promise<void> }> {
  const schema = `bench_${nanoid(10)
    .replace(/[^a-zA-Z0-9]/g, '_')
    .toLowerCase()}`;
  await withClient((c) => c.query(`CREATE SCHEMA ${schema}`));
  const u = new URL(BENCH_DATABASE_URL);
  u.searchParams.set('options', `-c search_path=${schema}`);
  // Named after the schema, so the setup's own server processes can be told from everyone else's.
  u.searchParams.set('application_name', schema);
  return {
    url: u.toString(),
    cpu: () => backendsCpu(schema),
    drop: () => withClient((c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)).then(() => undefined),
  };
}

const TICK_US = 1e6 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim() || 100);

/** CPU time so far, in microseconds, by process id. */
export type ProcessCpu = Map<number, number>;

/** CPU time spent between two readings: processes that started meanwhile count from zero; those that ended are left out. */
export function cpuSince(before: ProcessCpu, after: ProcessCpu): number {
  let total = 0;
  for (const [pid, us] of after) total += us - (before.get(pid) ?? 0);
  return total;
}

/**
 * CPU time of the Postgres server processes serving the connections named `appName`, read from
 * /proc: null when Postgres does not run on this machine.
 */
async function backendsCpu(appName: string): Promise<ProcessCpu | null> {
  const pids = await withClient((c) => c.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [appName]));
  const out: ProcessCpu = new Map();
  for (const { pid } of pids.rows) {
    try {
      // Fields 14 and 15 (utime, stime), counted after the command name, which may hold spaces.
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      out.set(pid, (Number(fields[11]) + Number(fields[12])) * TICK_US);
    } catch {
      return null;
    }
  }
  return out;
}

/**
 * A key prefix of its own for one setup's nodes, and `drop` to delete its keys after. A prefix
 * rather than a Redis database number: pub/sub channels are shared by every database of a Redis,
 * so only a prefix keeps the bench's nodes apart from a cluster running next to it.
 */
export function freshRedisPrefix(): { prefix: string; drop(): Promise<void> } {
  const prefix = `earshot-bench:${nanoid(8)}:`;
  return { prefix, drop: () => dropRedisKeys(BENCH_REDIS_URL, prefix) };
}
