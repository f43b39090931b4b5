import { nanoid } from 'nanoid';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../server/domain/secrets';
import { agent, visitor, useServer } from '../helpers/server';

// Resume anywhere (issue 18): a single-use, expiring link in the emails moves a conversation to another browser.

const t = useServer({ smtp: true });

/** A visitor who chatted, gave an address and left; the agent's reply was emailed with a resume link. */
async function emailedLink() {
  const v = await visitor(t.server.url);
  const sent = await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'Is the blue one in stock?' });
  if (!sent.ok) throw new Error(sent.message);
  await v.socket.emitWithAck('visitor:identify', { email: 'ana@example.test' });
  v.socket.disconnect();
  const a = t.track(await agent(t.server.url));
  await a.emitWithAck('message:send', { id: nanoid(), conversationId: sent.data.conversationId, text: 'Yes, two left.' });
  const mail = (await t.smtp.waitFor(t.smtp.messages.length + 1)).at(-1)!;
  const link = /(http:\/\/shop\.test\/pricing#earshot-resume=([\w-]+))/.exec(mail.text ?? '');
  return { conversationId: sent.data.conversationId, link: link![1]!, token: link![2]! };
}

/** A fresh browser (no token) on the same site. */
const freshBrowser = () => visitor(t.server.url).then((v) => (t.track(v.socket), v));

describe('resume links', () => {
  it('the emailed link brings the conversation to a new browser, once', async () => {
    const { conversationId, token } = await emailedLink();
    const phone = await freshBrowser();
    expect(phone.hello.conversation).toBeNull();
    expect(await phone.socket.emitWithAck('visitor:resume', { token })).toEqual({ ok: true, data: { conversationId } });
    // After reconnecting (as the widget does) the hello brings it, with its messages, and the phone can write in it.
    const again = await visitor(t.server.url, { token: phone.token });
    t.track(again.socket);
    expect(again.hello.conversation?.id).toBe(conversationId);
    const page = await again.socket.emitWithAck('message:list', { conversationId, after: 0 });
    expect(page.ok && page.data.messages.map((m) => m.text)).toEqual(['Is the blue one in stock?', 'Yes, two left.']);
    const sent = await again.socket.emitWithAck('message:send', { id: nanoid(), conversationId, text: 'I will take one.' });
    expect(sent.ok).toBe(true);

    const thief = await freshBrowser();
    expect(await thief.socket.emitWithAck('visitor:resume', { token })).toMatchObject({ ok: false, code: 'link_used' });
    expect(await thief.socket.emitWithAck('message:list', { conversationId, after: 0 })).toMatchObject({ ok: false });
  });

  it('refuses a tampered link and an expired one, clearly', async () => {
    const { conversationId, token } = await emailedLink();
    const b = await freshBrowser();
    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    expect(await b.socket.emitWithAck('visitor:resume', { token: tampered })).toMatchObject({
      ok: false,
      code: 'bad_token',
      message: 'This link is not valid.',
    });
    expect(await b.socket.emitWithAck('visitor:resume', { token: 'short' })).toMatchObject({ ok: false, code: 'invalid_payload' });

    const c = (await t.server.store.getConversation(conversationId))!;
    const old = 'an-old-link-token-of-the-test-000000000';
    const past = new Date(Date.now() - 8 * 86_400_000).toISOString();
    await t.server.store.createResumeLink({
      tokenHash: hashToken(old),
      visitorId: c.visitorId,
      conversationId,
      createdAt: past,
      expiresAt: new Date(Date.now() - 1000).toISOString(),
      usedAt: null,
    });
    expect(await b.socket.emitWithAck('visitor:resume', { token: old })).toMatchObject({ ok: false, code: 'link_expired' });
    expect(b.socket.connected).toBe(true);
  });

  it('sends a link on request to a visitor who gave an address, and says why not to one who did not', async () => {
    const v = await freshBrowser();
    await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'Hello' });
    expect(await v.socket.emitWithAck('visitor:resumeLink', {})).toMatchObject({ ok: false, code: 'no_contact' });
    await v.socket.emitWithAck('visitor:identify', { email: 'ben@example.test' });
    expect(await v.socket.emitWithAck('visitor:resumeLink', {})).toEqual({ ok: true, data: { email: 'ben@example.test' } });
    const [mail] = await t.smtp.waitFor(1);
    expect(mail!.to).toMatchObject({ text: 'ben@example.test' });
    expect(mail!.subject).toBe('Pokračujte v konverzaci s Demo shop');
    expect(mail!.text).toMatch(/http:\/\/shop\.test\/pricing#earshot-resume=[\w-]{40,}/);
  });
});
