import { describe, expect, it } from 'vitest';
import { nanoid } from 'nanoid';
import { defaultHours } from '../../server/domain/hours';
import { DEFAULT_SITE_OPTIONS } from '../../server/domain/site-options';
import { agent, connected, connectError, oneShotSocket, signInCookie, visitor, useServer } from '../helpers/server';

const t = useServer();

async function twoVisitors() {
  const a = await visitor(t.server.url);
  const b = await visitor(t.server.url);
  t.sockets.push(a.socket, b.socket);
  const aMsg = await a.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'A here' });
  const bMsg = await b.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'B secret' });
  if (!aMsg.ok || !bMsg.ok) throw new Error('send failed');
  return { a, b, aMsg: aMsg.data, bMsg: bMsg.data };
}

describe('visitor isolation', () => {
  it("refuses to list, post to, type in or mark read another visitor's conversation", async () => {
    const { a, bMsg } = await twoVisitors();
    const id = bMsg.conversationId;
    const attempts = [
      await a.socket.emitWithAck('message:list', { conversationId: id, after: 0 }),
      await a.socket.emitWithAck('message:send', { id: nanoid(), conversationId: id, text: 'let me in' }),
      await a.socket.emitWithAck('typing:set', { conversationId: id, typing: true }),
      await a.socket.emitWithAck('conversation:read', { conversationId: id, seq: 1 }),
    ];
    for (const res of attempts) expect(res).toMatchObject({ ok: false, code: 'not_found' });
  });

  it("never answers a reused message id with another visitor's message", async () => {
    const { a, bMsg } = await twoVisitors();
    const res = await a.socket.emitWithAck('message:send', { id: bMsg.id, conversationId: null, text: 'give me B' });
    expect(res).toMatchObject({ ok: false, code: 'duplicate_id' });
    expect(JSON.stringify(res)).not.toContain('B secret');
  });

  it("does not deliver one visitor's messages to another visitor's socket", async () => {
    const { a, b } = await twoVisitors();
    const seen: string[] = [];
    a.socket.on('message:new', (m) => seen.push(m.text));
    await b.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'B again' });
    await a.socket.emitWithAck('visitor:page', { url: 'http://x.test/', title: 'x' });
    expect(seen).toEqual([]);
  });
});

describe('bad input', () => {
  it('limits how often one visitor may send the updates that reach every agent', async () => {
    const v = await visitor(t.server.url);
    t.sockets.push(v.socket);
    const codes = new Set<string>();
    for (let i = 0; i < 61; i++) {
      const r = await v.socket.emitWithAck('typing:set', { conversationId: 'nope', typing: i % 2 === 0 });
      codes.add(r.ok ? 'ok' : r.code);
    }
    expect([...codes]).toEqual(['not_found', 'rate_limited']);
    const page = await v.socket.emitWithAck('visitor:page', { url: 'http://shop.test/', title: 'Shop' });
    expect(page).toMatchObject({ ok: false, code: 'rate_limited' });
  });

  const hundredKb = 'x'.repeat(100 * 1024);
  const cases: [string, string, unknown, string][] = [
    ['text of the wrong type', 'message:send', { id: 'abc', conversationId: null, text: 42 }, 'invalid_payload'],
    ['a missing text', 'message:send', { id: 'abc', conversationId: null }, 'invalid_payload'],
    ['a missing id', 'message:send', { conversationId: null, text: 'hi' }, 'invalid_payload'],
    ['an id with odd characters', 'message:send', { id: '../../etc', conversationId: null, text: 'hi' }, 'invalid_payload'],
    ['blank text', 'message:send', { id: 'abc', conversationId: null, text: '   ' }, 'invalid_payload'],
    ['100 KB of text', 'message:send', { id: 'abc', conversationId: null, text: hundredKb }, 'too_long'],
    ['an unknown conversation', 'message:send', { id: 'abc', conversationId: 'nope', text: 'hi' }, 'not_found'],
    ['no payload at all', 'message:list', undefined, 'invalid_payload'],
    ['a string payload', 'message:list', 'conversation', 'invalid_payload'],
    ['a negative seq', 'message:list', { conversationId: 'x', after: -1 }, 'invalid_payload'],
    ['an unknown conversation to list', 'message:list', { conversationId: 'nope', after: 0 }, 'not_found'],
    ['typing that is not boolean', 'typing:set', { conversationId: 'x', typing: 'yes' }, 'invalid_payload'],
    ['a malformed email', 'visitor:identify', { email: 'not-an-email' }, 'invalid_payload'],
    ['a page without url', 'visitor:page', { title: 'x' }, 'invalid_payload'],
  ];
  it.each(cases)('answers %s with a clear ack error and keeps serving', async (_name, event, payload, code) => {
    const v = await visitor(t.server.url);
    t.sockets.push(v.socket);
    const emit = v.socket.emitWithAck as (ev: string, ...args: unknown[]) => Promise<unknown>;
    const res = (payload === undefined ? await emit.call(v.socket, event) : await emit.call(v.socket, event, payload)) as {
      ok: boolean;
      code: string;
      message: string;
    };
    expect(res).toMatchObject({ ok: false, code });
    expect(res.message.length).toBeGreaterThan(5);
    const ok = await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'still works' });
    expect(ok.ok).toBe(true);
  });

  it('refuses a bad visitor token at connection with a bad_token error', async () => {
    const socket = oneShotSocket(t.server.url, 'visitor', { auth: { siteId: 'demo', token: 'forged-token' } });
    t.sockets.push(socket);
    const err = await connectError(socket);
    expect(err.data?.code).toBe('bad_token');
  });

  it('refuses an unknown site', async () => {
    const socket = oneShotSocket(t.server.url, 'visitor', { auth: { siteId: 'nope' } });
    t.sockets.push(socket);
    expect((await connectError(socket)).data?.code).toBe('unknown_site');
  });

  it('refuses visitor sockets from an origin the site does not allow, and accepts its own origin', async () => {
    const foreign = oneShotSocket(t.server.url, 'visitor', { auth: { siteId: 'demo' }, headers: { origin: 'https://evil.test' } });
    t.sockets.push(foreign);
    const err = await connectError(foreign);
    expect(err.data?.code).toBe('origin_not_allowed');
    expect(err.message).toContain('https://evil.test');
    const own = await visitor(t.server.url, { origin: t.server.url });
    t.sockets.push(own.socket);
    expect(own.hello.site.id).toBe('demo');
  });

  it('disconnects open widgets of an origin the admin no longer allows, and keeps the others', async () => {
    const a = await agent(t.server.url);
    t.sockets.push(a);
    const sites = await a.emitWithAck('site:list', {});
    const origins = sites.ok ? sites.data[0]!.allowedOrigins : [];
    expect((await a.emitWithAck('site:update', { siteId: 'demo', allowedOrigins: [...origins, 'https://shop.example'] })).ok).toBe(true);
    const shop = await visitor(t.server.url, { origin: 'https://shop.example' });
    t.sockets.push(shop.socket);
    const own = await visitor(t.server.url, { origin: t.server.url });
    t.sockets.push(own.socket);
    const dropped = new Promise<string>((resolve) => shop.socket.once('disconnect', resolve));
    expect((await a.emitWithAck('site:update', { siteId: 'demo', allowedOrigins: origins })).ok).toBe(true);
    expect(await dropped).toBe('io server disconnect');
    expect(own.socket.connected).toBe(true);
    shop.socket.connect();
    expect((await connectError(shop.socket)).data?.code).toBe('origin_not_allowed');
  });

  it('refuses agent sockets without a session', async () => {
    const socket = oneShotSocket(t.server.url, 'agent');
    t.sockets.push(socket);
    expect((await connectError(socket)).data?.code).toBe('unauthorized');
  });

  it('closes the console sockets of a session when it signs out, and they cannot come back', async () => {
    const cookie = await signInCookie(t.server.url);
    const socket = oneShotSocket(t.server.url, 'agent', { headers: { cookie } });
    t.sockets.push(socket);
    await connected(socket);
    const other = await agent(t.server.url); // another sign-in stays
    t.sockets.push(other);
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    expect((await fetch(`${t.server.url}/api/auth/logout`, { method: 'POST', headers: { cookie } })).status).toBe(200);
    expect(await closed).toBe('io server disconnect');
    socket.connect();
    expect((await connectError(socket)).data?.code).toBe('unauthorized');
    expect(other.connected).toBe(true);
    expect(await other.emitWithAck('agent:presence', {})).toMatchObject({ ok: true });
  });

  it('answers a malformed session cookie with 401, not a server error', async () => {
    const res = await fetch(`${t.server.url}/api/auth/me`, { headers: { cookie: 'earshot_session=%E0%A4%A' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, code: 'unauthorized' });
  });

  it('refuses agent sockets opened from another site even with a session cookie', async () => {
    const a = await agent(t.server.url);
    a.disconnect();
    const res = await fetch(`${t.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@test.local', password: 'correct horse battery' }),
    });
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const socket = oneShotSocket(t.server.url, 'agent', { headers: { cookie, origin: 'https://evil.test' } });
    t.sockets.push(socket);
    expect((await connectError(socket)).data?.code).toBe('origin_not_allowed');
  });

  it('answers an event it does not know, such as an agent event on a visitor socket, with unknown_event', async () => {
    const v = await visitor(t.server.url);
    t.sockets.push(v.socket);
    const emit = v.socket.emitWithAck.bind(v.socket) as unknown as (event: string, payload: unknown) => Promise<unknown>;
    const res = await emit('conversation:list', {});
    expect(res).toMatchObject({ ok: false, code: 'unknown_event' });
  });
});

describe('visitor tokens', () => {
  it('issues a token of at least 128 random bits that is unrelated to the visitor id', async () => {
    const v = await visitor(t.server.url);
    t.sockets.push(v.socket);
    expect(Buffer.from(v.token, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(v.token).not.toContain(v.hello.visitorId);
    const again = await visitor(t.server.url, { token: v.token });
    t.sockets.push(again.socket);
    expect(again.hello.visitorId).toBe(v.hello.visitorId);
    expect(again.hello.token).toBeNull();
  });

  it('does not accept a token from one site on another', async () => {
    await t.server.store.upsertSite({
      id: 'other',
      name: 'Other',
      greeting: 'Hi',
      color: '#000',
      allowedOrigins: [],
      hours: defaultHours('UTC'),
      options: DEFAULT_SITE_OPTIONS,
      createdAt: new Date().toISOString(),
    });
    const v = await visitor(t.server.url);
    t.sockets.push(v.socket);
    const socket = oneShotSocket(t.server.url, 'visitor', { auth: { siteId: 'other', token: v.token } });
    t.sockets.push(socket);
    expect((await connectError(socket)).data?.code).toBe('bad_token');
  });
});

describe('events without an acknowledgement', () => {
  it('does nothing with an event sent without an ack, and goes on answering the next', async () => {
    const { socket } = await visitor(t.server.url);
    t.sockets.push(socket);
    // Every client event must carry an ack; one without is dropped, not stored unanswered.
    (socket.emit as (event: string, payload: unknown) => unknown)('message:send', {
      id: 'sent-without-an-ack-1',
      conversationId: null,
      text: 'No ack',
    });
    const next = await socket.emitWithAck('message:send', { id: 'sent-with-an-ack-0001', conversationId: null, text: 'With ack' });
    expect(next).toMatchObject({ ok: true, data: { text: 'With ack' } });
    expect(await t.server.store.getMessage('sent-without-an-ack-1')).toBeNull();
    expect(socket.connected).toBe(true);
  });
});
