import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../protocol/types';
import { useE2e } from '../helpers/e2e';
import {
  byLocalhost,
  consoleOf,
  readmeCsp,
  readmeSnippet,
  readmeStub,
  readmeStubHash,
  shopPage,
  startHostSite,
  type HostSite,
} from '../helpers/host-site';
import { nextEvent } from '../helpers/server';

// A shop on 127.0.0.1:<port> with a strict policy, the Earshot server as localhost:<port>.
const e2e = useE2e({ openAllDay: true });
let shop: HostSite;
let relay: string;

beforeAll(async () => {
  shop = await startHostSite();
  relay = byLocalhost(e2e.server.url);
  const site = (await e2e.server.store.getSite('demo'))!;
  await e2e.server.store.upsertSite({ ...site, allowedOrigins: [shop.origin] });
});
afterAll(() => shop?.close());

describe('a page with a strict Content-Security-Policy', () => {
  it('runs the widget with only the sources the README lists (and Trusted Types), the stub by the hash it gives', async () => {
    const desk = await e2e.staffed();
    // Nothing allowed by default: every fetch, script, style, image or font the widget needs
    // beyond the README's entries would be refused and reported.
    const csp =
      `default-src 'none'; require-trusted-types-for 'script'; ` +
      `${readmeCsp(relay).replace('script-src', `script-src ${readmeStubHash()}`)}`;
    const url = shop.page('/strict', shopPage(readmeStub(), readmeSnippet(relay)), { 'content-security-policy': csp });
    const visitor = await e2e.newPage();
    const logged = consoleOf(visitor);
    await visitor.goto(url);
    await visitor.evaluate(() => (window as unknown as { Earshot(c: string): void }).Earshot('open'));
    const box = visitor.getByRole('textbox', { name: 'Message' });
    await box.fill('Hello from a strict page');
    const arrived = nextEvent<Message>(desk, 'message:new', (m) => m.text === 'Hello from a strict page');
    await box.press('Enter');
    await arrived;
    // A view's chunk, imported later by the panel itself, is allowed too.
    await visitor.getByRole('tab', { name: 'Call me back' }).click();
    await visitor.getByLabel('Phone number').waitFor();
    expect(logged).toEqual([]);
  });

  it('runs under a nonce-based policy with strict-dynamic when the tag carries the nonce', async () => {
    const csp = `default-src 'none'; script-src 'nonce-r4nd0m' 'strict-dynamic'; ${readmeCsp(relay)
      .split('; ')
      .find((d) => d.startsWith('connect-src'))}`;
    const tag = readmeSnippet(relay).replace('<script ', '<script nonce="r4nd0m" ');
    const url = shop.page('/nonce', shopPage('', tag), { 'content-security-policy': csp });
    const visitor = await e2e.newPage();
    const logged = consoleOf(visitor);
    await visitor.goto(url);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await visitor.getByRole('textbox', { name: 'Message' }).waitFor();
    expect(logged).toEqual([]);
  });
});

describe('a chunk that does not arrive', () => {
  it.each([
    ['the panel', '**/earshot/mount-*.js'],
    ['its dictionary', '**/earshot/en-*.js'],
  ])('shows that the chat could not be loaded when %s fails, logs it once, and Retry loads it', async (_, chunk) => {
    const visitor = await e2e.newPage();
    const logged = consoleOf(visitor);
    await visitor.route(chunk, (route) => route.fulfill({ status: 503, body: 'busy' }));
    await visitor.goto(shop.page('/', shopPage('', readmeSnippet(relay))));
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    const notice = visitor.getByRole('status').filter({ hasText: 'The chat could not be loaded.' });
    await notice.waitFor();
    expect(logged.filter((l) => l.startsWith('Earshot'))).toEqual([expect.stringContaining('Earshot: could not load the chat panel.')]);

    await visitor.unroute(chunk);
    await notice.getByRole('button', { name: 'Retry' }).click();
    await visitor.getByRole('textbox', { name: 'Message' }).waitFor();
    expect(await notice.count()).toBe(0);
    expect(logged.filter((l) => l.startsWith('Earshot'))).toHaveLength(1);
  });

  it('shows a view that could not be loaded with Retry inside the panel, logs it once, and Retry loads it', async () => {
    const visitor = await e2e.newPage();
    const logged = consoleOf(visitor);
    await visitor.route('**/earshot/callback-entry-*.js', (route) => route.fulfill({ status: 503, body: 'busy' }));
    await visitor.goto(shop.page('/', shopPage('', readmeSnippet(relay))));
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await visitor.getByRole('tab', { name: 'Call me back' }).click();
    const alert = visitor.getByRole('alert').filter({ hasText: 'This part of the widget could not be loaded.' });
    await alert.waitFor();
    expect(logged.filter((l) => l.startsWith('Earshot'))).toEqual([
      expect.stringContaining('Earshot: a part of the widget could not be loaded.'),
    ]);

    await visitor.unroute('**/earshot/callback-entry-*.js');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await visitor.getByLabel('Phone number').waitFor();
    expect(logged.filter((l) => l.startsWith('Earshot'))).toHaveLength(1);
  });
});
