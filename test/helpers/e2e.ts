import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { Earshot } from '../../server/app';
import { launchChromium, newContext } from './browser';
import { agent, startTestServer, tempDataDir, type AgentSocket } from './server';
import { openAllDay, staffed } from './site';
import { startSmtp, type TestSmtp } from './smtp';

/** What a test file needs besides a plain server and Chromium. */
export interface E2eOptions {
  /** Start a test SMTP server and point the server's `SMTP_URL` at it. */
  smtp?: boolean;
  /** More server environment, such as `MAIL_FROM`. */
  env?: Record<string, string>;
  /** Open the demo site round the clock, so only who is signed in decides availability (tests run at any hour). */
  openAllDay?: boolean;
  /** Keep an agent connected for the whole file, so every test sees the live chat. */
  staffedAllAlong?: boolean;
}

/** The running server, browser and SMTP server of a test file, and per-test contexts and desks. */
export interface E2e {
  readonly server: Earshot;
  readonly browser: Browser;
  /** Only with `smtp: true`. */
  readonly smtp: TestSmtp;
  /** A context (see `newContext` in ./browser) that is closed after the test. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A page in a fresh context that is closed after the test. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** An agent online (see `staffed` in ./site) who signs off after the test. */
  staffed(): Promise<AgentSocket>;
}

/**
 * Registers the hooks that give each e2e file a real server on a temporary data directory and
 * one Chromium, closed after the file, and returns accessors that are live once `beforeAll` ran.
 */
export function useE2e(options: E2eOptions = {}): E2e {
  let data: ReturnType<typeof tempDataDir> | undefined;
  let server: Earshot | undefined;
  let browser: Browser | undefined;
  let smtp: TestSmtp | undefined;
  let desk: AgentSocket | undefined;
  // Closed after each test even when it fails, so no agent stays online into the next one.
  const contexts: BrowserContext[] = [];
  const desks: AgentSocket[] = [];

  beforeAll(async () => {
    data = tempDataDir();
    if (options.smtp) smtp = await startSmtp();
    server = await startTestServer(data.dir, 0, { ...(smtp ? { SMTP_URL: smtp.url } : {}), ...options.env });
    if (options.openAllDay) await openAllDay(server);
    // A plain connection: `staffed` waits with `expect.poll`, which only works inside a test.
    if (options.staffedAllAlong) desk = await agent(server.url);
    browser = await launchChromium();
  });
  afterEach(async () => {
    desks.splice(0).forEach((d) => d.disconnect());
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    desk?.disconnect();
    await browser?.close();
    await server?.close();
    await smtp?.close();
    data?.remove();
  });

  const started = <T>(what: string, value: T | undefined): T => {
    if (value === undefined) throw new Error(`${what} is not running: use it inside a test or hook, and pass the option it needs`);
    return value;
  };
  const context = async (opts: BrowserContextOptions = {}) => {
    const c = await newContext(started('browser', browser), opts);
    contexts.push(c);
    return c;
  };
  return {
    get server() {
      return started('server', server);
    },
    get browser() {
      return started('browser', browser);
    },
    get smtp() {
      return started('smtp', smtp);
    },
    newContext: context,
    newPage: async (opts) => (await context(opts)).newPage(),
    staffed: async () => {
      const d = await staffed(started('server', server));
      desks.push(d);
      return d;
    },
  };
}
