import { nanoid } from 'nanoid';
import type { Bus, BusEvent, PresenceRegistry } from './types';

/** Counts of open sockets per id, on this node. */
export function createLocalCounts() {
  const counts = { agent: new Map<string, number>(), visitor: new Map<string, number>() };
  return {
    /** The new count. */
    add(kind: 'agent' | 'visitor', id: string): number {
      const n = (counts[kind].get(id) ?? 0) + 1;
      counts[kind].set(id, n);
      return n;
    },
    /** The new count (0 when the last one closed). */
    remove(kind: 'agent' | 'visitor', id: string): number {
      const n = (counts[kind].get(id) ?? 0) - 1;
      if (n > 0) counts[kind].set(id, n);
      else counts[kind].delete(id);
      return Math.max(0, n);
    },
    has: (kind: 'agent' | 'visitor', id: string) => counts[kind].has(id),
    ids: (kind: 'agent' | 'visitor') => [...counts[kind].keys()],
  };
}
export type LocalCounts = ReturnType<typeof createLocalCounts>;

/** The bus of a node that runs alone: events go to this process, presence is this process's sockets. */
export function createLocalBus(): Bus {
  const handlers: ((event: BusEvent) => void)[] = [];
  const counts = createLocalCounts();
  const presence: PresenceRegistry = {
    add: (kind, id) => void counts.add(kind, id),
    remove: (kind, id) => void counts.remove(kind, id),
    onlineAgents: async () => new Set(counts.ids('agent')),
    visitorOnline: async (id) => counts.has('visitor', id),
  };
  return {
    kind: 'local',
    nodeId: nanoid(10),
    // Delivered after the publisher's current step, as a remote node would hear it.
    publish: (event) => queueMicrotask(() => handlers.forEach((h) => h(event))),
    subscribe: (handler) => void handlers.push(handler),
    presence,
    leader: () => true,
    adapter: undefined,
    limiterStore: null,
    ping: async () => undefined,
    close: async () => undefined,
  };
}
