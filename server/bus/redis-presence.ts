import type { Redis } from 'ioredis';
import { createLocalCounts } from './local-bus';
import type { RedisScripts } from './redis-scripts';
import type { PresenceRegistry } from './types';

type Kind = 'agent' | 'visitor';

/**
 * Presence across nodes: each node keeps a set of the agents and visitors it has sockets for,
 * which expires unless its heartbeat renews it, so a killed node's people drop out by themselves.
 * A sorted set names the nodes alive (score: when each expires). While Redis is down a node
 * answers from its own sockets, and rewrites its sets when Redis is back.
 */
export function createRedisPresence(opts: {
  client: Redis;
  scripts: RedisScripts;
  prefix: string;
  nodeId: string;
  ttlMs: number;
  /** Called when the set of live nodes, or anyone's presence, changed since the last heartbeat. */
  onNodesChanged(): void;
  /** Called when this node's sets were rewritten after Redis missed changes: the others should recompute. */
  onRewritten(): void;
  onError(err: unknown): void;
}) {
  const { client, scripts, prefix, nodeId, ttlMs } = opts;
  const counts = createLocalCounts();
  const nodesKey = `${prefix}nodes`;
  const nodePrefix = `${prefix}node:`;
  // Bumped with every change, and read by every heartbeat: a node that missed a change's
  // announcement (pub/sub drops what it cannot deliver) still recomputes within a heartbeat.
  const versionKey = `${prefix}presence:version`;
  const keyOf = (kind: Kind) => `${nodePrefix}${nodeId}:${kind}`;
  const ready = () => client.status === 'ready';
  // A write that failed leaves Redis behind this node's sockets: the next heartbeat rewrites all.
  let dirty = false;
  let lastState = '';

  const write = (p: Promise<unknown>) => void p.catch((err) => ((dirty = true), opts.onError(err)));

  const registry: PresenceRegistry = {
    add(kind, id) {
      if (counts.add(kind, id) !== 1) return;
      if (!ready()) return void (dirty = true);
      write(client.multi().sadd(keyOf(kind), id).pexpire(keyOf(kind), ttlMs).incr(versionKey).exec());
    },
    remove(kind, id) {
      if (counts.remove(kind, id) !== 0) return;
      if (!ready()) return void (dirty = true);
      write(client.multi().srem(keyOf(kind), id).incr(versionKey).exec());
    },
    async onlineAgents() {
      if (!ready()) return new Set(counts.ids('agent'));
      try {
        return new Set(await scripts.members(nodesKey, nodePrefix, 'agent'));
      } catch (err) {
        opts.onError(err);
        return new Set(counts.ids('agent'));
      }
    },
    async visitorOnline(visitorId) {
      if (counts.has('visitor', visitorId)) return true;
      if (!ready()) return false;
      try {
        return (await scripts.isMember(nodesKey, nodePrefix, 'visitor', visitorId)) === 1;
      } catch (err) {
        opts.onError(err);
        return false;
      }
    },
  };

  /** Writes this node's sets from its sockets. */
  async function rewrite(): Promise<void> {
    const tx = client.multi();
    for (const kind of ['agent', 'visitor'] as const) {
      const ids = counts.ids(kind);
      tx.del(keyOf(kind));
      if (ids.length) tx.sadd(keyOf(kind), ...ids).pexpire(keyOf(kind), ttlMs);
    }
    await tx.incr(versionKey).exec();
  }

  /** Renews this node, rewrites its sets after a lost write, and notices nodes that came or went. */
  async function heartbeat(): Promise<void> {
    if (!ready()) return;
    if (dirty) {
      dirty = false;
      await rewrite().then(opts.onRewritten, (err) => ((dirty = true), opts.onError(err)));
    }
    const [version, ...live] = await scripts.heartbeat(nodesKey, keyOf('agent'), keyOf('visitor'), versionKey, nodeId, ttlMs);
    const state = `${version} ${live.sort().join(' ')}`;
    if (lastState && state !== lastState) opts.onNodesChanged();
    lastState = state;
  }

  return {
    registry,
    heartbeat,
    /** After Redis came back (perhaps empty, after a restart): rewrite everything at the next heartbeat. */
    resync: () => void (dirty = true),
    /** Takes this node out at once, so the others need not wait for its sets to expire. */
    async leave(): Promise<void> {
      await client.multi().zrem(nodesKey, nodeId).del(keyOf('agent'), keyOf('visitor')).exec();
    },
  };
}
