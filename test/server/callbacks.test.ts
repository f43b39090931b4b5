import { describe, expect, it } from 'vitest';
import type { CallbackItem, CallbackRequestInput, VisitorCallback } from '../../protocol/types';
import { DEFAULT_LIMITS } from '../../server/limits';
import { ADMIN, agent, nextEvent, startTestServer, visitor, type AgentSocket, useServer } from '../helpers/server';
import { callbackRow } from '../helpers/stores';
import { addAgent } from '../helpers/team';

const t = useServer({ smtp: true });

const page = { url: 'http://shop.test/contact', title: 'Contact' };
const asap = (phone: string, over: Partial<CallbackRequestInput> = {}): CallbackRequestInput => ({
  phone,
  country: 'CZ',
  when: { asap: true },
  page,
  ...over,
});

async function newVisitor() {
  const v = await visitor(t.server.url);
  t.sockets.push(v.socket);
  return v.socket;
}
async function newAgent(): Promise<AgentSocket> {
  const a = await agent(t.server.url);
  t.sockets.push(a);
  return a;
}

describe('call back requests', () => {
  it('stores a request in E.164, tells agents live and emails the admins', async () => {
    const a = await newAgent();
    const v = await newVisitor();
    const pushed = nextEvent<CallbackItem>(a, 'callback:updated');
    const res = await v.emitWithAck('callback:request', asap('602 123 456', { name: 'Ana', topic: 'Delivery' }));
    expect(res).toMatchObject({
      ok: true,
      data: { phone: '+420602123456', phoneDisplay: '+420 602 123 456', status: 'waiting', asap: true, name: 'Ana' },
    });
    expect(await pushed).toMatchObject({ phone: '+420602123456', visitorName: 'Ana', pageUrl: page.url, attempts: 0, claimedBy: null });
    const stored = await t.server.store.getCallback(res.ok ? res.data.id : '');
    expect((await t.server.store.getVisitor(stored!.visitorId!))?.name).toBe('Ana');
    const [mail] = await t.smtp.waitFor(1);
    expect(mail!.to).toMatchObject({ text: ADMIN.email });
    expect(mail!.text).toContain('+420 602 123 456');
  });

  it.each([
    ['two digits', '12'],
    ['letters', 'call me maybe'],
    ['a number valid nowhere', '+999 123 456 789'],
    ['a Czech number one digit short', '602 123 45'],
  ])('refuses %s with invalid_phone on the phone field and stores nothing', async (_name, phone) => {
    const v = await newVisitor();
    const res = await v.emitWithAck('callback:request', asap(phone));
    expect(res).toMatchObject({ ok: false, code: 'invalid_phone', field: 'phone' });
    expect((res as { message: string }).message.length).toBeGreaterThan(20);
    const a = await newAgent();
    expect(await a.emitWithAck('callback:list', { status: 'all' })).toEqual({ ok: true, data: [] });
  });

  // On Postgres the two requests interleave on the wire to the database; the store's one-step request
  // (backed by a partial unique index) is what keeps them one.
  it('makes one request when two tabs of one visitor ask for the same phone at the same moment', async () => {
    const first = await visitor(t.server.url);
    t.sockets.push(first.socket);
    const second = await visitor(t.server.url, { token: first.token });
    t.sockets.push(second.socket);
    const both = await Promise.all([
      first.socket.emitWithAck('callback:request', asap('602 123 456', { topic: 'From the first tab' })),
      second.socket.emitWithAck('callback:request', asap('602 123 456', { topic: 'From the second tab' })),
    ]);
    const ids = both.map((r) => (r.ok ? r.data.id : r.code));
    expect(ids[0]).toBe(ids[1]);
    const a = await newAgent();
    const list = await a.emitWithAck('callback:list', { status: 'all' });
    expect(list.ok && list.data.map((c) => c.id)).toEqual([ids[0]]);
  });

  it('updates the open request for the same phone instead of making a second one', async () => {
    const v = await newVisitor();
    const first = await v.emitWithAck('callback:request', asap('+420 602 123 456', { topic: 'First' }));
    const second = await v.emitWithAck('callback:request', asap('602123456', { topic: 'Second' }));
    expect(second.ok && first.ok && second.data.id).toBe(first.ok && first.data.id);
    const a = await newAgent();
    const list = await a.emitWithAck('callback:list', {});
    expect(list.ok && list.data.map((c) => c.topic)).toEqual(['Second']);
  });

  it('never lets another visitor giving the same number take over a request', async () => {
    const alice = await newVisitor();
    const mallory = await newVisitor();
    const mine = await alice.emitWithAck('callback:request', asap('+420 602 123 456', { name: 'Alice', topic: 'Order 1' }));
    const theirs = await mallory.emitWithAck('callback:request', asap('602123456', { name: 'Mallory', topic: 'Hijack' }));
    expect(mine.ok && theirs.ok).toBe(true);
    const aliceId = mine.ok ? mine.data.id : '';
    expect(theirs.ok && theirs.data.id).not.toBe(aliceId);
    expect(await alice.emitWithAck('callback:mine', {})).toMatchObject({
      ok: true,
      data: { id: aliceId, name: 'Alice', topic: 'Order 1' },
    });
    expect(await mallory.emitWithAck('callback:cancel', { callbackId: aliceId })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await alice.emitWithAck('callback:cancel', { callbackId: aliceId })).toMatchObject({ ok: true });
  });

  it('keys the per-IP limit on the visitor behind a reverse proxy on this machine, and spends nothing on a bad number', async () => {
    await t.server.close();
    t.server = await startTestServer(
      t.data.dir,
      0,
      { SMTP_URL: t.smtp.url },
      { limits: { ...DEFAULT_LIMITS, callbacksPerIp: { points: 1, duration: 3600 } } },
    );
    const behindProxy = async (ip: string) => {
      const v = await visitor(t.server.url, { headers: { 'x-forwarded-for': ip } });
      t.sockets.push(v.socket);
      return v.socket;
    };
    const first = await behindProxy('203.0.113.7');
    expect(await first.emitWithAck('callback:request', asap('12'))).toMatchObject({ ok: false, code: 'invalid_phone' });
    expect(await first.emitWithAck('callback:request', asap('602 123 456'))).toMatchObject({ ok: true });
    expect(await first.emitWithAck('callback:request', asap('602 123 457'))).toMatchObject({ ok: false, code: 'rate_limited' });
    // Another visitor through the same proxy is not charged for the first one's requests.
    const second = await behindProxy('198.51.100.20');
    expect(await second.emitWithAck('callback:request', asap('602 123 458'))).toMatchObject({ ok: true });
  });

  it('does not believe X-Forwarded-For from an address TRUST_PROXY leaves out', async () => {
    await t.server.close();
    t.server = await startTestServer(
      t.data.dir,
      0,
      { SMTP_URL: t.smtp.url, TRUST_PROXY: '10.9.9.9' },
      { limits: { ...DEFAULT_LIMITS, callbacksPerIp: { points: 1, duration: 3600 } } },
    );
    const spoofing = async (ip: string) => {
      const v = await visitor(t.server.url, { headers: { 'x-forwarded-for': ip } });
      t.sockets.push(v.socket);
      return v.socket;
    };
    expect(await (await spoofing('203.0.113.7')).emitWithAck('callback:request', asap('602 123 456'))).toMatchObject({ ok: true });
    // 127.0.0.1 is not a trusted proxy here: a made-up header does not buy another quota.
    expect(await (await spoofing('198.51.100.20')).emitWithAck('callback:request', asap('602 123 457'))).toMatchObject({
      ok: false,
      code: 'rate_limited',
    });
  });

  it('rate-limits requests for one phone number', async () => {
    const v = await newVisitor();
    const codes: (string | true)[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await v.emitWithAck('callback:request', asap('602 123 456'));
      codes.push(r.ok || r.code);
    }
    expect(codes).toEqual([true, true, true, true, true, 'rate_limited']);
  });

  it('accepts only offered slots and refuses one outside opening hours', async () => {
    const admin = await agent(t.server.url);
    expect((await admin.emitWithAck('site:update', { siteId: 'demo', hoursEnabled: true })).ok).toBe(true);
    admin.disconnect();
    const v = await newVisitor();
    const slots = await v.emitWithAck('callback:slots', {});
    if (!slots.ok) throw new Error('no slots');
    expect(slots.data.slots.length).toBeGreaterThan(100);
    const pick = slots.data.slots[3]!;
    const ok = await v.emitWithAck('callback:request', { ...asap('602 123 456'), when: { start: pick.start } });
    expect(ok).toMatchObject({ ok: true, data: { asap: false, dueAt: pick.start, windowEnd: pick.end } });
    const night = new Date(Date.parse(pick.start) + 86_400_000);
    night.setUTCHours(1, 0, 0, 0); // 02:00 or 03:00 in Prague tomorrow: closed
    const refused = await v.emitWithAck('callback:request', { ...asap('777 123 456'), when: { start: night.toISOString() } });
    expect(refused).toMatchObject({ ok: false, code: 'slot_unavailable', field: 'when' });
  });

  it('offers slots round the clock on a site without opening hours', async () => {
    const v = await newVisitor();
    const slots = await v.emitWithAck('callback:slots', {});
    if (!slots.ok) throw new Error('no slots');
    expect(slots.data.openNow).toBe(true);
    const night = new Date(Date.now() + 86_400_000);
    night.setUTCHours(1, 0, 0, 0);
    expect(slots.data.slots.map((s) => s.start)).toContain(night.toISOString());
    const ok = await v.emitWithAck('callback:request', { ...asap('602 123 456'), when: { start: night.toISOString() } });
    expect(ok).toMatchObject({ ok: true, data: { asap: false, dueAt: night.toISOString() } });
  });

  it('keeps every attempt and shows the visitor each status change live', async () => {
    const a = await newAgent();
    const v = await newVisitor();
    const req = await v.emitWithAck('callback:request', asap('602 123 456'));
    const id = req.ok ? req.data.id : '';
    const statuses: string[] = [];
    v.on('callback:updated', (c: VisitorCallback) => statuses.push(c.status));

    expect(await a.emitWithAck('callback:claim', { callbackId: id })).toMatchObject({ ok: true, data: { claimedBy: { name: 'Admin' } } });
    expect(await a.emitWithAck('callback:outcome', { callbackId: id, outcome: 'no_answer' })).toMatchObject({
      ok: true,
      data: { status: 'waiting', attempts: 1 },
    });
    const later = new Date(Date.now() + 3 * 3600_000).toISOString();
    expect(await a.emitWithAck('callback:reschedule', { callbackId: id, dueAt: later, note: 'Asked by SMS' })).toMatchObject({
      ok: true,
      data: { status: 'rescheduled', dueAt: later },
    });
    const reached = nextEvent<VisitorCallback>(v, 'callback:updated', (c) => c.status === 'called');
    expect(await a.emitWithAck('callback:outcome', { callbackId: id, outcome: 'reached' })).toMatchObject({
      ok: true,
      data: { status: 'called', attempts: 2 },
    });
    await reached;
    expect(statuses).toEqual(['waiting', 'waiting', 'rescheduled', 'called']);
    const detail = await a.emitWithAck('callback:get', { callbackId: id });
    expect(detail.ok && detail.data.attempts.map((x) => [x.outcome, x.note])).toEqual([
      ['no_answer', null],
      ['rescheduled', 'Asked by SMS'],
      ['reached', null],
    ]);
    expect(await a.emitWithAck('callback:outcome', { callbackId: id, outcome: 'reached' })).toMatchObject({
      ok: false,
      code: 'invalid_payload',
    });
  });

  it("answers an agent's retried outcome or reschedule id with the request as it is, recorded once", async () => {
    const a = await newAgent();
    const v = await newVisitor();
    const req = await v.emitWithAck('callback:request', asap('602 123 456'));
    const callbackId = req.ok ? req.data.id : '';
    const later = new Date(Date.now() + 3 * 3600_000).toISOString();
    const moved = await a.emitWithAck('callback:reschedule', { id: 'reschedule-of-ada-1', callbackId, dueAt: later, note: 'Asked by SMS' });
    expect(moved).toMatchObject({ ok: true, data: { status: 'rescheduled', dueAt: later, attempts: 0 } });
    const again = await a.emitWithAck('callback:reschedule', { id: 'reschedule-of-ada-1', callbackId, dueAt: later, note: 'Asked by SMS' });
    expect(again).toEqual(moved);
    const reached = await a.emitWithAck('callback:outcome', { id: 'outcome-of-ada-01', callbackId, outcome: 'reached', note: 'Done' });
    expect(reached).toMatchObject({ ok: true, data: { status: 'called', attempts: 1 } });
    // The request is closed now; the retry is still the answer it got, not "closed already".
    const retried = await a.emitWithAck('callback:outcome', { id: 'outcome-of-ada-01', callbackId, outcome: 'reached', note: 'Done' });
    expect(retried).toEqual(reached);
    // The id of one command is not another's.
    const other = await a.emitWithAck('callback:outcome', { id: 'reschedule-of-ada-1', callbackId, outcome: 'no_answer' });
    expect(other).toMatchObject({ ok: false, code: 'duplicate_id' });
    const detail = await a.emitWithAck('callback:get', { callbackId });
    expect(detail.ok && detail.data.attempts.map((x) => [x.id, x.outcome, x.note])).toEqual([
      ['reschedule-of-ada-1', 'rescheduled', 'Asked by SMS'],
      ['outcome-of-ada-01', 'reached', 'Done'],
    ]);
  });

  it('lets the visitor cancel or pick another time, but only for their own request', async () => {
    const v = await newVisitor();
    const other = await newVisitor();
    const req = await v.emitWithAck('callback:request', asap('602 123 456'));
    const id = req.ok ? req.data.id : '';
    expect(await other.emitWithAck('callback:cancel', { callbackId: id })).toMatchObject({ ok: false, code: 'not_found' });
    const slots = await v.emitWithAck('callback:slots', {});
    const start = slots.ok ? slots.data.slots[5]!.start : '';
    expect(await v.emitWithAck('callback:change', { callbackId: id, when: { start } })).toMatchObject({
      ok: true,
      data: { dueAt: start, asap: false },
    });
    expect(await v.emitWithAck('callback:mine', {})).toMatchObject({ ok: true, data: { id, dueAt: start } });
    expect(await v.emitWithAck('callback:cancel', { callbackId: id })).toMatchObject({ ok: true, data: { status: 'cancelled' } });
  });

  it('refuses requests when the site turned call backs off', async () => {
    const a = await newAgent();
    await a.emitWithAck('site:update', { siteId: 'demo', channels: { chat: true, callback: false, feedback: true } });
    const v = await newVisitor();
    expect(await v.emitWithAck('callback:request', asap('602 123 456'))).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('orders the queue by due time, overdue first, and leaves closed requests out', async () => {
    const now = Date.now();
    const row = (id: string, dueMs: number, status: CallbackItem['status'] = 'waiting') =>
      t.server.store.createCallback({
        ...callbackRow(new Date().toISOString(), { id, visitorId: null, phone: '+420602123456', name: id, status }),
        asap: false,
        dueAt: new Date(dueMs).toISOString(),
      });
    await row('tomorrow', now + 86_400_000);
    await row('overdue-1h', now - 3_600_000);
    await row('in-10-min', now + 600_000, 'rescheduled');
    await row('overdue-2d', now - 2 * 86_400_000);
    await row('done', now - 5 * 86_400_000, 'called');
    const a = await newAgent();
    const list = await a.emitWithAck('callback:list', {});
    expect(list.ok && list.data.map((c) => c.name)).toEqual(['overdue-2d', 'overdue-1h', 'in-10-min', 'tomorrow']);
    const all = await a.emitWithAck('callback:list', { status: 'all' });
    expect(all.ok && all.data.map((c) => c.name)).toEqual(['overdue-2d', 'overdue-1h', 'in-10-min', 'tomorrow', 'done']);
  });
});

describe('site hours', () => {
  it('lets an admin change opening hours and validates them', async () => {
    const a = await newAgent();
    const sites = await a.emitWithAck('site:list', {});
    const hours = sites.ok ? sites.data[0]!.hours : undefined;
    expect(hours?.timezone).toBe('Europe/Prague');
    const bad = await a.emitWithAck('site:update', { siteId: 'demo', hours: { ...hours!, timezone: 'Mars/Olympus' } });
    expect(bad).toMatchObject({ ok: false, code: 'invalid_payload', field: 'hours.timezone' });
    const backwards = await a.emitWithAck('site:update', {
      siteId: 'demo',
      hours: { ...hours!, weekly: { ...hours!.weekly, mon: [{ from: '18:00', to: '09:00' }] } },
    });
    expect(backwards).toMatchObject({ ok: false, code: 'invalid_payload' });
    const good = await a.emitWithAck('site:update', { siteId: 'demo', hours: { ...hours!, timezone: 'Asia/Yerevan' } });
    expect(good).toMatchObject({ ok: true, data: { hours: { timezone: 'Asia/Yerevan' } } });
  });

  it('lets one agent claim a request: a second claim is refused unless it takes over on purpose', async () => {
    const petr = t.track(await agent(t.server.url, await addAgent(t.server)));
    const admin = await newAgent();
    const v = await newVisitor();
    const req = await v.emitWithAck('callback:request', asap('602 123 456'));
    const callbackId = req.ok ? req.data.id : '';
    // Both at once: exactly one gets it, the other hears who did.
    const both = await Promise.all([
      admin.emitWithAck('callback:claim', { callbackId }),
      petr.emitWithAck('callback:claim', { callbackId }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    const winner = both[0].ok ? 'Admin' : 'Petr';
    const [adminId, petrId] = [(await t.server.store.getAgentByEmail(ADMIN.email))!.id, 'ag2'];
    expect(both.find((r) => !r.ok)).toMatchObject({ ok: false, code: 'already_claimed', message: expect.stringContaining(winner) });
    // Claiming what one has is fine; taking over names whom from.
    const [holder, other, otherId, holderId] = winner === 'Admin' ? [admin, petr, petrId, adminId] : [petr, admin, adminId, petrId];
    expect(await holder.emitWithAck('callback:claim', { callbackId })).toMatchObject({ ok: true });
    expect(await other.emitWithAck('callback:claim', { callbackId, takeOverFrom: otherId })).toMatchObject({
      ok: false,
      code: 'already_claimed',
    });
    expect(await other.emitWithAck('callback:claim', { callbackId, takeOverFrom: holderId })).toMatchObject({
      ok: true,
      data: { claimedBy: { id: otherId } },
    });
    expect(await other.emitWithAck('callback:outcome', { callbackId, outcome: 'reached' })).toMatchObject({ ok: true });
    expect(await holder.emitWithAck('callback:claim', { callbackId, takeOverFrom: otherId })).toMatchObject({
      ok: false,
      code: 'invalid_payload',
    });
  });

  it('refuses site changes from an agent who is not an admin', async () => {
    const a = t.track(await agent(t.server.url, await addAgent(t.server)));
    const sites = await a.emitWithAck('site:list', {});
    const r = await a.emitWithAck('site:update', { siteId: 'demo', hours: sites.ok ? sites.data[0]!.hours : undefined });
    expect(r).toMatchObject({ ok: false, code: 'forbidden' });
  });
});
