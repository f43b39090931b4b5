import type { AgentClientEvents } from '../../protocol/events';
import type { SiteStatus } from '../../protocol/types';
import { presence, siteStatus } from '../domain/availability';
import { siteHoursState } from '../domain/sites';
import type { SiteRow } from '../store/types';
import { schemas } from '../validation';
import { handlerFor, type EventTable } from './handler';
import { rooms, type AgentSocket, type SocketDeps } from './types';

const STATUS_CACHE_MS = 10_000;
const on = handlerFor<AgentSocket>();

/**
 * Agent presence and site availability. Visitors' widgets follow `site:status`;
 * the launcher asks the cached REST status once per page. A change anywhere is published on
 * the bus; every node then recomputes and tells its own sockets, so each hears it once.
 */
export function createPresence(deps: SocketDeps, opts: { tickMs?: number } = {}) {
  // The promise is cached, so a burst of widgets (reconnecting after a deploy) shares one computation.
  const cache = new Map<string, { at: number; status: Promise<SiteStatus> }>();
  const lastSent = new Map<string, string>();
  let lastHours = '';
  let lastPresence = '';
  /** The presence a console asked for; consoles told otherwise before hear the next broadcast. */
  const asked = async () => {
    const agents = presence(await deps.store.listAgents(), await onlineIds());
    if (JSON.stringify(agents) !== lastPresence) lastPresence = '';
    return agents;
  };
  let pending: NodeJS.Timeout | null = null;

  const onlineIds = () => deps.bus.presence.onlineAgents();

  /** `online`: the agents a broadcast found, so its statuses and its presence list agree. */
  function statusOf(site: SiteRow, online?: Set<string>): Promise<SiteStatus> {
    const hit = cache.get(site.id);
    const fresh = online !== undefined;
    if (!fresh && hit && Date.now() - hit.at < STATUS_CACHE_MS) return hit.status;
    const status = (online ? Promise.resolve(online) : onlineIds()).then((ids) => siteStatus(deps.store, site, ids));
    const entry = { at: Date.now(), status };
    cache.set(site.id, entry);
    // A failure is not kept: the next caller asks again.
    status.catch(() => cache.get(site.id) === entry && cache.delete(site.id));
    // A widget saying hello heard this; if this node's widgets were last told otherwise (a change
    // they have not heard yet), the next broadcast must tell them all, even if it finds the old status.
    if (!fresh)
      status.then(
        (s) => lastSent.get(site.id) !== JSON.stringify(s) && lastSent.delete(site.id),
        () => undefined,
      );
    return status;
  }

  /** Recomputes every site's status and tells this node's widgets and consoles what changed. */
  async function broadcast(): Promise<void> {
    const sites = await deps.store.listSites();
    // One look at who is online: an agent leaving meanwhile is the next broadcast's news.
    const online = await onlineIds();
    // Consoles show a site closed by its hours, so they hear when hours begin and end.
    const hours = sites.map((s) => siteHoursState(s));
    const hoursKey = JSON.stringify(hours);
    if (hoursKey !== lastHours) {
      lastHours = hoursKey;
      deps.agents.local.to(rooms.agents).emit('site:hours', hours);
    }
    for (const site of sites) {
      const status = await statusOf(site, online);
      const key = JSON.stringify(status);
      if (lastSent.get(site.id) === key) continue;
      lastSent.set(site.id, key);
      // Every node runs this, so each tells only its own sockets.
      deps.visitors.local.to(rooms.site(site.id)).emit('site:status', status);
    }
    const agents = presence(await deps.store.listAgents(), online);
    const agentsKey = JSON.stringify(agents);
    if (agentsKey === lastPresence) return;
    lastPresence = agentsKey;
    deps.agents.local.to(rooms.agents).emit('presence', agents);
  }

  /** Coalesces bursts (a reload of many console tabs) into one broadcast on this node. */
  function schedule(): void {
    if (pending) return;
    pending = setTimeout(() => {
      pending = null;
      broadcast().catch((err) => deps.log.warn({ err }, 'presence broadcast failed'));
    }, 250);
  }
  deps.bus.subscribe((event) => {
    if (event.type !== 'presence:changed' && event.type !== 'bus:resumed') return;
    // A widget saying hello now must not hear the status from before the change.
    cache.clear();
    schedule();
  });

  /** Availability may have changed: every node recomputes. */
  function changed(): void {
    deps.bus.publish({ type: 'presence:changed' });
  }

  // Opening hours begin and end on the minute; a minute's delay is honest enough. Each node
  // ticks for its own sockets.
  const ticker = setInterval(schedule, opts.tickMs ?? 60_000);
  ticker.unref();

  /** A console came: everyone's presence may have changed, and does again when it leaves. */
  function onAgentConnect(socket: AgentSocket): void {
    const agentId = socket.data.agent.id;
    deps.bus.presence.add('agent', agentId);
    changed();
    socket.on('disconnect', () => {
      deps.bus.presence.remove('agent', agentId);
      changed();
    });
  }

  const handlers = {
    'agent:setAway': on(schemas.setAway, async (p, socket) => {
      await deps.store.setAgentAway(socket.data.agent.id, p.away);
      changed();
      return asked();
    }),
    'agent:presence': on(schemas.empty, asked),
  } satisfies EventTable<AgentClientEvents, AgentSocket>;

  return {
    statusOf,
    changed,
    onAgentConnect,
    handlers,
    stop() {
      clearInterval(ticker);
      if (pending) clearTimeout(pending);
    },
  };
}
export type Presence = ReturnType<typeof createPresence>;
