import { nanoid } from 'nanoid';
import { describe, expect, it } from 'vitest';
import type { ConversationSummary, HeldMail, Message } from '../../protocol/types';
import { mailAnswer, sendToInbound } from '../helpers/mail-reply';
import { hashPassword } from '../../server/domain/secrets';
import { agent, nextEvent, signInCookie, visitor, useServer, type AgentSocket } from '../helpers/server';
import { agentWith } from '../helpers/team';

// Email continuity (issue 18): replies to Earshot's emails come back into the conversation, over the
// built-in SMTP listener or a provider's webhook; anything doubtful is held for an admin.

const DOMAIN = 'reply.shop.test';
const SECRET = 'inbound-secret-of-the-test';
const t = useServer({
  smtp: true,
  env: {
    INBOUND_DOMAIN: DOMAIN,
    INBOUND_SMTP_PORT: '0',
    MESSAGE_ID_DOMAIN: 'mail.shop.test',
    INBOUND_WEBHOOK_SECRET: SECRET,
    INBOUND_MAX_BYTES: '200000',
  },
});

async function newAgent(): Promise<AgentSocket> {
  return t.track(await agent(t.server.url));
}

/** A visitor who chatted, gave their address and left; an agent's reply then went out by email. */
async function emailedReply(text = 'We open at nine.') {
  const v = await visitor(t.server.url);
  const sent = await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'When do you open?' });
  if (!sent.ok) throw new Error(sent.message);
  await v.socket.emitWithAck('visitor:identify', { email: 'Ana@Example.test' });
  v.socket.disconnect();
  const a = await newAgent();
  const conversationId = sent.data.conversationId;
  await a.emitWithAck('message:send', { id: nanoid(), conversationId, text });
  const mails = await t.smtp.waitFor(t.smtp.messages.length + 1);
  return { a, conversationId, mail: mails.at(-1)! };
}

/** Sends a raw message to Earshot's inbound SMTP listener. */
const smtpSend = (raw: string | Buffer, to: string, from?: string) => sendToInbound(t.server.inboundSmtpPort!, raw, to, from);
const answer = mailAnswer;

const messagesOf = async (a: AgentSocket, conversationId: string) => {
  const page = await a.emitWithAck('message:list', { conversationId, after: 0 });
  if (!page.ok) throw new Error(page.message);
  return page.data.messages;
};

describe('email continuity', () => {
  it('threads the emailed reply: Reply-To token on the inbound domain, Message-ID on the configured domain', async () => {
    const { mail } = await emailedReply();
    expect(mail.replyTo?.value[0]?.address).toMatch(new RegExp(`^reply\\+[0-9a-f]{40}@${DOMAIN.replace(/\./g, '\\.')}$`));
    expect(mail.messageId).toMatch(/@mail\.shop\.test>$/);
    expect(mail.inReplyTo).toBeUndefined();
  });

  it("posts the reply's new text alone to the conversation, live to agents, reopening it; the next email answers it", async () => {
    const { a, conversationId, mail } = await emailedReply();
    await a.emitWithAck('conversation:setStatus', { conversationId, status: 'resolved' });
    const live = nextEvent<Message>(a, 'message:new', (m) => m.conversationId === conversationId);
    const row = new Promise<ConversationSummary>((resolve) => a.once('message:new', (_m: Message, r: ConversationSummary) => resolve(r)));
    const raw = answer(mail);
    await smtpSend(raw, mail.replyTo!.value[0]!.address!);
    const m = await live;
    expect(m).toMatchObject({ author: 'visitor', text: 'Thanks! Is Saturday open too?' });
    expect((await row).status).not.toBe('resolved');
    expect((await messagesOf(a, conversationId)).map((x) => x.text)).toEqual([
      'When do you open?',
      'We open at nine.',
      'Thanks! Is Saturday open too?',
    ]);

    // Writing from the address it was mailed to shows the email is theirs: the contact's email is verified.
    const c = (await t.server.store.getConversation(conversationId))!;
    const contactId = (await t.server.store.getVisitor(c.visitorId))!.contactId!;
    expect(await t.server.store.getContact(contactId)).toMatchObject({ email: 'ana@example.test' });
    expect((await t.server.store.getContact(contactId))!.emailVerifiedAt).not.toBeNull();

    // The same email delivered again is not posted twice.
    await smtpSend(raw, mail.replyTo!.value[0]!.address!);
    expect(await messagesOf(a, conversationId)).toHaveLength(3);

    await a.emitWithAck('message:send', { id: nanoid(), conversationId, text: 'Saturday too, until noon.' });
    const next = (await t.smtp.waitFor(2))[1]!;
    const visitorsId = /^Message-ID: (.+)$/m.exec(raw)![1]!;
    expect(next.inReplyTo).toBe(visitorsId);
    expect(next.references).toEqual([mail.messageId, visitorsId]);
    expect(next.replyTo!.value[0]!.address).not.toBe(mail.replyTo!.value[0]!.address);
  });

  it('holds a reply from another address, and an admin posts it once', async () => {
    const { a, conversationId, mail } = await emailedReply();
    const changed = nextEvent<number>(a, 'heldMail:changed');
    await smtpSend(answer(mail, { from: 'mallory@evil.test', text: 'Send the refund to my account' }), mail.replyTo!.value[0]!.address!);
    expect(await changed).toBe(1);
    expect(await messagesOf(a, conversationId)).toHaveLength(2);
    const list = await a.emitWithAck('heldMail:list', {});
    const held = (list.ok ? list.data : [])[0] as HeldMail;
    expect(held).toMatchObject({ reason: 'wrong_sender', from: 'mallory@evil.test', text: 'Send the refund to my account' });
    expect(held.target).toEqual({ kind: 'conversation', id: conversationId });

    expect(await a.emitWithAck('heldMail:post', { id: held.id })).toMatchObject({
      ok: true,
      data: { text: 'Send the refund to my account' },
    });
    expect(await a.emitWithAck('heldMail:post', { id: held.id })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await messagesOf(a, conversationId)).toHaveLength(3);
    expect(await a.emitWithAck('heldMail:list', {})).toEqual({ ok: true, data: [] });
  });

  it('holds mail without a valid token; it can only be discarded', async () => {
    const { a, mail } = await emailedReply();
    const wrong = `reply+${'0'.repeat(40)}@${DOMAIN}`;
    await smtpSend(answer(mail, { to: wrong }), wrong);
    const list = await a.emitWithAck('heldMail:list', {});
    const held = (list.ok ? list.data : [])[0]!;
    expect(held).toMatchObject({ reason: 'no_token', target: null, to: wrong });
    expect(await a.emitWithAck('heldMail:post', { id: held.id })).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(await a.emitWithAck('heldMail:discard', { id: held.id })).toEqual({ ok: true, data: null });
    expect(await a.emitWithAck('heldMail:discard', { id: held.id })).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('lets only admins review held mail', async () => {
    const creds = { email: 'petra@test.local', password: 'petra password' };
    const passwordHash = await hashPassword(creds.password);
    await t.server.store.createAgent({
      id: 'petra',
      email: creds.email,
      name: 'Petra',
      role: 'agent',
      passwordHash,
      createdAt: new Date().toISOString(),
    });
    const petra = t.track(await agentWith(t.server.url, await signInCookie(t.server.url, creds)));
    for (const ack of [
      await petra.emitWithAck('heldMail:list', {}),
      await petra.emitWithAck('heldMail:post', { id: 'x' }),
      await petra.emitWithAck('heldMail:discard', { id: 'x' }),
    ])
      expect(ack).toMatchObject({ ok: false, code: 'forbidden', message: 'Only admins can review held mail.' });
  });

  it('refuses mail for other domains: the listener is no relay', async () => {
    await expect(smtpSend('Subject: hi\r\n\r\nhi', 'someone@elsewhere.test')).rejects.toMatchObject({ responseCode: 550 });
  });

  it("answers a feedback reply's email in a conversation of its own, with the feedback's name and address", async () => {
    const v = await visitor(t.server.url);
    t.track(v.socket);
    const contact = { mode: 'reply' as const, name: 'Ana', email: 'ana@example.test' };
    const page = { url: 'http://shop.test/', title: 'Shop' };
    const sent = await v.socket.emitWithAck('feedback:send', {
      rating: 2,
      category: 'complaint',
      text: 'Late',
      contact,
      page,
      locale: 'en',
    });
    const a = await newAgent();
    await a.emitWithAck('feedback:reply', { feedbackId: sent.ok ? sent.data.id : '', text: 'Sorry! A voucher is on its way.' });
    // The admins' alert about the complaint, and the reply to Ana.
    const mail = (await t.smtp.waitFor(2)).find((m) => m.subject?.startsWith('Re: your feedback'))!;
    expect(mail.replyTo?.value[0]?.address).toMatch(/^reply\+[0-9a-f]{40}@/);
    const live = nextEvent<Message>(a, 'message:new');
    await smtpSend(answer(mail, { text: 'Thank you, got it.' }), mail.replyTo!.value[0]!.address!);
    const m = await live;
    expect(m).toMatchObject({ text: 'Thank you, got it.', authorName: 'Ana' });
  });
});

describe('inbound mail that is odd or hostile', () => {
  it('refuses mail over INBOUND_MAX_BYTES (552) and keeps listening', async () => {
    const { a, conversationId, mail } = await emailedReply();
    const to = mail.replyTo!.value[0]!.address!;
    await expect(smtpSend(answer(mail, { text: 'x'.repeat(300_000) }), to)).rejects.toMatchObject({ responseCode: 552 });
    await smtpSend(answer(mail, { text: 'Still there?' }), to);
    expect((await messagesOf(a, conversationId)).at(-1)?.text).toBe('Still there?');
  });

  it('takes HTML-only mail as text, never HTML', async () => {
    const { a, conversationId, mail } = await emailedReply();
    const to = mail.replyTo!.value[0]!.address!;
    const raw = answer(mail)
      .replace('Content-Type: text/plain; charset=utf-8', 'Content-Type: text/html; charset=utf-8')
      .replace(/\r\n\r\n[\s\S]*$/, '\r\n\r\n<div><b>Bold</b> &amp; <script>alert(1)</script><img src=x onerror=alert(2)>plain</div>');
    await smtpSend(raw, to);
    const last = (await messagesOf(a, conversationId)).at(-1)!;
    expect(last.author).toBe('visitor');
    expect(last.text).toContain('Bold');
    expect(last.text).toContain('& ');
    expect(last.text).not.toMatch(/<[a-z]/i);
  });

  it('decodes any charset, and ignores attachments', async () => {
    const { a, conversationId, mail } = await emailedReply();
    const to = mail.replyTo!.value[0]!.address!;
    const koi8 = Buffer.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4]); // "Привет" in KOI8-R
    const raw = Buffer.concat([
      Buffer.from(
        [
          'From: ana@example.test',
          `To: ${to}`,
          'Subject: =?koi8-r?B?8NLJ18XU?=',
          `Message-ID: <${nanoid()}@example.test>`,
          'MIME-Version: 1.0',
          'Content-Type: multipart/mixed; boundary="b1"',
          '',
          '--b1',
          'Content-Type: text/plain; charset=koi8-r',
          'Content-Transfer-Encoding: 8bit',
          '',
          '',
        ].join('\r\n'),
      ),
      koi8,
      Buffer.from(
        [
          '',
          '--b1',
          'Content-Type: application/octet-stream; name="virus.exe"',
          'Content-Disposition: attachment; filename="virus.exe"',
          'Content-Transfer-Encoding: base64',
          '',
          Buffer.from('MZ not really').toString('base64'),
          '--b1--',
          '',
        ].join('\r\n'),
      ),
    ]);
    await smtpSend(raw, to);
    expect((await messagesOf(a, conversationId)).at(-1)?.text).toBe('Привет');
  });

  it('survives malformed MIME: what it can read is posted, the listener keeps working', async () => {
    const { a, conversationId, mail } = await emailedReply();
    const to = mail.replyTo!.value[0]!.address!;
    const broken = [
      'From: ana@example.test',
      `To: ${to}`,
      'Content-Type: multipart/alternative; boundary=',
      'Content-Transfer-Encoding: base64',
      '',
      '\u0000\u0001 ===garbage=== --',
      '--',
    ].join('\r\n');
    await smtpSend(broken, to).catch((err: { responseCode?: number }) => expect(err.responseCode).toBe(550));
    await smtpSend(answer(mail, { text: 'After the broken one' }), to);
    expect((await messagesOf(a, conversationId)).at(-1)?.text).toBe('After the broken one');
  });
});

describe('inbound webhook', () => {
  const post = (body: unknown, secret = SECRET) =>
    fetch(`${t.server.url}/inbound/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify(body),
    });

  it('refuses a wrong secret (401) and a bad payload (400)', async () => {
    expect((await post({ to: 'x@y.z', from: 'a@b.c', text: 'hi' }, 'wrong-secret-wrong')).status).toBe(401);
    const bad = await post({ to: 42 });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'invalid_payload' });
  });

  it('posts a reply given as parts (HTML only here) and holds one whose SPF failed', async () => {
    const { a, conversationId, mail } = await emailedReply();
    const to = mail.replyTo!.value[0]!.address!;
    const ok = await post({
      from: 'ana@example.test',
      to,
      subject: 'Re',
      html: '<p>Via the <i>provider</i></p>',
      spf: 'pass',
      dkim: 'pass',
    });
    expect(ok.status).toBe(202);
    expect(await ok.json()).toMatchObject({ status: 'posted' });
    expect((await messagesOf(a, conversationId)).at(-1)?.text).toBe('Via the provider');

    const forged = await post({ from: 'ana@example.test', to, text: 'Trust me', spf: 'fail', dkim: 'none' });
    expect(await forged.json()).toMatchObject({ status: 'held', reason: 'auth_failed' });
    expect((await messagesOf(a, conversationId)).at(-1)?.text).toBe('Via the provider');
  });

  it('posts a reply given as the raw message', async () => {
    const { a, conversationId, mail } = await emailedReply();
    const to = mail.replyTo!.value[0]!.address!;
    const res = await post({ to, raw: answer(mail, { text: 'Raw and well' }), spf: 'pass' });
    expect(await res.json()).toMatchObject({ status: 'posted' });
    expect((await messagesOf(a, conversationId)).at(-1)?.text).toBe('Raw and well');
  });
});
