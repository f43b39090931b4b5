import { nanoid } from 'nanoid';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { useE2e } from '../helpers/e2e';
import { byLocalhost, readmeSnippet, startHostSite, type HostSite } from '../helpers/host-site';
import { mailAnswer, replyAddress, sendToInbound } from '../helpers/mail-reply';
import { agent, visitor } from '../helpers/server';
import { signInAsAdmin } from './console-sign-in';

// Issue 18's must-shows in Chromium: an emailed reply appears in the console without a reload, a
// forged one waits in Held mail, and a resume link moves the conversation to a fresh browser once.

const e2e = useE2e({
  smtp: true,
  openAllDay: true,
  env: { INBOUND_DOMAIN: 'reply.shop.test', INBOUND_SMTP_PORT: '0', MESSAGE_ID_DOMAIN: 'mail.shop.test' },
});
let shop: HostSite;

beforeAll(async () => {
  shop = await startHostSite();
  const site = (await e2e.server.store.getSite('demo'))!;
  await e2e.server.store.upsertSite({ ...site, allowedOrigins: [shop.origin] });
});
afterAll(async () => {
  await shop?.close();
});

/** A visitor on `pageUrl` asked something, gave an address and left; an agent's answer went out by email. */
async function emailedReply(pageUrl: string, question: string, answer: string) {
  const v = await visitor(e2e.server.url);
  await v.socket.emitWithAck('visitor:hello', { page: { url: pageUrl, title: 'Towels' }, language: 'en' });
  const sent = await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: question });
  if (!sent.ok) throw new Error(sent.message);
  await v.socket.emitWithAck('visitor:identify', { email: 'ana@example.test' });
  v.socket.disconnect();
  const desk = await agent(e2e.server.url);
  await desk.emitWithAck('message:send', { id: nanoid(), conversationId: sent.data.conversationId, text: answer });
  desk.disconnect();
  const mail = (await e2e.smtp.waitFor(e2e.smtp.messages.length + 1)).at(-1)!;
  return { conversationId: sent.data.conversationId, mail };
}

/** Answers an email over SMTP to Earshot's listener, as a mail client would: new text, then the quoted email. */
const replyByMail = (mail: ParsedMail, text: string, from = 'ana@example.test') =>
  sendToInbound(e2e.server.inboundSmtpPort!, mailAnswer(mail, { text, from }), replyAddress(mail));

describe('email continuity in the console', () => {
  it('shows an emailed reply’s new text alone in the open conversation, live; a forged one waits in Held mail', async () => {
    const { conversationId, mail } = await emailedReply('http://shop.test/towels', 'Can I pick it up in Brno?', 'Yes, in two days.');
    const page = await e2e.newPage();
    await signInAsAdmin(page, `${e2e.server.url}/console/c/${conversationId}`);
    const log = page.getByRole('log');
    await log.getByText('Yes, in two days.').waitFor();

    await replyByMail(mail, 'Great, I will order tonight.');
    await log.getByText('Great, I will order tonight.').waitFor();
    // The quoted email is not in the conversation: the answer appears once, the question once.
    expect(await log.getByText('Yes, in two days.').count()).toBe(1);
    expect(await log.getByText('Demo shop <no-reply@shop.test> wrote').count()).toBe(0);
    expect(await log.getByText('Ana Novak, Brno').count()).toBe(0);

    await replyByMail(mail, 'Please send the refund to my account', 'mallory@evil.test');
    await page.getByRole('link', { name: 'Settings' }).click();
    const held = page.getByRole('list', { name: 'Held mail' });
    await held.getByText('Please send the refund to my account').waitFor();
    await held.getByText('mallory@evil.test').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Discard the email from mallory@evil.test' }).click();
    await page.getByText('The email from mallory@evil.test is discarded.').waitFor();
    expect(await log.count()).toBe(0);
    const messages = await e2e.server.store.listMessages(conversationId, 0, 100);
    expect(messages.filter((m) => m.author !== 'system').map((m) => m.text)).toEqual([
      'Can I pick it up in Brno?',
      'Yes, in two days.',
      'Great, I will order tonight.',
    ]);
  });
});

describe('resume anywhere', () => {
  it('the emailed link restores the conversation in a fresh browser on the shop’s origin, and is refused the second time', async () => {
    await e2e.staffed();
    const relay = byLocalhost(e2e.server.url);
    const url = shop.page(
      '/linen',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Linen</title></head>` +
        `<body><h1>Linen</h1>${readmeSnippet(relay)}</body></html>`,
    );
    const { conversationId, mail } = await emailedReply(url, 'Is the blue towel in stock?', 'Yes, two are left.');
    const link = /(http:\/\/127\.0\.0\.1:\d+\/linen#earshot-resume=[\w-]+)/.exec(mail.text ?? '')?.[1];
    expect(link).toBeTruthy();

    const phone = await e2e.newPage();
    await phone.goto(link!);
    const chat = phone.getByRole('log');
    await chat.getByText('Yes, two are left.').waitFor();
    await chat.getByText('Is the blue towel in stock?').waitFor();
    await phone.getByText('Your conversation is here.', { exact: false }).waitFor();
    expect(await axeViolations(phone)).toEqual([]);
    // The token is taken off the address, so a reload or a shared URL does not carry it.
    expect(new URL(phone.url()).hash).toBe('');
    await phone.getByRole('textbox', { name: 'Message' }).fill('I will take one.');
    await phone.getByRole('textbox', { name: 'Message' }).press('Enter');
    // The phone writes in the same conversation.
    await expect
      .poll(async () => (await e2e.server.store.listMessages(conversationId, 0, 10)).map((m) => m.text))
      .toEqual(['Is the blue towel in stock?', 'Yes, two are left.', 'I will take one.']);

    const other = await e2e.newPage();
    await other.goto(link!);
    await other.getByRole('alert').getByText('This link was used already.', { exact: false }).waitFor();
    expect(await other.getByRole('log').getByText('Yes, two are left.').count()).toBe(0);
    expect(await axeViolations(other)).toEqual([]);
  });
});
