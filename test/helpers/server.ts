import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { AgentClientEvents, AgentServerEvents, VisitorClientEvents, VisitorServerEvents } from '../../protocol/events';
import type { HelloResult } from '../../protocol/types';
import { startEarshot, type Earshot } from '../../server/app';
import { loadConfig } from '../../server/config';

export const ADMIN = { email: 'admin@test.local', password: 'correct horse battery' };

export type VisitorSocket = Socket<VisitorServerEvents, VisitorClientEvents>;
export type AgentSocket = Socket<AgentServerEvents, AgentClientEvents>;

/** A temporary data directory, removed by the returned function. */
export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-test-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Starts a real server on 127.0.0.1, port 0, on the given data directory. */
export async function startTestServer(
  dataDir: string,
  port = 0,
  env: Record<string, string> = {},
  opts: Parameters<typeof startEarshot>[1] = {},
): Promise<Earshot> {
  const config = loadConfig(
    { EARSHOT_ADMIN_EMAIL: ADMIN.email, EARSHOT_ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'silent', ...env },
    { host: '127.0.0.1', port, dataDir },
  );
  return startEarshot(config, opts);
}

/** Resolves when the socket connects, rejects with the connect error. */
export function connected<S extends Socket>(socket: S): Promise<S> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** The next occurrence of a server event on a socket, optionally matching a predicate. */
export function nextEvent<T>(socket: Socket, event: string, match: (payload: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve) => {
    const listener = (payload: T) => {
      if (!match(payload)) return;
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** A visitor connected with `socket.io-client` and greeted; returns its token for reconnects. */
export async function visitor(url: string, opts: { token?: string; siteId?: string; origin?: string; headers?: Record<string, string> } = {}) {
  const auth: Record<string, unknown> = { siteId: opts.siteId ?? 'demo' };
  if (opts.token) auth.token = opts.token;
  const socket: VisitorSocket = io(`${url}/visitor`, {
    auth,
    transports: ['websocket'],
    forceNew: true,
    extraHeaders: { ...opts.headers, ...(opts.origin ? { origin: opts.origin } : {}) },
  });
  await connected(socket);
  const hello = await socket.emitWithAck('visitor:hello', {
    page: { url: 'http://shop.test/pricing', title: 'Pricing', referrer: 'https://search.test/' },
    language: 'cs-CZ',
    timezone: 'Europe/Prague',
  });
  if (!hello.ok) throw new Error(`hello failed: ${hello.code}`);
  const data: HelloResult = hello.data;
  const token = opts.token ?? data.token!;
  // Reconnects must present the token, like the widget does.
  socket.auth = { ...auth, token };
  return { socket, hello: data, token };
}

/** Signs in over REST and returns the session cookie. */
export async function signInCookie(url: string, creds = ADMIN): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(creds),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie');
  if (!cookie) throw new Error('no cookie');
  return cookie.split(';')[0]!;
}

/** An agent console socket authenticated with a fresh session cookie. */
export async function agent(url: string): Promise<AgentSocket> {
  const cookie = await signInCookie(url);
  const socket: AgentSocket = io(`${url}/agent`, { transports: ['websocket'], forceNew: true, extraHeaders: { cookie } });
  return connected(socket);
}
