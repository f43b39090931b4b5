import type { Redis } from 'ioredis';

/** What one node tells every node (itself included). */
export type BusEvent =
  /** A site's row changed: forget the cached one. */
  | { type: 'site:changed'; siteId: string }
  /** A webhook endpoint was added, changed or removed: forget the cached list. */
  | { type: 'webhooks:changed' }
  /** Someone's presence may have changed: recompute availability for this node's sockets. */
  | { type: 'presence:changed' }
  /**
   * Local only: the bus came back after an outage, so whatever was published meanwhile may have
   * been missed (caches are dropped, presence recomputed).
   */
  | { type: 'bus:resumed' }
  /**
   * A node is back after an outage of Redis: what it sent live since `since` (ISO) reached no
   * other node, so every node pushes its own clients what changed since then.
   */
  | { type: 'node:resumed'; since: string };

/** Who has sockets open, across every node; each node reports its own. */
export interface PresenceRegistry {
  /** A socket of this agent or visitor opened on this node. */
  add(kind: 'agent' | 'visitor', id: string): void;
  /** One closed. */
  remove(kind: 'agent' | 'visitor', id: string): void;
  /** Agents with a console open on any node. */
  onlineAgents(): Promise<Set<string>>;
  /** Whether a tab of the visitor is open on any node. */
  visitorOnline(visitorId: string): Promise<boolean>;
}

/**
 * How relay nodes act as one: events to every node, presence across nodes, one leader for
 * timers that must run once per cluster. One node alone has an in-memory bus; `REDIS_URL` gives
 * a Redis one.
 */
export interface Bus {
  readonly kind: 'local' | 'redis';
  /** Unique per start of a node. */
  readonly nodeId: string;
  publish(event: BusEvent): void;
  subscribe(handler: (event: BusEvent) => void): void;
  readonly presence: PresenceRegistry;
  /** Whether this node holds the cluster's lease now (always, alone; never while Redis is down). */
  leader(): boolean;
  /** The Socket.IO adapter factory for `new Server({ adapter })`; undefined for the in-memory one. */
  readonly adapter: unknown;
  /** The client rate limits keep their counters with, and the prefix of their keys; null alone. */
  readonly limiterStore: { client: Redis; prefix: string } | null;
  /** Resolves when the bus answers; rejects when it is down. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
