import type { AgentClientEvents } from '../../protocol/events';
import { ensureSiteIdentity, rotateIdentitySecret, toSiteIdentity } from '../domain/identity';
import { requireAdmin } from '../domain/roles';
import { found } from '../errors';
import { schemas } from '../validation';
import { handlerFor, type EventTable } from './handler';
import type { AgentSocket, SocketDeps } from './types';

const on = handlerFor<AgentSocket>();

async function siteFor(deps: SocketDeps, socket: AgentSocket, siteId: string, what: string): Promise<void> {
  // The secret signs identities: only admins see or change it, and only for a site that exists.
  requireAdmin(socket.data.agent, what);
  found(await deps.store.getSite(siteId), 'No such site.');
}

/** A site's identity secret and its "require verification" switch, for admins in the site settings. */
export const agentIdentityHandlers = {
  'site:identity': on(schemas.siteId, async (p, socket, deps) => {
    await siteFor(deps, socket, p.siteId, 'see the identity secret');
    return toSiteIdentity(await ensureSiteIdentity(deps.store, p.siteId));
  }),

  'site:identity:rotate': on(schemas.siteId, async (p, socket, deps) => {
    await siteFor(deps, socket, p.siteId, 'rotate the identity secret');
    const row = await rotateIdentitySecret(deps.store, p.siteId);
    deps.log.info({ siteId: p.siteId, agentId: socket.data.agent.id }, 'identity secret rotated');
    return toSiteIdentity(row);
  }),

  'site:identity:update': on(schemas.siteIdentityUpdate, async (p, socket, deps) => {
    await siteFor(deps, socket, p.siteId, 'change identity verification');
    await ensureSiteIdentity(deps.store, p.siteId);
    return toSiteIdentity(await deps.store.updateSiteIdentity(p.siteId, { requireVerification: p.requireVerification }));
  }),
} satisfies EventTable<AgentClientEvents, AgentSocket>;
