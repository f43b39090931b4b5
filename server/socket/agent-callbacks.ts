import type { AgentClientEvents } from '../../protocol/events';
import { recordOutcome, rescheduleCallback, toCallbackItem } from '../domain/callbacks';
import { toSitePublic, toSiteSettings } from '../domain/sites';
import { AppError, found } from '../errors';
import type { Store } from '../store/types';
import { schemas } from '../validation';
import { announceCallback } from './callback-broadcast';
import { handlerFor, type EventTable } from './handler';
import { rooms, type AgentSocket } from './types';

const on = handlerFor<AgentSocket>();

const callback = async (store: Store, id: string) => found(await store.getCallback(id), 'No such call back request.');

/** The callback queue and site settings of agent console sockets. */
export const agentCallbackHandlers = {
  'callback:list': on(schemas.callbackList, async (p, _socket, { store }) =>
    (await store.listCallbacks(p.status !== 'all', 500)).map(toCallbackItem),
  ),

  'callback:get': on(schemas.callbackId, async (p, _socket, deps) => {
    const c = await callback(deps.store, p.callbackId);
    return {
      item: toCallbackItem(c),
      attempts: await deps.store.listCallbackAttempts(c.id),
      conversations: c.visitorId ? await deps.store.listSummaries({ visitorId: c.visitorId, limit: 20 }) : [],
    };
  }),

  'callback:claim': on(schemas.callbackId, async (p, socket, deps) => {
    const c = await callback(deps.store, p.callbackId);
    await deps.store.updateCallback(c.id, { claimedBy: { id: socket.data.agent.id, name: socket.data.agent.name }, updatedAt: new Date().toISOString() });
    return announceCallback(deps, c.id);
  }),

  'callback:outcome': on(schemas.callbackOutcome, async (p, socket, deps) => {
    await recordOutcome(deps.store, socket.data.agent, await callback(deps.store, p.callbackId), p.outcome, p.note ?? null);
    return announceCallback(deps, p.callbackId);
  }),

  'callback:reschedule': on(schemas.callbackReschedule, async (p, socket, deps) => {
    await rescheduleCallback(deps.store, socket.data.agent, await callback(deps.store, p.callbackId), p.dueAt, p.note ?? null);
    return announceCallback(deps, p.callbackId);
  }),

  'site:list': on(schemas.empty, async (_, _socket, { store }) => (await store.listSites()).map(toSiteSettings)),

  'site:update': on(schemas.siteUpdate, async (p, socket, deps) => {
    if (socket.data.agent.role !== 'admin') throw new AppError('forbidden', 'Only admins can change site settings.');
    const site = found(await deps.store.getSite(p.siteId), 'No such site.');
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
    await deps.store.upsertSite(updated);
    const settings = toSiteSettings(updated);
    deps.agents.to(rooms.agents).emit('site:updated', settings);
    deps.visitors.to(rooms.site(site.id)).emit('site:settings', toSitePublic(updated));
    deps.sites.invalidate(site.id);
    deps.presenceChanged();
    return settings;
  }),
} satisfies EventTable<AgentClientEvents, AgentSocket>;
