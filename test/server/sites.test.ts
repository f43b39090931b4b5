import { nanoid } from 'nanoid';
import { describe, expect, it } from 'vitest';
import type { SiteHoursState, SiteSettings } from '../../protocol/types';
import { WEEKDAYS } from '../../protocol/types';
import { STORE } from '../helpers/stores';
import { addAgent } from '../helpers/team';
import {
  agent,
  connectError,
  nextEvent,
  oneShotSocket,
  startTestServer,
  tempDataDir,
  visitor,
  type AgentSocket,
  useServer,
} from '../helpers/server';

const t = useServer();

async function admin(): Promise<AgentSocket> {
  const a = await agent(t.server.url);
  t.sockets.push(a);
  return a;
}
async function plainAgent(): Promise<AgentSocket> {
  return t.track(await agent(t.server.url, await addAgent(t.server)));
}
async function visitorOf(siteId: string) {
  const v = await visitor(t.server.url, { siteId });
  t.sockets.push(v.socket);
  return v;
}
const page = { url: 'http://shop.test/', title: 'Shop' };

describe('creating sites', () => {
  it('creates a site an open widget can use at once: status and hello answer for its data-site', async () => {
    const a = await admin();
    const watcher = await admin();
    const heard = nextEvent<SiteSettings>(watcher, 'site:created');
    const r = await a.emitWithAck('site:create', { id: 'myshop', name: 'My shop', color: '#aa3300' });
    expect(r).toMatchObject({
      ok: true,
      data: {
        id: 'myshop',
        name: 'My shop',
        color: '#aa3300',
        hoursEnabled: false,
        allowedOrigins: [],
        channels: { chat: true, callback: true, feedback: true },
      },
    });
    expect((await heard).id).toBe('myshop');
    const status = await fetch(`${t.server.url}/api/sites/myshop/status`);
    expect(status.status).toBe(200);
    // Presence-driven: an admin online means it is open, whatever the clock says.
    expect((await status.json()).data).toMatchObject({ openNow: true });
    const v = await visitorOf('myshop');
    expect(v.hello.site).toMatchObject({ id: 'myshop', name: 'My shop' });
  });

  it.each([
    ['a taken id', 'site_exists', 'id', { id: 'demo', name: 'Again' }],
    ['an id with upper case', 'invalid_payload', 'id', { id: 'MyShop' }],
    ['an id with a space', 'invalid_payload', 'id', { id: 'my shop' }],
    ['an id with a leading dash', 'invalid_payload', 'id', { id: '-shop' }],
    ['an id of more than 40 characters', 'invalid_payload', 'id', { id: 'a'.repeat(41) }],
    ['an empty id', 'invalid_payload', 'id', { id: '' }],
    ['an id with a slash', 'invalid_payload', 'id', { id: 'shop/1' }],
    ['a bad colour on a new site', 'invalid_payload', 'color', { id: 'shop', color: 'red' }],
  ])('refuses %s as %s naming the %s field, and changes no site', async (_, code, field, site) => {
    const a = await admin();
    const before = await t.server.store.listSites();
    expect(await a.emitWithAck('site:create', site)).toMatchObject({ ok: false, code, field });
    expect(await t.server.store.listSites()).toEqual(before);
  });

  it('refuses to create, rename or delete sites for an agent who is not an admin', async () => {
    const petr = await plainAgent();
    expect(await petr.emitWithAck('site:create', { id: 'shop' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await petr.emitWithAck('site:update', { siteId: 'demo', name: 'Mine' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await petr.emitWithAck('site:contents', { siteId: 'demo' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await petr.emitWithAck('site:delete', { siteId: 'demo' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await t.server.store.listSites()).toHaveLength(1);
    expect((await petr.emitWithAck('site:list', {})).ok).toBe(true);
  });
});

describe('the install snippet', () => {
  it('tells consoles the public URL snippets start with, when PUBLIC_URL is set', async () => {
    await t.server.close();
    t.server = await startTestServer(t.data.dir, 0, { PUBLIC_URL: 'https://chat.example.com' });
    expect(await (await admin()).emitWithAck('server:status', {})).toMatchObject({
      ok: true,
      data: { publicUrl: 'https://chat.example.com' },
    });
  });
});

describe('renaming sites', () => {
  it('renames a site and tells consoles and its open widgets live', async () => {
    const a = await admin();
    const v = await visitorOf('demo');
    const widget = nextEvent<{ name: string }>(v.socket, 'site:settings');
    const console2 = nextEvent<SiteSettings>(await admin(), 'site:updated');
    expect(await a.emitWithAck('site:update', { siteId: 'demo', name: 'Corner shop', color: '#112233' })).toMatchObject({
      ok: true,
      data: { name: 'Corner shop' },
    });
    expect((await widget).name).toBe('Corner shop');
    expect(await console2).toMatchObject({ name: 'Corner shop', color: '#112233' });
  });

  it('answers not_found for a site that does not exist', async () => {
    const a = await admin();
    expect(await a.emitWithAck('site:update', { siteId: 'nope', name: 'X' })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await a.emitWithAck('site:contents', { siteId: 'nope' })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await a.emitWithAck('site:delete', { siteId: 'nope' })).toMatchObject({ ok: false, code: 'not_found' });
  });
});

describe('deleting sites', () => {
  it('counts what goes with a site, deletes all of it, disconnects its widgets and refuses them after', async () => {
    const a = await admin();
    expect((await a.emitWithAck('site:create', { id: 'shop' })).ok).toBe(true);
    const v = await visitorOf('shop');
    expect((await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'Hello shop' })).ok).toBe(true);
    expect((await v.socket.emitWithAck('callback:request', { phone: '602 123 456', country: 'CZ', when: { asap: true }, page })).ok).toBe(
      true,
    );
    const fb = await v.socket.emitWithAck('feedback:send', {
      rating: 5,
      category: 'praise',
      text: 'Nice',
      contact: { mode: 'anonymous' },
      page,
    });
    expect(fb.ok).toBe(true);
    // The demo site's visitor and chat stay.
    const other = await visitorOf('demo');
    expect((await other.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'Hello demo' })).ok).toBe(true);

    expect(await a.emitWithAck('site:contents', { siteId: 'shop' })).toEqual({
      ok: true,
      data: { conversations: 1, callbacks: 1, feedback: 1, visitors: 1 },
    });
    const gone = new Promise<string>((resolve) => v.socket.once('disconnect', resolve));
    const heard = nextEvent<{ siteId: string }>(await admin(), 'site:deleted');
    expect(await a.emitWithAck('site:delete', { siteId: 'shop' })).toEqual({
      ok: true,
      data: { conversations: 1, callbacks: 1, feedback: 1, visitors: 1 },
    });
    expect(await gone).toBe('io server disconnect');
    expect(await heard).toEqual({ siteId: 'shop' });

    expect(await t.server.store.getSite('shop')).toBeNull();
    expect(await t.server.store.getVisitor(v.hello.visitorId)).toBeNull();
    expect(await t.server.store.listCallbacks(false, 100)).toEqual([]);
    expect(await t.server.store.listFeedback({}, 100)).toEqual([]);
    expect((await t.server.store.listSummaries({ limit: 100 })).map((c) => c.siteId)).toEqual(['demo']);
    expect(await t.server.store.getVisitor(other.hello.visitorId)).not.toBeNull();
    const widget = t.track(oneShotSocket(t.server.url, 'visitor', { auth: { siteId: 'shop' } }));
    expect((await connectError(widget)).data?.code).toBe('unknown_site');
    expect((await fetch(`${t.server.url}/api/sites/shop/status`)).status).toBe(404);
  });

  it('refuses to delete the last site', async () => {
    const a = await admin();
    expect(await a.emitWithAck('site:delete', { siteId: 'demo' })).toMatchObject({ ok: false, code: 'last_site' });
    expect(await t.server.store.getSite('demo')).not.toBeNull();
  });
});

describe('lists by site', () => {
  it('filters the inbox, the callback queue and feedback by site', async () => {
    const a = await admin();
    expect((await a.emitWithAck('site:create', { id: 'shop' })).ok).toBe(true);
    for (const siteId of ['demo', 'shop']) {
      const v = await visitorOf(siteId);
      expect((await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: `on ${siteId}` })).ok).toBe(true);
      expect((await v.socket.emitWithAck('callback:request', { phone: '602 123 456', country: 'CZ', when: { asap: true }, page })).ok).toBe(
        true,
      );
      expect(
        (await v.socket.emitWithAck('feedback:send', { rating: 4, category: 'idea', text: siteId, contact: { mode: 'anonymous' }, page }))
          .ok,
      ).toBe(true);
    }
    const sitesOf = (r: { ok: boolean; data?: { siteId: string }[] }) => (r.ok ? r.data!.map((x) => x.siteId) : r);
    expect(sitesOf(await a.emitWithAck('conversation:list', { siteId: 'shop' }))).toEqual(['shop']);
    expect(sitesOf(await a.emitWithAck('callback:list', { siteId: 'shop' }))).toEqual(['shop']);
    expect(sitesOf(await a.emitWithAck('feedback:list', { siteId: 'demo' }))).toEqual(['demo']);
    expect((sitesOf(await a.emitWithAck('conversation:list', {})) as string[]).sort()).toEqual(['demo', 'shop']);
  });
});

describe('opening hours in the console', () => {
  it('tells consoles a site is closed by its hours, and when it opens', async () => {
    const a = await admin();
    expect(await a.emitWithAck('site:hours', {})).toEqual({ ok: true, data: [{ siteId: 'demo', openNow: true, nextOpening: null }] });
    const closedAllWeek = Object.fromEntries(WEEKDAYS.map((d) => [d, []])) as unknown as SiteSettings['hours']['weekly'];
    const mondays = { ...closedAllWeek, mon: [{ from: '08:00', to: '09:00' }] };
    const heard = nextEvent<SiteHoursState[]>(a, 'site:hours', (s) => !s[0]!.openNow);
    const now = new Date();
    const openNow = now.getUTCDay() === 1 && now.getUTCHours() === 8;
    expect(
      (
        await a.emitWithAck('site:update', {
          siteId: 'demo',
          hoursEnabled: true,
          hours: { timezone: 'UTC', weekly: openNow ? closedAllWeek : mondays },
        })
      ).ok,
    ).toBe(true);
    const [state] = await heard;
    expect(state!.openNow).toBe(false);
    if (!openNow) expect(new Date(state!.nextOpening!).getUTCDay()).toBe(1);
  });
});

// An older SQLite file brought up to date; Postgres starts at a later schema.
describe.skipIf(STORE === 'postgres')('existing databases', () => {
  it('keeps opening hours on for sites that existed before they became optional', async () => {
    expect((await t.server.store.getSite('demo'))!.options.hoursEnabled).toBe(false);
    const Database = (await import('better-sqlite3')).default;
    const { SQLITE_MIGRATIONS } = await import('../../server/store/migrations');
    // A database as the release before left it: every migration before the one that made hours
    // optional, and a site saved then (its settings know nothing of the switch).
    const before = SQLITE_MIGRATIONS.findIndex((m) => m.includes('hoursEnabled'));
    const old = tempDataDir();
    const db = new Database(`${old.dir}/earshot.sqlite`);
    for (const m of SQLITE_MIGRATIONS.slice(0, before)) db.exec(m);
    db.pragma(`user_version = ${before}`);
    db.prepare(`INSERT INTO sites (id, name, greeting, color, created_at) VALUES ('shop', 'Shop', 'Hi', '#000000', ?)`).run(
      new Date().toISOString(),
    );
    db.close();
    const upgraded = await startTestServer(old.dir);
    try {
      expect((await upgraded.store.getSite('shop'))!.options.hoursEnabled).toBe(true);
    } finally {
      await upgraded.close();
      old.remove();
    }
  });
});
