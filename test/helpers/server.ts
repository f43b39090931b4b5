import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { AgentClientEvents, AgentServerEvents, VisitorClientEvents, VisitorServerEvents } from '../../protocol/events';
import type { HelloResult } from '../../protocol/types';
import { startEarshot, type Earshot } from '../../server/app';
import { loadConfig } from '../../server/config';
import { startSmtp, type TestSmtp } from './smtp';
import { databaseUrlFor } from './stores';

export const ADMIN = { email: 'admin@test.local', password: 'correct horse battery' };

export type VisitorSocket = Socket<VisitorServerEvents, VisitorClientEvents>;
export type AgentSocket = Socket<AgentServerEvents, AgentClientEvents>;

/** A temporary data directory, removed by the returned function. */
export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-test-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Starts a real server on 127.0.0.1, port 0, on the given data directory: its SQLite file, or on
 * the Postgres run (test/helpers/stores) the schema that stands for it, so a restart finds the same data.
 */
export async function startTestServer(
  dataDir: string,
  port = 0,
  env: Record<string, string> = {},
  opts: Parameters<typeof startEarshot>[1] = {},
): Promise<Earshot> {
  const databaseUrl = await databaseUrlFor(dataDir);
  const config = loadConfig(
    {
      EARSHOT_ADMIN_EMAIL: ADMIN.email,
      EARSHOT_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'silent',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ...env,
    },
    { host: '127.0.0.1', port, dataDir },
  );
  return startEarshot(config, opts);
}

/** What a server test works with; `server` may be replaced by a test that restarts it. */
export interface ServerFixture {
  server: Earshot;
  data: { dir: string; remove: () => void };
  /** The test SMTP server, when the fixture was asked for one (its URL is the server's SMTP_URL). */
  smtp: TestSmtp;
  /** Sockets to disconnect after the test. */
  sockets: { disconnect(): unknown }[];
  /** Keeps a socket for disconnecting after the test, and returns it. */
  track<T extends { disconnect(): unknown }>(socket: T): T;
  /** Closes the server before the test ends (a test may start another on the same data). */
  stop(): Promise<void>;
}

/**
 * The setup every server suite shares: before each test (or once, with `once`) a fresh data
 * directory (a fresh schema on Postgres), optionally a test SMTP server, and a real server on them;
 * after it the sockets, the server and the data go. With `start: false` the test starts the
 * server itself (assigning `fixture.server`).
 */
export function useServer(
  opts: {
    env?: Record<string, string>;
    smtp?: boolean;
    start?: boolean;
    once?: boolean;
    startOpts?: Parameters<typeof startEarshot>[1];
  } = {},
): ServerFixture {
  const fixture = {
    sockets: [] as { disconnect(): unknown }[],
    track<T extends { disconnect(): unknown }>(socket: T): T {
      fixture.sockets.push(socket);
      return socket;
    },
    async stop() {
      await fixture.server?.close();
      Object.assign(fixture, { server: undefined });
    },
  } as ServerFixture;
  const [before, after] = opts.once ? [beforeAll, afterAll] : [beforeEach, afterEach];
  before(async () => {
    fixture.data = tempDataDir();
    if (opts.smtp) fixture.smtp = await startSmtp();
    if (opts.start === false) return;
    const env = { ...(opts.smtp ? { SMTP_URL: fixture.smtp.url } : {}), ...opts.env };
    fixture.server = await startTestServer(fixture.data.dir, 0, env, opts.startOpts);
  });
  after(async () => {
    fixture.sockets.splice(0).forEach((s) => s.disconnect());
    await fixture.stop();
    await fixture.smtp?.close();
    fixture.data.remove();
    Object.assign(fixture, { smtp: undefined });
  });
  return fixture;
}

/** Resolves when the socket connects, rejects with the connect error. */
export function connected<S extends Socket>(socket: S): Promise<S> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** A socket that does not reconnect by itself, for a test that expects the server to refuse or drop it. */
export function oneShotSocket(
  url: string,
  namespace: 'visitor' | 'agent',
  opts: { auth?: Record<string, string>; headers?: Record<string, string> } = {},
): Socket {
  return io(`${url}/${namespace}`, {
    ...(opts.auth ? { auth: opts.auth } : {}),
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: opts.headers ?? {},
  });
}

/** The error the socket's next connection attempt is refused with; rejects when it connects instead. */
export function connectError(socket: Socket): Promise<{ message: string; data?: { code?: string } }> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('connected')));
    socket.once('connect_error', (err) => resolve(err as never));
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
export async function visitor(
  url: string,
  opts: { token?: string; siteId?: string; origin?: string; headers?: Record<string, string> } = {},
) {
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

/** An agent console socket authenticated with a fresh session cookie (the admin's, unless `creds` say whose). */
export async function agent(url: string, creds = ADMIN): Promise<AgentSocket> {
  const cookie = await signInCookie(url, creds);
  const socket: AgentSocket = io(`${url}/agent`, { transports: ['websocket'], forceNew: true, extraHeaders: { cookie } });
  return connected(socket);
}
