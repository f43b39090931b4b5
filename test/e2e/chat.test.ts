import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2e } from '../helpers/e2e';
import { signInAsAdmin } from './console-sign-in';

// A live chat needs someone there: without an agent online within opening hours the widget
// offers "Leave a message" instead.
const e2e = useE2e({ openAllDay: true });

/** Everything the page holds in cookies and web storage. */
async function footprint(page: Page) {
  const cookies = await page.context().cookies();
  const storage = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length }));
  return { cookies: cookies.length, ...storage };
}

async function signIn(page: Page) {
  await signInAsAdmin(page, `${e2e.server.url}/console`);
}

describe('live chat in Chromium', () => {
  it('takes a visitor message to an agent and the reply back, and keeps it across a reload', async () => {
    const desk = await e2e.staffed();
    const visitorCtx = await e2e.browser.newContext();
    const visitor = await visitorCtx.newPage();
    const dialogs: string[] = [];
    visitor.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const requests: string[] = [];
    const sockets: string[] = [];
    visitor.on('request', (r) => requests.push(new URL(r.url()).pathname));
    visitor.on('websocket', (ws) => sockets.push(ws.url()));

    await visitor.goto(`${e2e.server.url}/`);
    const launcher = visitor.getByRole('button', { name: 'Open chat' });
    await launcher.waitFor();
    // The built loader is what the page runs, and it did nothing but draw the launcher.
    expect(requests).toContain('/earshot.js');
    expect(requests.filter((p) => p.startsWith('/earshot/'))).toEqual([]);
    expect(requests.filter((p) => p.startsWith('/socket.io'))).toEqual([]);
    expect(sockets).toEqual([]);
    expect(await footprint(visitor)).toEqual({ cookies: 0, local: 0, session: 0 });

    await launcher.click();
    await expect.poll(() => visitor.getByRole('button', { name: 'Close chat' }).getAttribute('aria-expanded')).toBe('true');
    const box = visitor.getByRole('textbox', { name: 'Message' });
    await box.fill('Is the linen towel available in blue?');
    await box.press('Enter');
    const log = visitor.getByRole('log');
    await log.getByText('Is the linen towel available in blue?').waitFor();

    const agentCtx = await e2e.browser.newContext();
    const agent = await agentCtx.newPage();
    agent.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await signIn(agent);
    await agent.getByText('Is the linen towel available in blue?').first().click();
    await agent.getByRole('log').getByText('Is the linen towel available in blue?').waitFor();

    // A message arriving while the console is open shows without a reload.
    const xss = '<img src=x onerror=alert(1)>';
    await box.fill(xss);
    await visitor.getByRole('button', { name: 'Send' }).click();
    await agent.getByRole('log').getByText(xss).waitFor();
    expect(await agent.getByRole('log').locator('img').count()).toBe(0);

    const reply = agent.getByRole('textbox', { name: 'Reply' });
    await reply.fill('Yes, in blue and in sand.');
    await agent.getByRole('button', { name: 'Send' }).click();
    await log.getByText('Yes, in blue and in sand.').waitFor();
    expect(await log.getByText(xss).count()).toBe(1);
    expect(await log.locator('img').count()).toBe(0);

    await visitor.reload();
    await visitor
      .getByRole('button', { name: /Open chat|Close chat/ })
      .first()
      .click();
    const history = visitor.getByRole('log');
    await history.getByText('Yes, in blue and in sand.').waitFor();
    const texts = await history.innerText();
    const question = texts.indexOf('Is the linen towel available in blue?');
    // Both there after the reload, the question first (an index of -1 would pass a bare order check).
    expect(question).toBeGreaterThanOrEqual(0);
    expect(texts.indexOf('Yes, in blue and in sand.')).toBeGreaterThan(question);
    expect(dialogs).toEqual([]);

    await agent.getByRole('button', { name: 'Resolve' }).click();
    await agent.getByRole('button', { name: 'Reopen' }).waitFor();
    desk.close();
    await visitorCtx.close();
    await agentCtx.close();
  });

  it('offers Leave a message while nobody is there, and keeps the conversation it starts', async () => {
    const available = async () =>
      ((await (await fetch(`${e2e.server.url}/api/sites/demo/status`)).json()) as { data: { available: boolean } }).data.available;
    await expect.poll(available, { timeout: 15_000 }).toBe(false);
    const ctx = await e2e.browser.newContext();
    const visitor = await ctx.newPage();
    await visitor.goto(`${e2e.server.url}/`);
    const launcher = visitor.getByRole('button', { name: 'Open chat' });
    await expect.poll(() => launcher.getAttribute('title')).toBe('Leave us a message');
    await launcher.click();
    const region = visitor.getByRole('region', { name: 'Leave a message' });
    // This server has no SMTP: no address is asked for, as nothing could be sent to it.
    expect(await region.getByRole('textbox', { name: 'Email' }).count()).toBe(0);
    await region.getByRole('textbox', { name: 'Message' }).fill('Do you gift-wrap?');
    await region.getByRole('button', { name: 'Send message' }).click();
    // The answer comes in the chat, and nothing promises an email.
    await visitor.getByText("Thanks! We'll answer here as soon as we can.").waitFor();
    await visitor.getByRole('log').getByText('Do you gift-wrap?').waitFor();
    expect(await region.count()).toBe(0);
    await ctx.close();
  });
});
