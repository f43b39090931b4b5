import { nanoid } from 'nanoid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../protocol/types';
import { useE2e } from '../helpers/e2e';
import { byLocalhost, consoleOf, readmeSnippet, readmeStub, shopPage, startHostSite, type HostSite } from '../helpers/host-site';
import { nextEvent } from '../helpers/server';

// The shop's pages live on 127.0.0.1:<port>, the Earshot server is reached as localhost:<port>:
// two origins, as on a real site, where a classic script's relative import() has no base URL.
const e2e = useE2e({ openAllDay: true });
let shop: HostSite;
let stranger: HostSite;
let relay: string;

beforeAll(async () => {
  shop = await startHostSite();
  stranger = await startHostSite();
  relay = byLocalhost(e2e.server.url);
  const site = (await e2e.server.store.getSite('demo'))!;
  await e2e.server.store.upsertSite({ ...site, allowedOrigins: [shop.origin] });
});
afterAll(async () => {
  await shop?.close();
  await stranger?.close();
});

const page = (head: string, body: string) => shopPage(`<link rel="icon" href="data:,">${head}`, body);

describe('the README snippet on a page of another origin', () => {
  it('carries a chat both ways, with Earshot("identify") and Earshot("open") called by the page', async () => {
    const desk = await e2e.staffed();
    const url = shop.page(
      '/towels',
      page(
        `${readmeStub()}<script>Earshot('identify', { name: 'Ana Novak', email: 'ana@shop.test' })</script>`,
        `<button id="help">Ask about towels</button>
         <script>document.getElementById('help').addEventListener('click', function () { Earshot('open') })</script>
         ${readmeSnippet(relay)}`,
      ),
    );
    const visitor = await e2e.newPage();
    const logged = consoleOf(visitor);
    await visitor.goto(url);
    await visitor.getByRole('button', { name: 'Open chat' }).waitFor();
    await visitor.getByRole('button', { name: 'Ask about towels' }).click();
    const box = visitor.getByRole('textbox', { name: 'Message' });
    await box.fill('Do you have them in blue?');
    const arrived = nextEvent<Message>(desk, 'message:new', (m) => m.text === 'Do you have them in blue?');
    await box.press('Enter');
    const message = await arrived;

    const visitorOf = async () => {
      const detail = await desk.emitWithAck('conversation:get', { conversationId: message.conversationId });
      return detail.ok ? { name: detail.data.visitor.name, email: detail.data.visitor.email, page: detail.data.visitor.pageUrl } : null;
    };
    await expect.poll(visitorOf).toEqual({ name: 'Ana Novak', email: 'ana@shop.test', page: url });

    const reply = await desk.emitWithAck('message:send', {
      id: nanoid(),
      conversationId: message.conversationId,
      text: 'Yes, and in sand.',
    });
    expect(reply.ok).toBe(true);
    await visitor.getByRole('log').getByText('Yes, and in sand.').waitFor();
    expect(logged).toEqual([]);
  });

  it('explains in the panel why a page on an origin the site does not allow gets no chat', async () => {
    // Nobody online: the refusal is not hidden behind a Leave a message form that could not be sent either.
    const visitor = await e2e.newPage();
    const logged = consoleOf(visitor);
    await visitor.goto(stranger.page('/', page('', readmeSnippet(relay))));
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    const alert = visitor.getByRole('alert');
    await alert.getByText(`Chat is not enabled for ${stranger.origin} on site "demo". Add the origin in the site settings.`).waitFor();
    expect(await visitor.getByRole('button', { name: 'Send message' }).count()).toBe(0);
    expect(logged).toContain(`Earshot: Chat is not enabled for ${stranger.origin} on site "demo". Add the origin in the site settings.`);
  });

  /** Where the tag goes and what becomes of its `async`. */
  const variants: [string, (tag: string) => string][] = [
    ['with async, at the end of <body>', (tag) => page('', tag)],
    ['with defer, in <head>', (tag) => page(tag.replace(' async', ' defer'), '')],
    ['without async or defer, in <head>, before <body> exists', (tag) => page(tag.replace(' async', ''), '')],
  ];
  it.each(variants)('opens the panel %s', async (name, html) => {
    const visitor = await e2e.newPage();
    const logged = consoleOf(visitor);
    await visitor.goto(shop.page(`/${name.split(' ')[1]}`, html(readmeSnippet(relay))));
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await visitor.getByRole('textbox', { name: 'Message' }).waitFor();
    expect(logged).toEqual([]);
  });

  it('adds no global but Earshot, and works when the page later takes the short names a minifier uses', async () => {
    // Written after the loader, as a page's own scripts often are: a leaked minified function
    // `e` or `t` would be overwritten here and the widget would break on first use.
    const letters = 'abcdefghijklmnopqrstuvwxyz'.split('');
    const url = shop.page(
      '/globals',
      page(
        '<script>window.before = Object.getOwnPropertyNames(window)</script>',
        `${readmeSnippet(relay).replace(' async', '')}
         <script>window.added = Object.getOwnPropertyNames(window).filter(function (k) { return before.indexOf(k) < 0 && k !== 'before' });
           ${JSON.stringify(letters)}.forEach(function (c) { window[c] = 'page ' + c })</script>`,
      ),
    );
    const visitor = await e2e.newPage();
    const logged = consoleOf(visitor);
    await visitor.goto(url);
    expect(await visitor.evaluate(() => (window as unknown as { added: string[] }).added)).toEqual(['Earshot']);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await visitor.getByRole('textbox', { name: 'Message' }).waitFor();
    const after = await visitor.evaluate(
      (known) => {
        const w = window as unknown as Record<string, unknown> & { before: string[] };
        return {
          added: Object.getOwnPropertyNames(window).filter((k) => !w.before.includes(k) && !known.includes(k)),
          e: w.e,
          t: w.t,
        };
      },
      ['before', 'added', ...letters],
    );
    expect(after).toEqual({ added: ['Earshot'], e: 'page e', t: 'page t' });
    expect(logged).toEqual([]);
  });
});
