import { nanoid } from 'nanoid';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useE2e } from '../helpers/e2e';
import { byLocalhost, startHostSite, type HostSite } from '../helpers/host-site';
import { visitor as socketVisitor } from '../helpers/server';
import { signInAsAdmin } from './console-sign-in';

// The console is opened as localhost:<port>, so its snippet names the server that way; the shop's
// page is served from 127.0.0.1:<other port>: another origin, as a real shop would be.
const e2e = useE2e();
let shop: HostSite;
let consoleUrl: string;

beforeAll(async () => {
  shop = await startHostSite();
  consoleUrl = `${byLocalhost(e2e.server.url)}/console`;
});
afterAll(async () => {
  await shop?.close();
});

async function signIn(page: Page) {
  await signInAsAdmin(page, consoleUrl);
  await page.getByRole('link', { name: 'Settings' }).waitFor();
}

const hostPage = (snippet: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Linen ` +
  `shop</title></head><body><h1>Linen towels</h1>${snippet}</body></html>`;

describe('a second site, created in the console', () => {
  it('is embedded on another origin with its copied snippet, and its chats show under that site only', async () => {
    // A chat on the demo site, which the filter must leave out.
    const demoVisitor = await socketVisitor(e2e.server.url);
    expect(
      (await demoVisitor.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'A question on the demo site' }))
        .ok,
    ).toBe(true);

    const context = await e2e.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const desk = await context.newPage();
    await signIn(desk);
    await desk.getByRole('link', { name: 'Settings' }).click();
    await desk.getByRole('button', { name: 'New site' }).click();
    const create = desk.getByRole('form', { name: 'New site' });
    await create.getByRole('textbox', { name: 'Name' }).fill('Linen shop');
    expect(await create.getByRole('textbox', { name: 'Site id' }).inputValue()).toBe('linen-shop');
    await create.getByRole('button', { name: 'Create site' }).click();
    await create.waitFor({ state: 'detached' });
    expect(await desk.getByRole('combobox', { name: 'Site' }).inputValue()).toBe('linen-shop');

    const settings = desk.getByRole('form', { name: 'Site settings' });
    await settings.getByRole('textbox', { name: /Sites that may embed the widget/ }).fill(shop.origin);
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await settings.getByText('Settings saved.').waitFor();

    await desk.getByRole('button', { name: 'Copy snippet' }).click();
    await desk.getByText('Copied', { exact: true }).waitFor();
    const snippet = await desk.evaluate(() => navigator.clipboard.readText());
    expect(snippet).toBe(`<script src="${byLocalhost(e2e.server.url)}/earshot.js" data-site="linen-shop" async></script>`);

    // The admin's console is online and the new site needs no opening hours: the chat is live.
    const visitor = await e2e.newPage();
    await visitor.goto(shop.page('/towels', hostPage(snippet)));
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    const box = visitor.getByRole('textbox', { name: 'Message' });
    await box.fill('Do you ship to Brno?');
    await box.press('Enter');

    await desk.getByRole('link', { name: 'Conversations' }).click();
    const inbox = desk.getByRole('navigation', { name: 'Inbox' });
    const rows = inbox.getByRole('list', { name: 'Conversations' }).getByRole('link');
    await inbox.getByRole('tab', { name: 'All', exact: true }).click();
    await expect.poll(() => rows.count()).toBe(2);
    await inbox.getByRole('combobox', { name: 'Site' }).selectOption({ label: 'Linen shop' });
    await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining('Do you ship to Brno?')]);
    expect(await rows.first().textContent()).toContain('Linen shop');
    await inbox.getByRole('combobox', { name: 'Site' }).selectOption({ label: 'Demo shop' });
    await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining('A question on the demo site')]);

    // The agent answers from the console and the visitor on the shop's page reads it.
    await inbox.getByRole('combobox', { name: 'Site' }).selectOption({ label: 'Linen shop' });
    await rows.first().click();
    const reply = desk.getByRole('textbox', { name: /Reply/ });
    await reply.fill('Yes, in two days.');
    await reply.press('Enter');
    await visitor.getByRole('log').getByText('Yes, in two days.').waitFor();
    demoVisitor.socket.disconnect();
  });
});

describe('the settings form', () => {
  it('keeps the focused time zone field clear of the sticky save bar', async () => {
    const desk = await e2e.newPage({ viewport: { width: 1280, height: 600 } });
    await signIn(desk);
    await desk.getByRole('link', { name: 'Settings' }).click();
    const zone = desk.getByRole('combobox', { name: 'Time zone' });
    await zone.waitFor();
    // Scrolled so the field sits right behind the bar, as an admin scrolling down leaves it; then
    // it takes focus (Tab, or a click on its label) and must come out from under the bar.
    await desk.evaluate(() => {
      const scroller = document.querySelector<HTMLElement>('.settings')!;
      const input = document.getElementById('set-timezone')!;
      const under = input.getBoundingClientRect().bottom - scroller.getBoundingClientRect().bottom + 10;
      scroller.scrollTop += under;
      input.focus();
    });
    await zone.fill('Europe/Pr');
    const field = (await zone.boundingBox())!;
    const bar = (await desk.locator('.set-footer').boundingBox())!;
    expect(field.y + field.height).toBeLessThanOrEqual(bar.y);
    // The list offers the zones that match what was typed.
    expect(await desk.locator('#set-zones option[value="Europe/Prague"]').count()).toBe(1);
  });
});
