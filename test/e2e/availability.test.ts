import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { WEEKDAYS } from '../../protocol/types';
import { useE2e } from '../helpers/e2e';
import { ADMIN } from '../helpers/server';
import { signInAsAdmin } from './console-sign-in';
import { leaveMessage, openWidget as open } from './widget-steps';

const e2e = useE2e({ smtp: true, openAllDay: true });
async function signIn(page: Page) {
  await signInAsAdmin(page, `${e2e.server.url}/console`);
  await page.getByRole('link', { name: 'Callbacks' }).waitFor();
}

const openWidget = (page: Page) => open(page, `${e2e.server.url}/`);

describe('honest availability in Chromium', () => {
  it('takes a message while nobody is there, emails the owner, and emails the later reply to the visitor', async () => {
    const visitorCtx = await e2e.newContext();
    const visitor = await visitorCtx.newPage();
    await openWidget(visitor);
    await leaveMessage(visitor, 'Can I order 40 mugs for an event?', 'ana@example.test');
    await visitor.getByText("Thanks! We'll answer by email at ana@example.test.").waitFor();
    const [owner] = await e2e.smtp.waitFor(1);
    expect(owner!.to).toMatchObject({ text: ADMIN.email });
    expect(owner!.text).toContain('> Can I order 40 mugs for an event?');
    await visitorCtx.close(); // the visitor leaves the site

    const agentCtx = await e2e.newContext();
    const agent = await agentCtx.newPage();
    await signIn(agent);
    await agent.getByText('Can I order 40 mugs for an event?').first().click();
    await agent.getByRole('textbox', { name: 'Reply' }).fill('Yes! 40 mugs ship within a week.');
    await agent.getByRole('button', { name: 'Send' }).click();
    const mails = await e2e.smtp.waitFor(2);
    expect(mails[1]!.to).toMatchObject({ text: 'ana@example.test' });
    expect(mails[1]!.text).toContain('Yes! 40 mugs ship within a week.');
  });

  it(
    'answers a scripted question at once, marked automatic, and the agent sees both; a resolved chat asks for a rating that ' +
      'alerts the console',
    async () => {
      const agentCtx = await e2e.newContext();
      const agent = await agentCtx.newPage();
      await signIn(agent);
      const visitorCtx = await e2e.newContext();
      const visitor = await visitorCtx.newPage();
      await openWidget(visitor);
      const box = visitor.getByRole('textbox', { name: 'Message' });
      await box.fill('How long does shipping to Brno take?');
      await box.press('Enter');
      const log = visitor.getByRole('log');
      await log.getByText('We ship within two working days', { exact: false }).waitFor();
      await log.getByText('Automatic answer').waitFor();
      await visitor.getByRole('button', { name: 'I still need a person' }).click();

      await agent.getByRole('link', { name: 'Conversations' }).click();
      // The newest row is this chat; it previews the visitor's question, not the automatic answer.
      await agent.getByRole('navigation', { name: 'Inbox' }).getByRole('link').first().click();
      const agentLog = agent.getByRole('log');
      await agentLog.getByText('How long does shipping to Brno take?').waitFor();
      await agentLog.getByText('We ship within two working days', { exact: false }).waitFor();
      await agentLog.getByText('Automatic answer').first().waitFor();
      await agentLog.getByText('Visitor: still needs a person').waitFor();

      await agent.getByRole('textbox', { name: 'Reply' }).fill('To Brno: two days.');
      await agent.getByRole('button', { name: 'Send' }).click();
      await log.getByText('To Brno: two days.').waitFor();
      await agent.getByRole('button', { name: 'Resolve' }).click();
      await visitor.getByText('How did we do?').waitFor();
      await visitor.getByRole('radio', { name: '2 – Bad' }).check();
      await visitor.getByRole('button', { name: 'Send rating' }).click();
      await visitor.getByText('Thanks for your rating!').waitFor();
      await agent.getByRole('alert').filter({ hasText: 'Low rating 2/5' }).waitFor();
      await agent.getByText('Rated 2/5').first().waitFor();
    },
  );

  it('shows an open widget live when the last agent signs out and when opening hours end', async () => {
    const agentCtx = await e2e.newContext();
    const agent = await agentCtx.newPage();
    await signIn(agent);
    const visitorCtx = await e2e.newContext();
    const visitor = await visitorCtx.newPage();
    await visitor.goto(`${e2e.server.url}/`);
    const launcher = visitor.getByRole('button', { name: 'Open chat' });
    await expect.poll(() => launcher.getAttribute('title')).toBe("We're online");
    await launcher.click();
    await visitor.getByRole('textbox', { name: 'Message' }).waitFor();

    await agent.getByRole('button', { name: 'Sign out' }).click();
    await visitor.getByRole('region', { name: 'Leave a message' }).waitFor();

    await signIn(agent);
    await visitor.getByRole('region', { name: 'Leave a message' }).waitFor({ state: 'detached' });
    const closed = Object.fromEntries(WEEKDAYS.map((d) => [d, []])) as Record<(typeof WEEKDAYS)[number], never[]>;
    // Opening hours end: the admin closes every day (as the clock passing closing time would).
    const desk = await import('../helpers/server').then((m) => m.agent(e2e.server.url));
    expect(
      (await desk.emitWithAck('site:update', { siteId: 'demo', hoursEnabled: true, hours: { timezone: 'UTC', weekly: closed } })).ok,
    ).toBe(true);
    await visitor.getByRole('region', { name: 'Leave a message' }).waitFor();
    desk.disconnect();
  });
});
