import { rooms, type SocketDeps } from './types';

/** At most this many of the latest inbox rows are pushed again after an outage. */
const MAX_ROWS = 200;
/** How far back the latest visible message is looked for. */
const RECENT = 20;

/**
 * After a node was cut off from Redis, the live events it sent meanwhile reached no other node.
 * Once it is back, every node pushes its own clients what changed since, with events they already
 * handle: each console gets the fresh inbox rows (its gap check then fetches the open
 * conversation's missing messages), each widget here the latest message of its conversation (its
 * seq gap check then fetches the rest). Never rejects: a failure is logged.
 */
export function startResync(deps: Pick<SocketDeps, 'bus' | 'store' | 'agents' | 'visitors' | 'log'>): void {
  deps.bus.subscribe((event) => {
    if (event.type !== 'node:resumed') return;
    void resync(deps, event.since).catch((err) => deps.log.warn({ err }, 'could not push what changed during a Redis outage'));
  });
}

async function resync(deps: Pick<SocketDeps, 'store' | 'agents' | 'visitors'>, since: string): Promise<void> {
  const rows = (await deps.store.listSummaries({ limit: MAX_ROWS })).filter((r) => r.updatedAt >= since);
  const here = deps.visitors.adapter.rooms;
  for (const row of rows) {
    deps.agents.local.to(rooms.agents).emit('conversation:updated', row);
    const room = rooms.visitor(row.visitorId);
    if (!here.get(room)?.size) continue;
    // Only the visitor's current conversation: a widget told of an older one would switch to it.
    if ((await deps.store.latestConversation(row.visitorId))?.id !== row.id) continue;
    // The latest message the visitor may see: agents' notes take seqs too, and are never sent.
    const last = (await deps.store.listMessages(row.id, Math.max(0, row.lastSeq - RECENT), RECENT)).at(-1);
    if (last) deps.visitors.local.to(room).emit('message:new', last);
  }
}
