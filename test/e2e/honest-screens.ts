import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ConversationSummary, Message } from '../../protocol/types';
import type { E2e } from '../helpers/e2e';
import { signInAsAdmin } from './console-sign-in';
import { leaveMessage, openWidget as open, sendChat } from './widget-steps';

/** Any mention of email, in the words of the widget's English strings. */
const EMAIL = /e-?mail/i;

/** A new page with the widget open on the demo site. */
async function openWidget(e2e: E2e): Promise<Page> {
  const page = await e2e.newPage();
  await open(page, `${e2e.server.url}/`);
  return page;
}

/**
 * The widget's screens that could promise email, walked in real Chromium against a server
 * with SMTP (`sendsEmail`) or without: each asks for and promises email only with it.
 * The demo site must be open all day (`useE2e({ openAllDay: true })`), so only agents decide.
 */
export function honestScreens(e2e: E2e, sendsEmail: boolean) {
  beforeAll(async () => {
    const site = (await e2e.server.store.getSite('demo'))!;
    // Short, so the wait notice comes within the test; the console refuses under 10 s, the store does not.
    await e2e.server.store.upsertSite({ ...site, options: { ...site.options, waitSeconds: 2 } });
  });

  it(
    'leave a message and the default away text ' +
      (sendsEmail ? 'ask for an address and promise email' : 'neither ask for an address nor promise email'),
    async () => {
      const page = await openWidget(e2e);
      const form = page.getByRole('region', { name: 'Leave a message' });
      await form.waitFor();
      const away = await form.innerText();
      expect(await form.getByRole('textbox', { name: 'Email' }).count()).toBe(sendsEmail ? 1 : 0);
      if (sendsEmail) {
        expect(away).toContain("We're away right now. Leave us a message and we'll answer by email.");
      } else {
        expect(away).toContain("we'll answer here, in this chat, when you come back.");
        expect(away).not.toMatch(EMAIL);
      }
      await leaveMessage(page, 'Can I order 40 mugs?', sendsEmail ? 'ana@example.test' : undefined);
      const promise = sendsEmail ? "Thanks! We'll answer by email at ana@example.test." : "Thanks! We'll answer here as soon as we can.";
      await page.getByRole('status').filter({ hasText: promise }).waitFor();
      if (!sendsEmail) expect(await page.getByRole('tabpanel').innerText()).not.toMatch(EMAIL);
    },
  );

  it(
    'the console tells the agent ' +
      (sendsEmail ? 'where the reply to an offline visitor is emailed' : 'that an offline visitor gets no email'),
    async () => {
      const page = await openWidget(e2e);
      await leaveMessage(page, 'Is the blue mug back in stock?', sendsEmail ? 'bo@example.test' : undefined);
      await page.getByRole('log').getByText('Is the blue mug back in stock?').waitFor();
      await page.context().close(); // the visitor leaves

      const console = await e2e.newPage();
      await signInAsAdmin(console, `${e2e.server.url}/console`);
      await console.getByText('Is the blue mug back in stock?').first().click();
      await console.getByRole('textbox', { name: 'Reply' }).waitFor();
      const note = sendsEmail
        ? 'The visitor is offline: your reply is emailed to bo@example.test, and waits in their chat too.'
        : 'The visitor is offline and this server sends no email: they see your reply when they come back.';
      await console.getByText(note).waitFor();
    },
  );

  it(
    'the wait notice ' + (sendsEmail ? 'offers the answer by email' : 'says the answer comes in the chat, asking for no address'),
    async () => {
      await e2e.staffed();
      const page = await openWidget(e2e);
      await sendChat(page, 'Hello, anyone?');
      const notice = page.getByRole('region', { name: 'Sorry for the wait…' });
      await notice.waitFor();
      expect(await notice.getByRole('textbox', { name: 'Email' }).count()).toBe(sendsEmail ? 1 : 0);
      if (sendsEmail) await notice.getByRole('button', { name: 'Email me the answer' }).waitFor();
      else expect(await notice.innerText()).not.toMatch(EMAIL);
    },
  );

  it('after a resolved chat ' + (sendsEmail ? 'the transcript is offered by email' : 'no transcript by email is offered'), async () => {
    const desk = await e2e.staffed();
    const started = new Promise<string>((resolve) => desk.on('message:new', (_m: Message, row: ConversationSummary) => resolve(row.id)));
    const page = await openWidget(e2e);
    await sendChat(page, 'Thanks, that is all.');
    expect(await desk.emitWithAck('conversation:setStatus', { conversationId: await started, status: 'resolved' })).toMatchObject({
      ok: true,
    });
    await page.getByRole('form', { name: 'How did we do?' }).waitFor();
    expect(await page.getByRole('button', { name: 'Email me the transcript' }).count()).toBe(sendsEmail ? 1 : 0);
    if (!sendsEmail) expect(await page.getByRole('tabpanel').innerText()).not.toMatch(EMAIL);
  });

  it(
    'feedback ' + (sendsEmail ? 'offers "Reply to me" with an email field' : 'offers no "Reply to me" and asks for no address'),
    async () => {
      const page = await openWidget(e2e);
      await page.getByRole('tab', { name: 'Feedback' }).click();
      const form = page.getByRole('form', { name: 'Tell us what you think' });
      await form.waitFor();
      expect(await form.getByRole('radio', { name: 'Reply to me' }).count()).toBe(sendsEmail ? 1 : 0);
      if (sendsEmail) {
        await form.getByRole('radio', { name: 'Reply to me' }).check();
        await form.getByRole('textbox', { name: 'Email' }).waitFor();
      } else {
        expect(await form.innerText()).not.toMatch(EMAIL);
      }
    },
  );

  it('call me back agrees with the chat: with nobody online it promises no call "shortly"', async () => {
    const page = await openWidget(e2e);
    await page.getByRole('region', { name: 'Leave a message' }).waitFor();
    await page.getByRole('tab', { name: 'Call me back' }).click();
    await page.getByText("Nobody can take calls right now: we'll call you as soon as someone is back.").waitFor();
    expect(await page.getByText("We're open: we'll call you shortly.").count()).toBe(0);
  });
}
