import { parse as parseCookies } from 'cookie';
import type { ErrorCode } from '../../protocol/types';
import { SESSION_COOKIE, sessionFor } from '../domain/agents';
import { hashToken } from '../domain/secrets';
import { originAllowed } from '../domain/sites';
import { authenticateVisitor, createVisitor, personOf } from '../domain/visitors';
import { AppError, toClientError } from '../errors';
import { consume } from '../limits';
import type { SiteRow } from '../store/types';
import { rooms, type AgentNamespace, type AgentSocket, type SocketDeps, type VisitorNamespace } from './types';

type Handshake = { headers: Record<string, string | string[] | undefined>; address: string };

/** The relay's own origins for this request: its Host (over http or https) and PUBLIC_URL. */
export function relayOrigins(handshake: Handshake, publicUrl: string | null): string[] {
  const host = handshake.headers.host;
  const own = typeof host === 'string' ? [`http://${host}`, `https://${host}`] : [];
  return publicUrl ? [...own, publicUrl] : own;
}

/** An Error the client receives as `connect_error`, with `data.code` to act on. */
function connectError(code: ErrorCode, message: string): Error {
  return Object.assign(new Error(message), { data: { code, message } });
}

function header(h: Handshake, name: string): string | undefined {
  const value = h.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** Authenticates visitor sockets once, at connection: site, origin, then token (or a new visitor). */
export function useVisitorAuth(ns: VisitorNamespace, deps: SocketDeps): void {
  // The body hands every error to next(): the promise never rejects.
  ns.use((socket, next) => {
    void (async () => {
      try {
        const { siteId, token } = (socket.handshake.auth ?? {}) as { siteId?: unknown; token?: unknown };
        if (typeof siteId !== 'string' || siteId.length > 64) throw new AppError('unknown_site', 'A site id is required.');
        const site = await deps.sites.get(siteId);
        const origin = header(socket.handshake, 'origin');
        if (!originAllowed(site, origin, relayOrigins(socket.handshake, deps.publicUrl))) {
          throw new AppError(
            'origin_not_allowed',
            `Chat is not enabled for ${origin} on site "${site.id}". Add the origin in the site settings.`,
          );
        }
        const userAgent = header(socket.handshake, 'user-agent') ?? null;
        if (token !== undefined && token !== null) {
          if (typeof token !== 'string' || token.length > 200) throw new AppError('bad_token', 'The visitor token is malformed.');
          const visitor = await authenticateVisitor(deps.store, site.id, token);
          socket.data = { siteId: site.id, visitor, newToken: null };
          // A verified person's browser hears the conversations of their other browsers too.
          const person = personOf(visitor);
          if (person) void socket.join((await deps.store.contactVisitorIds(person, true)).map(rooms.visitor));
        } else {
          await consume(deps.limiters.newVisitors, deps.clientIp(socket.request));
          const created = await createVisitor(deps.store, site.id, userAgent);
          socket.data = { siteId: site.id, visitor: created.visitor, newToken: created.token };
        }
        next();
      } catch (err) {
        const e = toClientError(err);
        if (e.unexpected) deps.log.error({ err }, 'visitor connection failed');
        next(connectError(e.code, e.message));
      }
    })();
  });
}

/** Authenticates agent sockets with the session cookie the sign-in set. */
export function useAgentAuth(ns: AgentNamespace, deps: SocketDeps): void {
  // The body hands every error to next(): the promise never rejects.
  ns.use((socket, next) => {
    void (async () => {
      try {
        const origin = header(socket.handshake, 'origin');
        if (origin && !relayOrigins(socket.handshake, deps.publicUrl).includes(origin)) {
          throw new AppError('origin_not_allowed', 'The console must be opened from the Earshot server itself.');
        }
        const cookies = parseCookies(header(socket.handshake, 'cookie') ?? '');
        const session = await sessionFor(deps.store, cookies[SESSION_COOKIE]);
        if (!session) throw new AppError('unauthorized', await refusal(deps, cookies[SESSION_COOKIE]));
        socket.data = { agent: session.agent, session: { tokenHash: session.tokenHash, expiresAt: session.expiresAt } };
        // In the session's and the agent's rooms before it is connected, then checked once more: a
        // sign-out or deactivation between the first check and the join would otherwise have missed this socket.
        void socket.join([rooms.session(session.tokenHash), rooms.agent(session.agent.id)]);
        if (!(await sessionFor(deps.store, cookies[SESSION_COOKIE]))) {
          throw new AppError('unauthorized', await refusal(deps, cookies[SESSION_COOKIE]));
        }
        next();
      } catch (err) {
        const e = toClientError(err);
        if (e.unexpected) deps.log.error({ err }, 'agent connection failed');
        next(connectError(e.code, e.message));
      }
    })();
  });
}

/** Why a session cookie is refused, in words for the sign-in screen: a deactivated account says so. */
async function refusal(deps: Pick<SocketDeps, 'store'>, token: string | undefined): Promise<string> {
  const session = token ? await deps.store.getSession(hashToken(token)) : null;
  const agent = session && (await deps.store.getAgent(session.agentId));
  return agent?.deactivatedAt ? 'Your account has been deactivated. Ask an admin to reactivate it.' : 'Please sign in again.';
}

/**
 * Ends an agent socket with its sign-in: the session running out disconnects it (signing out
 * does through `endSessionSockets` and the session's room), and the console's reconnect then
 * hears `unauthorized`.
 */
export function endWithSession(socket: AgentSocket): void {
  const { expiresAt } = socket.data.session;
  // setTimeout holds at most 2^31-1 ms (~24.8 days): a longer session's socket reconnects then and is checked again.
  const ms = Math.min(Math.max(0, Date.parse(expiresAt) - Date.now()), 2 ** 31 - 1);
  const timer = setTimeout(() => socket.disconnect(true), ms);
  socket.on('disconnect', () => clearTimeout(timer));
}

/** Disconnects every socket of a sign-in, on any relay node. */
export function endSessionSockets(deps: Pick<SocketDeps, 'agents'>, tokenHash: string): void {
  deps.agents.in(rooms.session(tokenHash)).disconnectSockets(true);
}

/** Disconnects every socket of an agent (every tab, every sign-in), on any relay node. */
export function endAgentSockets(deps: Pick<SocketDeps, 'agents'>, agentId: string): void {
  deps.agents.in(rooms.agent(agentId)).disconnectSockets(true);
}

/**
 * After the site's allowed origins changed: disconnects its visitor sockets (on any relay node)
 * opened from an origin no longer allowed. Their reconnect is refused with `origin_not_allowed`.
 */
export async function dropDisallowedVisitors(deps: Pick<SocketDeps, 'visitors' | 'publicUrl'>, site: SiteRow): Promise<void> {
  for (const s of await deps.visitors.in(rooms.site(site.id)).fetchSockets()) {
    if (!originAllowed(site, header(s.handshake, 'origin'), relayOrigins(s.handshake, deps.publicUrl))) s.disconnect(true);
  }
}
