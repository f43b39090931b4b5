import { AppError } from '../errors';
import type { SiteRow, Store } from '../store/types';

const TTL_MS = 5_000;

/**
 * Sites as every socket event sees them. Read per event rather than kept on each
 * socket, so an admin's change reaches open widgets (on every node within the TTL).
 */
export function createSiteCache(store: Store) {
  const entries = new Map<string, { at: number; site: SiteRow }>();
  return {
    async get(id: string): Promise<SiteRow> {
      const hit = entries.get(id);
      if (hit && Date.now() - hit.at < TTL_MS) return hit.site;
      const site = await store.getSite(id);
      if (!site) throw new AppError('unknown_site', `There is no site "${id}" on this server.`);
      entries.set(id, { at: Date.now(), site });
      return site;
    },
    invalidate(id: string): void {
      entries.delete(id);
    },
  };
}
export type SiteCache = ReturnType<typeof createSiteCache>;
