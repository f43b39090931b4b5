import { nanoid } from 'nanoid';
import type { Earshot } from '../../server/app';
import { createRedisBus } from '../../server/bus/redis-bus';
import type { Bus } from '../../server/bus/types';
import { createLogger, type Logger } from '../../server/log';
import { dropRedisKeys } from './redis-keys';
import { openTestStore } from './stores';
import type { Store } from '../../server/store/types';
import { startTestServer, tempDataDir } from './server';

/** The Redis the cluster tests use; each cluster keeps its keys under a prefix of its own. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

type StartOpts = NonNullable<Parameters<typeof startTestServer>[3]>;

export interface ClusterOptions {
  nodes?: number;
  env?: Record<string, string>;
  opts?: Omit<StartOpts, 'store' | 'bus'>;
  /** The Redis URL of each node (a proxy a test can cut), by index; TEST_REDIS_URL otherwise. */
  redisUrl?: (index: number) => string;
  /** Each node's view of the shared store (to count what it does), by index. */
  storeOf?: (store: Store, index: number) => Store;
  heartbeatMs?: number;
  leaseMs?: number;
  /** Each node's logger, by index; silent otherwise. */
  logOf?: (index: number) => Logger | undefined;
}

export interface TestNode {
  server: Earshot;
  bus: Bus;
  url: string;
  close(): Promise<void>;
}

/**
 * Relay nodes in this process on ports of their own, sharing one store (as nodes share
 * Postgres) and one real Redis under a fresh key prefix.
 */
export async function startCluster(o: ClusterOptions = {}) {
  const data = tempDataDir();
  const store = await openTestStore(data.dir);
  const prefix = `earshot-test:${nanoid(8)}:`;
  const silent = createLogger('silent');
  const nodes: TestNode[] = [];
  const start = async (index: number): Promise<TestNode> => {
    const log = o.logOf?.(index) ?? silent;
    const bus = await createRedisBus({
      url: o.redisUrl?.(index) ?? TEST_REDIS_URL,
      log,
      prefix,
      heartbeatMs: o.heartbeatMs ?? 200,
      leaseMs: o.leaseMs ?? 1_500,
    });
    const server = await startTestServer(data.dir, 0, o.env ?? {}, { ...o.opts, log, store: o.storeOf?.(store, index) ?? store, bus });
    let closed = false;
    return {
      server,
      bus,
      url: server.url,
      async close() {
        if (closed) return;
        closed = true;
        await server.close();
        await bus.close();
      },
    };
  };
  for (let i = 0; i < (o.nodes ?? 2); i++) nodes.push(await start(i));
  return {
    nodes,
    store,
    prefix,
    /** One more node, as a new machine joining. */
    async add(): Promise<TestNode> {
      const node = await start(nodes.length);
      nodes.push(node);
      return node;
    },
    async close() {
      for (const n of nodes) await n.close();
      await store.close();
      data.remove();
      await dropKeys(prefix);
    },
  };
}
export type TestCluster = Awaited<ReturnType<typeof startCluster>>;

/** Deletes every key under the prefix. */
export async function dropKeys(prefix: string): Promise<void> {
  await dropRedisKeys(TEST_REDIS_URL, prefix);
}
