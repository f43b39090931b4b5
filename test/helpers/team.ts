import { io } from 'socket.io-client';
import type { Earshot } from '../../server/app';
import { hashPassword } from '../../server/domain/secrets';
import { connected, type AgentSocket } from './server';

/** Petr, an agent who is not an admin. */
export const PETR = { id: 'ag2', name: 'Petr', email: 'agent@test.local', password: 'agent-password' };

/** Puts an agent (not an admin) straight into the store; returns how they sign in. */
export async function addAgent(server: Earshot, a: typeof PETR = PETR): Promise<{ email: string; password: string }> {
  const passwordHash = await hashPassword(a.password);
  await server.store.createAgent({
    id: a.id,
    email: a.email,
    name: a.name,
    role: 'agent',
    passwordHash,
    createdAt: new Date().toISOString(),
  });
  return { email: a.email, password: a.password };
}

/** A JSON call to the REST API with an optional session cookie; the status, body and any new cookie. */
export async function api(url: string, path: string, opts: { method?: string; body?: unknown; cookie?: string } = {}) {
  const res = await fetch(`${url}${path}`, {
    method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  // The body of any route, read by each test's expectations; typing it here would repeat every route's answer.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
  const body = (await res.json()) as { ok: boolean; data?: any; code?: string; message?: string };
  const setCookie = res.headers.get('set-cookie');
  return { status: res.status, body, cookie: setCookie ? setCookie.split(';')[0]! : null };
}

/** The token at the end of a one-time link. */
export const tokenOf = (link: string) => link.split('/').pop()!;

/** An admin invites `email` (no SMTP: the link comes back) and the invitee accepts; returns their cookie and agent. */
export async function inviteAndAccept(url: string, adminCookie: string, email: string, role: 'admin' | 'agent' = 'agent', name = 'Petra') {
  const invited = await api(url, '/api/team/invites', { body: { email, role }, cookie: adminCookie });
  if (invited.status !== 200) throw new Error(`invite failed: ${JSON.stringify(invited.body)}`);
  const accepted = await api(url, `/api/auth/invite/${tokenOf(invited.body.data.link)}`, { body: { name, password: 'agent password 1' } });
  if (accepted.status !== 200) throw new Error(`accept failed: ${JSON.stringify(accepted.body)}`);
  return {
    cookie: accepted.cookie!,
    agent: accepted.body.data as { id: string; name: string; role: string; email: string },
    password: 'agent password 1',
  };
}

/** An agent console socket with this session cookie, connected. */
export function agentWith(url: string, cookie: string): Promise<AgentSocket> {
  const socket: AgentSocket = io(`${url}/agent`, { transports: ['websocket'], forceNew: true, extraHeaders: { cookie } });
  return connected(socket);
}
