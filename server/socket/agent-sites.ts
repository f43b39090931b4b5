import type { AgentClientEvents } from '../../protocol/events';
import { requireAdmin } from '../domain/roles';
import { applySiteInput, newSite, siteHoursState, toSitePublic, toSiteSettings } from '../domain/sites';
import { AppError, found } from '../errors';
import type { SiteRow } from '../store/types';
import { schemas } from '../validation';
import { dropDisallowedVisitors } from './auth';
import { handlerFor, type EventTable } from './handler';
import { rooms, type AgentSocket, type SocketDeps } from './types';

const on = handlerFor<AgentSocket>();

/** Tells consoles and the site's widgets what changed, and forgets the cached row. */
function announceSettings(deps: SocketDeps, site: SiteRow, event: 'site:updated' | 'site:created') {
  const settings = toSiteSettings(site);
  deps.sites.invalidate(site.id);
  deps.agents.to(rooms.agents).emit(event, settings);
  deps.visitors.to(rooms.site(site.id)).emit('site:settings', toSitePublic(site, deps.email.enabled));
  // Availability and the consoles' opening-hours state may have changed with the settings.
  deps.presenceChanged();
  return settings;
}

/** Sites in the agent console: everyone reads them, admins create, change and delete them. */
export const agentSiteHandlers = {
  'site:list': on(schemas.empty, async (_, _socket, { store }) => (await store.listSites()).map(toSiteSettings)),

  'site:hours': on(schemas.empty, async (_, _socket, { store }) => (await store.listSites()).map((s) => siteHoursState(s))),

  'site:create': on(schemas.siteCreate, async (p, socket, deps) => {
    requireAdmin(socket.data.agent, 'create sites');
    const { id, ...input } = p;
    const site = newSite(id, input, input.hours?.timezone ?? 'UTC');
    if (!(await deps.store.createSite(site)))
      throw new AppError('site_exists', `There is a site "${id}" already. Choose another id.`, 'id');
    return announceSettings(deps, site, 'site:created');
  }),

  'site:update': on(schemas.siteUpdate, async (p, socket, deps) => {
    requireAdmin(socket.data.agent, 'change site settings');
    const site = found(await deps.store.getSite(p.siteId), 'No such site.');
    const { siteId: _id, ...input } = p;
    const updated = applySiteInput(site, input);
    await deps.store.upsertSite(updated);
    const settings = announceSettings(deps, updated, 'site:updated');
    // The settings are saved and announced: failing to reach every node must not fail the save.
    const originsChanged = input.allowedOrigins && input.allowedOrigins.join('\n') !== site.allowedOrigins.join('\n');
    if (originsChanged)
      await dropDisallowedVisitors(deps, updated).catch((err) => deps.log.warn({ err }, 'could not drop widgets of removed origins'));
    return settings;
  }),

  'site:contents': on(schemas.siteId, async (p, socket, { store }) => {
    requireAdmin(socket.data.agent, 'delete sites');
    found(await store.getSite(p.siteId), 'No such site.');
    return store.countSiteContents(p.siteId);
  }),

  'site:delete': on(schemas.siteId, async (p, socket, deps) => {
    requireAdmin(socket.data.agent, 'delete sites');
    const sites = await deps.store.listSites();
    found(
      sites.find((s) => s.id === p.siteId),
      'No such site.',
    );
    // Every widget and console needs some site; a server with none could not be tried again.
    if (sites.length === 1) throw new AppError('last_site', 'This is the only site. Create another one before deleting it.');
    const contents = found(await deps.store.deleteSite(p.siteId), 'No such site.');
    deps.sites.invalidate(p.siteId);
    // Its widgets reconnect and are refused with `unknown_site`.
    deps.visitors.in(rooms.site(p.siteId)).disconnectSockets(true);
    deps.agents.to(rooms.agents).emit('site:deleted', { siteId: p.siteId });
    deps.presenceChanged();
    return contents;
  }),
} satisfies EventTable<AgentClientEvents, AgentSocket>;
