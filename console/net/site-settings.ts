import type { SiteContents, SiteHoursState, SiteIdentity, SiteSettings } from '../../protocol/types';
import type { ConsoleStore } from '../state/store';
import { request, type AgentSocket, type Result } from './agent-socket';
import { listen } from './listen';

/** What `site:update` takes: the site and only the fields that changed. */
export type SitePatch = { siteId: string } & Partial<Omit<SiteSettings, 'id'>>;
/** What `site:create` takes: the new id and any settings that should not take defaults. */
export type NewSite = { id: string } & Partial<Omit<SiteSettings, 'id'>>;

/** Site settings: read by every agent, created, changed and deleted by admins. */
export interface SiteCommands {
  /** Sends the changed fields; an error names the bad one in `field`. */
  update(patch: SitePatch): Promise<Result<SiteSettings>>;
  create(site: NewSite): Promise<Result<SiteSettings>>;
  /** What deleting the site would delete with it. */
  contents(siteId: string): Promise<Result<SiteContents>>;
  remove(siteId: string): Promise<Result<SiteContents>>;
  /** Admins only: the identity secret (made on first ask) and the require-verification switch. */
  identity(siteId: string): Promise<Result<SiteIdentity>>;
  rotateIdentity(siteId: string): Promise<Result<SiteIdentity>>;
  requireVerification(siteId: string, on: boolean): Promise<Result<SiteIdentity>>;
  close(): void;
}

/** Lists the sites (and their opening-hours state) at every (re)connect and follows the site events. */
export function createSiteSettings(socket: AgentSocket, store: ConsoleStore): SiteCommands {
  const onUpdated = (site: SiteSettings) => store.dispatch({ type: 'sites/updated', site });
  const onDeleted = ({ siteId }: { siteId: string }) => store.dispatch({ type: 'sites/deleted', siteId });
  const onHours = (states: SiteHoursState[]) => store.dispatch({ type: 'sites/hours', states });
  // Three answers, each used as it comes: one slow answer holds up none of the others.
  const onConnect = () => {
    void request(socket, 'site:list', {}).then((r) => r.ok && store.dispatch({ type: 'sites/listed', sites: r.data }));
    void request(socket, 'site:hours', {}).then((r) => r.ok && onHours(r.data));
    void request(socket, 'server:status', {}).then(
      (r) => r.ok && store.dispatch({ type: 'sites/public-url', url: r.data.publicUrl ?? null }),
    );
  };
  const unlisten = listen(socket, {
    connect: onConnect,
    'site:updated': onUpdated,
    'site:created': onUpdated,
    'site:deleted': onDeleted,
    'site:hours': onHours,
  });
  return {
    async update(patch) {
      const r = await request(socket, 'site:update', patch);
      if (r.ok) onUpdated(r.data);
      return r;
    },
    async create(site) {
      const r = await request(socket, 'site:create', site);
      if (r.ok) onUpdated(r.data);
      return r;
    },
    contents: (siteId) => request(socket, 'site:contents', { siteId }),
    async remove(siteId) {
      const r = await request(socket, 'site:delete', { siteId });
      if (r.ok) onDeleted({ siteId });
      return r;
    },
    identity: (siteId) => request(socket, 'site:identity', { siteId }),
    rotateIdentity: (siteId) => request(socket, 'site:identity:rotate', { siteId }),
    requireVerification: (siteId, on) => request(socket, 'site:identity:update', { siteId, requireVerification: on }),
    close: unlisten,
  };
}
