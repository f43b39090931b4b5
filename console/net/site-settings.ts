import type { SiteSettings } from '../../protocol/types';
import type { ConsoleStore } from '../state/store';
import { request, type AgentSocket, type Result } from './agent-socket';

/** What `site:update` takes: the site and only the fields that changed. */
export type SitePatch = { siteId: string } & Partial<Omit<SiteSettings, 'id'>>;

/** Site settings: read by every agent, changed by admins. */
export interface SiteCommands {
  /** Sends the changed fields; an error names the bad one in `field`. */
  update(patch: SitePatch): Promise<Result<SiteSettings>>;
  close(): void;
}

/** Lists the sites at every (re)connect and follows `site:updated`. */
export function createSiteSettings(socket: AgentSocket, store: ConsoleStore): SiteCommands {
  const onUpdated = (site: SiteSettings) => store.dispatch({ type: 'sites/updated', site });
  const onConnect = async () => {
    const r = await request(socket, 'site:list', {});
    if (r.ok) store.dispatch({ type: 'sites/listed', sites: r.data });
  };
  socket.on('connect', onConnect);
  socket.on('site:updated', onUpdated);
  return {
    async update(patch) {
      const r = await request(socket, 'site:update', patch);
      if (r.ok) onUpdated(r.data);
      return r;
    },
    close() {
      socket.off('connect', onConnect);
      socket.off('site:updated', onUpdated);
    },
  };
}
