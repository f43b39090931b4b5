import { recordOutcome, rescheduleCallback, toCallbackItem } from '../domain/callbacks';
import { toSitePublic, toSiteSettings } from '../domain/sites';
import { AppError } from '../errors';
import { schemas } from '../validation';
import { announceCallback } from './callback-broadcast';
import { handle } from './handler';
import { rooms, type AgentSocket, type SocketDeps } from './types';

/** The callback queue and site settings of one agent console socket. */
export function registerAgentCallbackHandlers(socket: AgentSocket, deps: SocketDeps): void {
  const { store, log } = deps;
  const agent = socket.data.agent;
  const found = async (id: string) => {
    const c = await store.getCallback(id);
    if (!c) throw new AppError('not_found', 'No such call back request.');
    return c;
  };

  socket.on('callback:list', handle(log, 'callback:list', schemas.callbackList, async (p) =>
    (await store.listCallbacks(p.status !== 'all', 500)).map(toCallbackItem),
  ));

  socket.on('callback:get', handle(log, 'callback:get', schemas.callbackId, async (p) => {
    const c = await found(p.callbackId);
    return {
      item: toCallbackItem(c),
      attempts: await store.listCallbackAttempts(c.id),
      conversations: c.visitorId ? await store.listSummaries({ visitorId: c.visitorId, limit: 20 }) : [],
    };
  }));

  socket.on('callback:claim', handle(log, 'callback:claim', schemas.callbackId, async (p) => {
    const c = await found(p.callbackId);
    await store.updateCallback(c.id, { claimedBy: { id: agent.id, name: agent.name }, updatedAt: new Date().toISOString() });
    return announceCallback(deps, c.id);
  }));

  socket.on('callback:outcome', handle(log, 'callback:outcome', schemas.callbackOutcome, async (p) => {
    await recordOutcome(store, agent, await found(p.callbackId), p.outcome, p.note ?? null);
    return announceCallback(deps, p.callbackId);
  }));

  socket.on('callback:reschedule', handle(log, 'callback:reschedule', schemas.callbackReschedule, async (p) => {
    await rescheduleCallback(store, agent, await found(p.callbackId), p.dueAt, p.note ?? null);
    return announceCallback(deps, p.callbackId);
  }));

  socket.on('site:list', handle(log, 'site:list', schemas.empty, async () => (await store.listSites()).map(toSiteSettings)));

  socket.on('site:update', handle(log, 'site:update', schemas.siteUpdate, async (p) => {
    if (agent.role !== 'admin') throw new AppError('forbidden', 'Only admins can change site settings.');
    const site = await store.getSite(p.siteId);
    if (!site) throw new AppError('not_found', 'No such site.');
    const { siteId: _id, hours, name, greeting, color, allowedOrigins, ...options } = p;
    const updated = {
      ...site,
      name: name ?? site.name,
      greeting: greeting ?? site.greeting,
      color: color ?? site.color,
      allowedOrigins: allowedOrigins ?? site.allowedOrigins,
      hours: hours ?? site.hours,
      options: { ...site.options, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) },
    };
    await store.upsertSite(updated);
    const settings = toSiteSettings(updated);
    deps.agents.to(rooms.agents).emit('site:updated', settings);
    deps.visitors.to(rooms.site(site.id)).emit('site:settings', toSitePublic(updated));
    deps.sites.invalidate(site.id);
    deps.presenceChanged();
    return settings;
  }));
}
