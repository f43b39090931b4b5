import type { Bus } from '../bus/types';
import { AppError } from '../errors';
import type { SiteRow, Store } from '../store/types';

const TTL_MS = 5_000;

/**
 * Sites as every socket event sees them. Read per event rather than kept on each
 * socket, so an admin's change reaches open widgets: a change is announced over the bus and
 * forgotten on every node at once (the TTL only bounds a missed announcement).
 */
export function createSiteCache(store: Store, bus: Pick<Bus, 'publish' | 'subscribe'>) {
  const entries = new Map<string, { at: number; site: SiteRow }>();
  // Bumped by every change heard, so a read that started before it is not cached after it.
  let generation = 0;
  bus.subscribe((event) => {
    if (event.type === 'site:changed') entries.delete(event.siteId);
    else if (event.type === 'bus:resumed') entries.clear();
    else return;
    generation++;
  });
  return {
    async get(id: string): Promise<SiteRow> {
      const hit = entries.get(id);
      if (hit && Date.now() - hit.at < TTL_MS) return hit.site;
      const before = generation;
      const site = await store.getSite(id);
      if (!site) throw new AppError('unknown_site', `There is no site "${id}" on this server.`);
      if (generation === before) entries.set(id, { at: Date.now(), site });
      return site;
    },
    /** After a site changed: every node forgets it. */
    invalidate(id: string): void {
      // This node at once, not a microtask later: the saving handler reads it next.
      entries.delete(id);
      generation++;
      bus.publish({ type: 'site:changed', siteId: id });
    },
  };
}
export type SiteCache = ReturnType<typeof createSiteCache>;
