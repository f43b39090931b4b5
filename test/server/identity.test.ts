import { createHmac } from 'node:crypto';
import { nanoid } from 'nanoid';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../protocol/types';
import { agent, nextEvent, signInCookie, useServer, visitor, type AgentSocket, type VisitorSocket } from '../helpers/server';
import { agentWith, inviteAndAccept } from '../helpers/team';

const t = useServer();

/** What the site's backend does: the hex HMAC-SHA256 of the user id with the site's secret. */
const sign = (secret: string, id: string) => createHmac('sha256', secret).update(id).digest('hex');

async function secretOf(a: AgentSocket, siteId = 'demo'): Promise<string> {
  const res = await a.emitWithAck('site:identity', { siteId });
  if (!res.ok) throw new Error(`${res.code}: ${res.message}`);
  return res.data.secret;
}

async function send(socket: VisitorSocket | AgentSocket, conversationId: string | null, text: string): Promise<Message> {
  const res = await (socket as VisitorSocket).emitWithAck('message:send', { id: nanoid(), conversationId, text });
  if (!res.ok) throw new Error(`${res.code}: ${res.message}`);
  return res.data;
}

async function browser() {
  const v = await visitor(t.server.url);
  t.track(v.socket);
  return v;
}

describe('verified identity', () => {
  it("merges two browsers identified with a good hash: the second sees the first one's history and hears new messages", async () => {
    const a = t.track(await agent(t.server.url));
    const secret = await secretOf(a);
    const laptop = await browser();
    const first = await laptop.socket.emitWithAck('visitor:identify', {
      id: 'user-42',
      email: 'ana@example.test',
      name: 'Ana',
      hash: sign(secret, 'user-42'),
    });
    expect(first).toEqual({ ok: true, data: { name: 'Ana', email: 'ana@example.test', verified: true, merged: false } });
    const asked = await send(laptop.socket, null, 'Where is my parcel?');
    await send(a, asked.conversationId, 'Let me look.');

    const phone = await browser();
    expect(phone.hello.conversation).toBeNull();
    const second = await phone.socket.emitWithAck('visitor:identify', { id: 'user-42', hash: sign(secret, 'user-42') });
    expect(second).toMatchObject({ ok: true, data: { verified: true, merged: true, email: null } });
    // The widget reconnects after a merge; its hello now brings the person's conversation.
    const again = await phone.socket.emitWithAck('visitor:hello', { page: { url: 'http://shop.test/', title: 'Shop' } });
    expect(again).toMatchObject({ ok: true, data: { conversation: { id: asked.conversationId, lastSeq: 2 } } });
    const history = await phone.socket.emitWithAck('message:list', { conversationId: asked.conversationId, after: 0 });
    expect(history.ok && history.data.messages.map((m) => m.text)).toEqual(['Where is my parcel?', 'Let me look.']);

    // New messages reach both browsers, whichever writes.
    const onLaptop = nextEvent<Message>(laptop.socket, 'message:new', (m) => m.text === 'Found it.');
    const onPhone = nextEvent<Message>(phone.socket, 'message:new', (m) => m.text === 'Found it.');
    await send(a, asked.conversationId, 'Found it.');
    expect((await onLaptop).seq).toBe(3);
    expect((await onPhone).seq).toBe(3);
    const fromPhone = nextEvent<Message>(laptop.socket, 'message:new', (m) => m.text === 'Thanks!');
    expect((await send(phone.socket, asked.conversationId, 'Thanks!')).conversationId).toBe(asked.conversationId);
    expect((await fromPhone).seq).toBe(4);

    // A browser that comes back later is in the person's rooms from its connection on.
    phone.socket.disconnect();
    const back = await visitor(t.server.url, { token: phone.token });
    t.track(back.socket);
    expect(back.hello.conversation?.id).toBe(asked.conversationId);
    const heard = nextEvent<Message>(back.socket, 'message:new', (m) => m.text === 'Anything else?');
    await send(a, asked.conversationId, 'Anything else?');
    expect((await heard).seq).toBe(5);

    // The console shows both browsers as the same verified person.
    const detail = await a.emitWithAck('conversation:get', { conversationId: asked.conversationId });
    expect(detail).toMatchObject({
      ok: true,
      data: { visitor: { identity: 'verified', externalId: 'user-42', email: 'ana@example.test', name: 'Ana' } },
    });
    // The person's other conversations, from either browser, are listed beside each one.
    const other = await send(back.socket, null, 'A new question from the phone');
    expect(other.conversationId).not.toBe(asked.conversationId);
    const fromPhoneSide = await a.emitWithAck('conversation:get', { conversationId: other.conversationId });
    expect(fromPhoneSide.ok && fromPhoneSide.data.history.map((h) => h.id)).toEqual([asked.conversationId]);
  });

  it('refuses a bad hash with bad_identity_hash, merges nothing and reveals no history', async () => {
    const a = t.track(await agent(t.server.url));
    const secret = await secretOf(a);
    const owner = await browser();
    await owner.socket.emitWithAck('visitor:identify', { id: 'user-7', hash: sign(secret, 'user-7') });
    const theirs = await send(owner.socket, null, 'My private order 1234');

    const intruder = await browser();
    for (const hash of [sign('a guessed secret', 'user-7'), sign(secret, 'user-8'), 'not hex at all']) {
      const res = await intruder.socket.emitWithAck('visitor:identify', { id: 'user-7', email: 'ana@example.test', hash });
      expect(res).toMatchObject({ ok: false, code: 'bad_identity_hash', field: 'hash' });
    }
    const hello = await intruder.socket.emitWithAck('visitor:hello', { page: { url: 'http://shop.test/', title: 'Shop' } });
    expect(hello).toMatchObject({ ok: true, data: { conversation: null, email: null } });
    expect(await intruder.socket.emitWithAck('message:list', { conversationId: theirs.conversationId, after: 0 })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });

  it('keeps an identify without a hash as claimed: never merged, no history, shown as claimed', async () => {
    const a = t.track(await agent(t.server.url));
    const secret = await secretOf(a);
    const owner = await browser();
    await owner.socket.emitWithAck('visitor:identify', { id: 'user-9', email: 'bo@example.test', hash: sign(secret, 'user-9') });
    const theirs = await send(owner.socket, null, 'Secret question');

    const claimer = await browser();
    const res = await claimer.socket.emitWithAck('visitor:identify', { id: 'user-9', email: 'bo@example.test', name: 'Bo' });
    expect(res).toEqual({ ok: true, data: { name: 'Bo', email: 'bo@example.test', verified: false, merged: false } });
    const hello = await claimer.socket.emitWithAck('visitor:hello', { page: { url: 'http://shop.test/', title: 'Shop' } });
    expect(hello).toMatchObject({ ok: true, data: { conversation: null } });
    expect(await claimer.socket.emitWithAck('message:list', { conversationId: theirs.conversationId, after: 0 })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    const mine = await send(claimer.socket, null, 'Hello');
    expect(mine.conversationId).not.toBe(theirs.conversationId);
    const detail = await a.emitWithAck('conversation:get', { conversationId: mine.conversationId });
    expect(detail).toMatchObject({
      ok: true,
      data: { visitor: { identity: 'claimed', externalId: 'user-9', contactId: null, email: 'bo@example.test' } },
    });
  });

  it('keeps the id claimed without a hash on the visitor: another tab of the browser learns it at hello, verified only with the hash', async () => {
    const a = t.track(await agent(t.server.url));
    const secret = await secretOf(a);
    const first = await browser();
    expect(first.hello.identity).toBeNull();
    expect((await first.socket.emitWithAck('visitor:identify', { id: 'user-7', name: 'Ana' })).ok).toBe(true);
    const second = await visitor(t.server.url, { token: first.token });
    t.track(second.socket);
    expect(second.hello).toMatchObject({ visitorId: first.hello.visitorId, name: 'Ana', identity: { id: 'user-7', verified: false } });
    // Claimed: merged into no one.
    const c = await send(second.socket, null, 'Hi');
    const detail = await a.emitWithAck('conversation:get', { conversationId: c.conversationId });
    expect(detail).toMatchObject({ ok: true, data: { visitor: { identity: 'claimed', externalId: 'user-7', contactId: null } } });

    expect((await first.socket.emitWithAck('visitor:identify', { id: 'user-7', hash: sign(secret, 'user-7') })).ok).toBe(true);
    const third = await visitor(t.server.url, { token: first.token });
    t.track(third.socket);
    expect(third.hello.identity).toEqual({ id: 'user-7', verified: true });
  });

  it('refuses identify without a valid hash when the site requires verification', async () => {
    const a = t.track(await agent(t.server.url));
    const secret = await secretOf(a);
    expect(await a.emitWithAck('site:identity:update', { siteId: 'demo', requireVerification: true })).toMatchObject({
      ok: true,
      data: { requireVerification: true, secret },
    });
    const v = await browser();
    expect(await v.socket.emitWithAck('visitor:identify', { name: 'Cy', email: 'cy@example.test' })).toMatchObject({
      ok: false,
      code: 'identity_required',
    });
    // The address a visitor types for an emailed answer is still taken, as a claim.
    expect(await v.socket.emitWithAck('visitor:identify', { email: 'cy@example.test' })).toMatchObject({
      ok: true,
      data: { verified: false },
    });
    expect(await v.socket.emitWithAck('visitor:identify', { id: 'u1', email: 'cy@example.test' })).toMatchObject({
      ok: false,
      code: 'identity_required',
    });
    expect(await v.socket.emitWithAck('visitor:identify', { id: 'u1', hash: sign(secret, 'u2') })).toMatchObject({
      ok: false,
      code: 'bad_identity_hash',
    });
    expect(await v.socket.emitWithAck('visitor:identify', { id: 'u1', hash: sign(secret, 'u1') })).toMatchObject({
      ok: true,
      data: { verified: true },
    });
  });

  it('shows the secret to admins only, and never in what sites or widgets get', async () => {
    const admin = await signInCookie(t.server.url);
    const a = t.track(await agentWith(t.server.url, admin));
    const secret = await secretOf(a);
    expect(secret).toMatch(/^esid_/);
    const petra = await inviteAndAccept(t.server.url, admin, 'petra@test.local', 'agent');
    const p = t.track(await agentWith(t.server.url, petra.cookie));
    expect(await p.emitWithAck('site:identity', { siteId: 'demo' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await p.emitWithAck('site:identity:rotate', { siteId: 'demo' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await p.emitWithAck('site:identity:update', { siteId: 'demo', requireVerification: true })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const sites = await p.emitWithAck('site:list', {});
    expect(JSON.stringify(sites)).not.toContain(secret);
    const v = await browser();
    expect(JSON.stringify(v.hello)).not.toContain(secret);
    expect(await a.emitWithAck('site:identity', { siteId: 'nope' })).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('refuses hashes made with the old secret once it is rotated', async () => {
    const a = t.track(await agent(t.server.url));
    const old = await secretOf(a);
    const rotated = await a.emitWithAck('site:identity:rotate', { siteId: 'demo' });
    if (!rotated.ok) throw new Error(rotated.message);
    expect(rotated.data.secret).not.toBe(old);
    expect(await secretOf(a)).toBe(rotated.data.secret);
    const v = await browser();
    expect(await v.socket.emitWithAck('visitor:identify', { id: 'u5', hash: sign(old, 'u5') })).toMatchObject({
      ok: false,
      code: 'bad_identity_hash',
    });
    expect(await v.socket.emitWithAck('visitor:identify', { id: 'u5', hash: sign(rotated.data.secret, 'u5') })).toMatchObject({
      ok: true,
      data: { verified: true },
    });
  });

  it('does not let a browser verified as one user become another', async () => {
    const a = t.track(await agent(t.server.url));
    const secret = await secretOf(a);
    const v = await browser();
    await v.socket.emitWithAck('visitor:identify', { id: 'first', hash: sign(secret, 'first') });
    expect(await v.socket.emitWithAck('visitor:identify', { id: 'second', hash: sign(secret, 'second') })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await v.socket.emitWithAck('visitor:identify', { id: 'first', hash: sign(secret, 'first'), name: 'Dee' })).toMatchObject({
      ok: true,
      data: { verified: true, merged: false, name: 'Dee' },
    });
  });
});
