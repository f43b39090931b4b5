import { nanoid } from 'nanoid';
import { beforeEach, describe, expect, it } from 'vitest';
import { newSite } from '../../server/domain/sites';
import { makeToken, v1 } from '../helpers/rest-api';
import { signInCookie, useServer, visitor } from '../helpers/server';

const t = useServer();
let token: string;
beforeEach(async () => {
  token = (await makeToken(t.server.url, await signInCookie(t.server.url))).secret;
});

const ids = (r: { body: { data: { id: string }[] } }) => r.body.data.map((x) => x.id);

/** A connected visitor of `siteId`; their id. */
async function newVisitor(siteId = 'demo'): Promise<{ id: string; socket: Awaited<ReturnType<typeof visitor>>['socket'] }> {
  const v = await visitor(t.server.url, { siteId });
  t.track(v.socket);
  return { id: v.hello.visitorId, socket: v.socket };
}

describe('REST API: visitors', () => {
  it('pages through visitors, last seen first, each once, without their widget token', async () => {
    const made: string[] = [];
    for (let n = 0; n < 3; n++) made.push((await newVisitor()).id);
    const first = await v1(t.server.url, '/visitors?limit=2', { token });
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.data[0]).toMatchObject({ site_id: 'demo', language: 'cs-CZ', page_url: 'http://shop.test/pricing' });
    expect(JSON.stringify(first.body)).not.toMatch(/token/);
    const second = await v1(t.server.url, `/visitors?limit=2&cursor=${first.body.next_cursor}`, { token });
    expect(second.body.next_cursor).toBeNull();
    const all = [...first.body.data, ...second.body.data] as { id: string; last_seen_at: string }[];
    expect(all.map((v) => v.id).sort()).toEqual([...made].sort());
    const seen = all.map((v) => v.last_seen_at);
    expect(seen).toEqual([...seen].sort().reverse());
  });

  it('filters visitors by site and by the time they were last seen', async () => {
    await t.server.store.createSite(newSite('shop', { name: 'Shop', allowedOrigins: [] }, 'UTC'));
    const here = await newVisitor('demo');
    const there = await newVisitor('shop');
    expect(ids(await v1(t.server.url, '/visitors?site=shop', { token }))).toEqual([there.id]);
    expect(ids(await v1(t.server.url, '/visitors?site=demo', { token }))).toEqual([here.id]);
    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await v1(t.server.url, `/visitors?updated_since=${future}`, { token })).body.data).toEqual([]);
    expect(ids(await v1(t.server.url, '/visitors?updated_since=2020-01-01T00:00:00Z', { token })).sort()).toEqual(
      [here.id, there.id].sort(),
    );
  });

  it('refuses a bad filter or cursor with a problem naming it', async () => {
    const bad = await v1(t.server.url, '/visitors?updated_since=yesterday', { token });
    expect(bad).toMatchObject({ status: 400, body: { code: 'invalid_payload', field: 'updated_since' } });
    expect(bad.type).toMatch(/^application\/problem\+json/);
    expect((await v1(t.server.url, '/visitors?cursor=bm9wZQ', { token })).body).toMatchObject({ field: 'cursor' });
    expect((await v1(t.server.url, '/visitors?status=open', { token })).body).toMatchObject({ status: 400, field: 'status' });
  });
});

describe('REST API: the channel of conversations', () => {
  it('tells a chat from a message left while nobody was there, and filters by it', async () => {
    const chat = await newVisitor();
    const said = await chat.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'hello' });
    if (!said.ok) throw new Error(said.message);
    const away = await newVisitor();
    const left = await away.socket.emitWithAck('offline:send', {
      email: 'ivan@example.test',
      text: 'Call me back tomorrow',
      page: { url: 'http://shop.test/', title: 'Shop' },
    });
    if (!left.ok) throw new Error(left.message);
    expect(ids(await v1(t.server.url, '/conversations?channel=chat', { token }))).toEqual([said.data.conversationId]);
    const offline = await v1(t.server.url, '/conversations?channel=offline', { token });
    expect(offline.body.data).toEqual([expect.objectContaining({ id: left.data.conversationId, channel: 'offline' })]);
    expect((await v1(t.server.url, '/conversations?channel=email', { token })).body.data).toEqual([]);
    expect((await v1(t.server.url, `/conversations/${said.data.conversationId}`, { token })).body.channel).toBe('chat');
    const bad = await v1(t.server.url, '/conversations?channel=phone', { token });
    expect(bad).toMatchObject({ status: 400, body: { code: 'invalid_payload', field: 'channel', detail: expect.stringMatching(/chat/) } });
  });
});
