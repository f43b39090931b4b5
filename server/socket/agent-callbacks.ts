import type { AgentClientEvents } from '../../protocol/events';
import { isOpenCallback, recordOutcome, rescheduleCallback, toCallbackItem } from '../domain/callbacks';
import { requireAdmin } from '../domain/roles';
import { toSitePublic, toSiteSettings } from '../domain/sites';
import { AppError, found } from '../errors';
import type { Store } from '../store/types';
import { schemas } from '../validation';
import { dropDisallowedVisitors } from './auth';
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

  // Two agents must not both dial: a claim takes a request nobody else has, or is refused.
  'callback:claim': on(schemas.callbackClaim, async (p, socket, deps) => {
    const c = await callback(deps.store, p.callbackId);
    const { id, name } = socket.data.agent;
    if (!(await deps.store.claimCallback(c.id, { id, name }, p.takeOverFrom ?? null, new Date().toISOString()))) {
      const now = await callback(deps.store, c.id);
      if (!isOpenCallback(now)) throw new AppError('invalid_payload', 'This request is closed; reschedule it to open it again.');
      throw new AppError('already_claimed', `${now.claimedBy?.name ?? 'Another agent'} has claimed this request. Take it over only if you agreed.`);
    }
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
    requireAdmin(socket.data.agent, 'change site settings');
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
    deps.visitors.to(rooms.site(site.id)).emit('site:settings', toSitePublic(updated, deps.email.enabled));
    deps.sites.invalidate(site.id);
    deps.presenceChanged();
    // The settings are saved and announced: failing to reach every node must not fail the save.
    const originsChanged = allowedOrigins && allowedOrigins.join('\n') !== site.allowedOrigins.join('\n');
    if (originsChanged) await dropDisallowedVisitors(deps, updated).catch((err) => deps.log.warn({ err }, 'could not drop widgets of removed origins'));
    return settings;
  }),
} satisfies EventTable<AgentClientEvents, AgentSocket>;
