import { describe, expect, it } from 'vitest';
import { nanoid } from 'nanoid';
import { makeToken, v1 } from '../helpers/rest-api';
import { agent, nextEvent, signInCookie, useServer, visitor } from '../helpers/server';

const t = useServer();

async function chat(text: string) {
  const v = await visitor(t.server.url);
  t.track(v.socket);
  const sent = await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text });
  if (!sent.ok) throw new Error(sent.message);
  return sent.data.conversationId;
}

describe('tags over the agent socket', () => {
  it('makes tags as they are named (trimmed, lower case, once), tells every console, and suggests the site’s tags', async () => {
    const a = t.track(await agent(t.server.url));
    const other = t.track(await agent(t.server.url));
    const c = await chat('Refund for order 12');
    const pushed = nextEvent(other, 'tags:updated');
    const set = await a.emitWithAck('tags:set', { kind: 'conversation', id: c, tags: ['  Billing ', 'VIP', 'billing', 'Zpět  peníze'] });
    expect(set).toEqual({ ok: true, data: ['billing', 'vip', 'zpět peníze'] });
    expect(await pushed).toEqual({ kind: 'conversation', id: c, tags: ['billing', 'vip', 'zpět peníze'] });
    expect(await a.emitWithAck('tags:of', { kind: 'conversation', ids: [c, 'none'] })).toEqual({
      ok: true,
      data: { [c]: ['billing', 'vip', 'zpět peníze'] },
    });
    expect(await a.emitWithAck('tags:site', { siteId: 'demo' })).toEqual({ ok: true, data: ['billing', 'vip', 'zpět peníze'] });
  });

  it('filters the inbox by tag', async () => {
    const a = t.track(await agent(t.server.url));
    const tagged = await chat('Tagged one');
    await chat('Plain one');
    await a.emitWithAck('tags:set', { kind: 'conversation', id: tagged, tags: ['vip'] });
    const rows = await a.emitWithAck('conversation:list', { tag: 'VIP' });
    expect(rows.ok && rows.data.map((r) => r.id)).toEqual([tagged]);
  });

  it('refuses a bad tag, too many tags and an unknown item with a clear error', async () => {
    const a = t.track(await agent(t.server.url));
    const c = await chat('Hello');
    expect(await a.emitWithAck('tags:set', { kind: 'conversation', id: c, tags: ['a,b'] })).toMatchObject({
      ok: false,
      code: 'invalid_payload',
      field: 'tags.0',
    });
    const many = Array.from({ length: 21 }, (_, i) => `t${i}`);
    expect(await a.emitWithAck('tags:set', { kind: 'conversation', id: c, tags: many })).toMatchObject({
      ok: false,
      code: 'too_long',
      field: 'tags',
    });
    expect(await a.emitWithAck('tags:set', { kind: 'feedback', id: 'nope', tags: ['x'] })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await a.emitWithAck('tags:set', { kind: 'visitor' as 'feedback', id: c, tags: [] })).toMatchObject({
      ok: false,
      code: 'invalid_payload',
      field: 'kind',
    });
  });
});

describe('tags over REST', () => {
  it('shows tags on conversations and filters the list by ?tag=', async () => {
    const a = t.track(await agent(t.server.url));
    const tagged = await chat('Tagged');
    const plain = await chat('Plain');
    await a.emitWithAck('tags:set', { kind: 'conversation', id: tagged, tags: ['vip', 'billing'] });
    const { secret } = await makeToken(t.server.url, await signInCookie(t.server.url));
    const one = await v1(t.server.url, `/conversations/${tagged}`, { token: secret });
    expect(one.body).toMatchObject({ id: tagged, tags: ['billing', 'vip'] });
    const list = await v1(t.server.url, '/conversations?tag=vip', { token: secret });
    expect(list.body.data.map((c: { id: string }) => c.id)).toEqual([tagged]);
    const all = await v1(t.server.url, '/conversations', { token: secret });
    expect(all.body.data.find((c: { id: string }) => c.id === plain).tags).toEqual([]);
  });
});

describe('tags over REST: writes and the other resources', () => {
  it('replaces tags with PUT (consoles told), shows them on callbacks and feedback, filters both, and refuses a bad tag as a problem', async () => {
    const a = t.track(await agent(t.server.url));
    const v = await visitor(t.server.url);
    t.track(v.socket);
    const fb = await v.socket.emitWithAck('feedback:send', {
      id: nanoid(),
      rating: 5,
      category: 'praise',
      text: 'Lovely',
      contact: { mode: 'anonymous' },
      page: { url: 'http://shop.test/', title: 'Shop' },
    });
    if (!fb.ok) throw new Error(fb.message);
    const cb = await v.socket.emitWithAck('callback:request', {
      phone: '+420 602 123 456',
      when: { asap: true },
      page: { url: 'http://shop.test/', title: 'Shop' },
    });
    if (!cb.ok) throw new Error(cb.message);
    const { secret } = await makeToken(t.server.url, await signInCookie(t.server.url));
    const pushed = nextEvent(a, 'tags:updated');
    const put = await v1(t.server.url, `/feedback/${fb.data.id}/tags`, { token: secret, method: 'PUT', body: { tags: ['Happy', 'team'] } });
    expect(put).toMatchObject({ status: 200, body: { tags: ['happy', 'team'] } });
    expect(await pushed).toEqual({ kind: 'feedback', id: fb.data.id, tags: ['happy', 'team'] });
    expect((await v1(t.server.url, `/feedback/${fb.data.id}`, { token: secret })).body.tags).toEqual(['happy', 'team']);
    expect((await v1(t.server.url, '/feedback?tag=happy', { token: secret })).body.data.map((f: { id: string }) => f.id)).toEqual([
      fb.data.id,
    ]);
    expect((await v1(t.server.url, '/feedback?tag=sad', { token: secret })).body.data).toEqual([]);

    await v1(t.server.url, `/callbacks/${cb.data.id}/tags`, { token: secret, method: 'PUT', body: { tags: ['urgent'] } });
    expect((await v1(t.server.url, `/callbacks/${cb.data.id}`, { token: secret })).body.tags).toEqual(['urgent']);
    expect((await v1(t.server.url, '/callbacks?tag=urgent', { token: secret })).body.data.map((c: { id: string }) => c.id)).toEqual([
      cb.data.id,
    ]);

    const bad = await v1(t.server.url, `/callbacks/${cb.data.id}/tags`, { token: secret, method: 'PUT', body: { tags: ['no,commas'] } });
    expect(bad).toMatchObject({ status: 400, body: { code: 'invalid_payload', field: 'tags.0' } });
    expect(bad.type).toContain('application/problem+json');
    const missing = await v1(t.server.url, '/conversations/nope/tags', { token: secret, method: 'PUT', body: { tags: [] } });
    expect(missing.status).toBe(404);
  });
});
