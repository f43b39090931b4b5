import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis, type RedisOptions } from 'ioredis';
import { nanoid } from 'nanoid';
import { serviceWhere, type Logger } from '../log';
import { redisScripts } from './redis-scripts';
import { createRedisPresence } from './redis-presence';
import type { Bus, BusEvent } from './types';

export interface RedisBusOptions {
  url: string;
  log: Logger;
  /** Put before every key and channel, so several clusters (or tests) can share one Redis. */
  prefix?: string;
  /** How often a node renews its presence and its lease. */
  heartbeatMs?: number;
  /** How long a node's presence and the leader's lease outlive its last heartbeat. */
  leaseMs?: number;
}

/**
 * The bus of nodes that share a Redis: events over pub/sub, Socket.IO rooms over the
 * streams adapter, presence in per-node sets with heartbeat expiry, and one leader lease.
 * Commands fail fast while Redis is down (no offline queue), so callers fall back to what this
 * node knows; the adapter's readers queue instead, and pick up where they were when it is back.
 */
export async function createRedisBus(opts: RedisBusOptions): Promise<Bus> {
  const { url, log, prefix = 'earshot:', heartbeatMs = 5_000, leaseMs = 15_000 } = opts;
  const where = serviceWhere(url, 6379, 'REDIS_URL');
  const nodeId = nanoid(10);
  const base: RedisOptions = { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 5_000 };
  const main = new Redis(url, base);
  const sub = new Redis(url, { ...base, enableOfflineQueue: true, maxRetriesPerRequest: null });
  for (const c of [main, sub]) c.on('error', (err) => log.debug({ err: err.message }, 'redis client error'));
  try {
    await Promise.all([main.connect(), sub.connect()]);
  } catch (err) {
    main.disconnect();
    sub.disconnect();
    throw new Error(`Redis at ${where} (REDIS_URL) does not answer: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const channel = `${prefix}bus`;
  const handlers: ((event: BusEvent) => void)[] = [];
  const deliver = (event: BusEvent) => handlers.forEach((h) => h(event));
  const scripts = redisScripts(main);
  function publish(event: BusEvent): void {
    queueMicrotask(() => deliver(event));
    if (main.status === 'ready') main.publish(channel, JSON.stringify({ from: nodeId, event })).catch(onError);
  }
  const leaseKey = `${prefix}leader`;
  let leaderUntil = 0;
  let down = false;
  let warned = 0;
  const onError = (err: unknown) => {
    // One line a minute at most: a flood of the same failure says nothing more.
    if (Date.now() - warned < 60_000) return;
    warned = Date.now();
    log.warn({ err: err instanceof Error ? err.message : String(err), redis: where }, 'redis command failed');
  };

  const presence = createRedisPresence({
    client: main,
    scripts,
    prefix,
    nodeId,
    ttlMs: leaseMs,
    onError,
    onNodesChanged: () => deliver({ type: 'presence:changed' }),
    onRewritten: () => publish({ type: 'presence:changed' }),
  });

  async function renewLease(): Promise<void> {
    const started = Date.now();
    const held = await scripts.lease(leaseKey, nodeId, leaseMs);
    // Short of the lease's real end, so two nodes never both think they lead.
    leaderUntil = held === 1 ? started + leaseMs * 0.9 : 0;
  }
  const beat = async () => {
    if (main.status !== 'ready') return;
    await Promise.all([presence.heartbeat(), renewLease()]).catch(onError);
  };
  await beat();
  const timer = setInterval(() => void beat(), heartbeatMs);
  timer.unref();

  // When this node last could not reach Redis (a little before it noticed: commands fail first).
  let downSince = 0;
  main.on('close', () => {
    if (down) return;
    down = true;
    downSince = Date.now() - 2 * heartbeatMs;
    log.error({ redis: where }, `Redis at ${where} is down: this node serves its own clients only, /healthz answers 503, reconnecting`);
  });
  main.on('ready', () => {
    if (!down) return;
    down = false;
    log.warn({ redis: where }, `Redis at ${where} is back: this node rejoins the cluster`);
    presence.resync();
    void beat();
    publish({ type: 'node:resumed', since: new Date(downSince).toISOString() });
  });
  let subDown = false;
  sub.on('close', () => void (subDown = true));
  sub.on('ready', () => {
    if (!subDown) return;
    subDown = false;
    // What was published while this node could not hear is lost: start from what is stored.
    deliver({ type: 'bus:resumed' });
  });
  sub.on('message', (_channel: string, raw: string) => {
    try {
      const { from, event } = JSON.parse(raw) as { from: string; event: BusEvent };
      if (from !== nodeId) deliver(event);
    } catch (err) {
      log.warn({ err }, 'unreadable bus message');
    }
  });
  await sub.subscribe(channel);

  // The adapter publishes with a client that fails fast (a broadcast then still reaches this
  // node's sockets); its stream reader and subscriber wait for Redis to come back instead, or
  // their read loop would spin.
  const adapterClient = main.duplicate({ lazyConnect: false });
  adapterClient.on('error', () => undefined);
  await new Promise((resolve) => adapterClient.once('ready', resolve));
  adapterClient.duplicate = (override?: Partial<RedisOptions>) =>
    Redis.prototype.duplicate.call(adapterClient, {
      enableOfflineQueue: true,
      maxRetriesPerRequest: null,
      lazyConnect: false,
      ...override,
    });
  const adapter = createAdapter(adapterClient, {
    streamName: `${prefix}socket.io`,
    channelPrefix: `${prefix}socket.io`,
    sessionKeyPrefix: `${prefix}sio:session:`,
    onlyPlaintext: true,
    blockTimeInMs: 2_000,
  });

  const closeClient = async (c: Redis): Promise<void> => {
    if (c.status === 'ready')
      return c.quit().then(
        () => undefined,
        () => c.disconnect(),
      );
    c.disconnect();
  };
  return {
    kind: 'redis',
    nodeId,
    publish,
    subscribe: (handler) => void handlers.push(handler),
    presence: presence.registry,
    leader: () => Date.now() < leaderUntil,
    adapter,
    limiterStore: { client: main, prefix },
    async ping() {
      if (main.status !== 'ready') throw new Error(`Redis at ${where} is not connected`);
      let timeout: NodeJS.Timeout | undefined;
      const late = new Promise((_, reject) => (timeout = setTimeout(() => reject(new Error(`Redis at ${where} does not answer`)), 2_000)));
      await Promise.race([main.ping(), late]).finally(() => clearTimeout(timeout));
    },
    async close() {
      clearInterval(timer);
      down = true; // no "down" line for a close
      leaderUntil = 0;
      if (main.status === 'ready') {
        await Promise.all([presence.leave(), scripts.release(leaseKey, nodeId)]).catch(onError);
        // The others recompute now rather than at their next heartbeat.
        await main.publish(channel, JSON.stringify({ from: nodeId, event: { type: 'presence:changed' } })).catch(onError);
      }
      await Promise.all([main, sub, adapterClient].map(closeClient));
    },
  };
}
