import type { Redis } from 'ioredis';

type Script = (...args: (string | number)[]) => Promise<unknown>;

/** A Lua script on `client`, sent by its SHA after the first call. */
function defineScript(client: Redis, name: string, numberOfKeys: number, lua: string): Script {
  client.defineCommand(name, { numberOfKeys, lua });
  const commands = client as unknown as Record<string, Script>;
  return (...args) => commands[name]!(...args);
}

// Every expiry is on Redis's clock, so nodes whose clocks disagree still agree on who is alive.
const NOW = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;
// The nodes still alive; their presence sets are named from the prefix (one Redis, not Redis Cluster).
const LIVE = `${NOW} local nodes = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. now, '+inf')`;

/** The scripts presence and the leader lease run. */
export function redisScripts(client: Redis) {
  return {
    /**
     * KEYS nodes, agent set, visitor set, version; ARGV node id, ttl: renews this node, drops dead
     * ones, returns the presence version (bumped by every change) and the live nodes.
     */
    heartbeat: defineScript(
      client,
      'earshotHeartbeat',
      4,
      `${NOW}
      redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
      redis.call('PEXPIRE', KEYS[2], ARGV[2])
      redis.call('PEXPIRE', KEYS[3], ARGV[2])
      local nodes = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. now, '+inf')
      table.insert(nodes, 1, redis.call('GET', KEYS[4]) or '0')
      return nodes`,
    ) as (...a: (string | number)[]) => Promise<string[]>,
    /** KEYS nodes; ARGV key prefix, kind: every id in the live nodes' sets of that kind. */
    members: defineScript(
      client,
      'earshotMembers',
      1,
      `${LIVE}
      if #nodes == 0 then return {} end
      local keys = {}
      for i, n in ipairs(nodes) do keys[i] = ARGV[1] .. n .. ':' .. ARGV[2] end
      return redis.call('SUNION', unpack(keys))`,
    ) as (...a: (string | number)[]) => Promise<string[]>,
    /** KEYS nodes; ARGV key prefix, kind, id: 1 when a live node has the id in its set. */
    isMember: defineScript(
      client,
      'earshotIsMember',
      1,
      `${LIVE}
      for _, n in ipairs(nodes) do
        if redis.call('SISMEMBER', ARGV[1] .. n .. ':' .. ARGV[2], ARGV[3]) == 1 then return 1 end
      end
      return 0`,
    ) as (...a: (string | number)[]) => Promise<number>,
    /** KEYS lease; ARGV node id, ttl: 1 when this node holds (or now took) the lease. */
    lease: defineScript(
      client,
      'earshotLease',
      1,
      `
      if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
      if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
      return 0`,
    ) as (...a: (string | number)[]) => Promise<number>,
    /** KEYS lease; ARGV node id: gives the lease up if this node holds it. */
    release: defineScript(
      client,
      'earshotRelease',
      1,
      `
      if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
      return 0`,
    ),
  };
}
export type RedisScripts = ReturnType<typeof redisScripts>;
