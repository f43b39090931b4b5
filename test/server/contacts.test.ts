import { createHmac } from 'node:crypto';
import { nanoid } from 'nanoid';
import { describe, expect, it } from 'vitest';
import type { ContactDetail } from '../../protocol/contacts';
import { verifyContactEmail } from '../../server/domain/contacts';
import { agent, useServer, visitor, type AgentSocket } from '../helpers/server';

// Contacts over the agent socket (issue 18): one person's browsers and channels in one contact,
// suggestions that reveal nothing, merge, undo and split, and custom attributes from identify.

const t = useServer();
const sign = (secret: string, id: string) => createHmac('sha256', secret).update(id).digest('hex');
const page = { url: 'http://shop.test/pricing', title: 'Pricing' };

async function browser() {
  const v = await visitor(t.server.url);
  t.track(v.socket);
  await v.socket.emitWithAck('visitor:hello', { page });
  return v;
}

async function ok<T>(p: Promise<{ ok: true; data: T } | { ok: false; code: string; message: string }>): Promise<T> {
  const res = await p;
  if (!res.ok) throw new Error(`${res.code}: ${res.message}`);
  return res.data;
}

async function contactOf(a: AgentSocket, visitorId: string): Promise<ContactDetail> {
  const v = await t.server.store.getVisitor(visitorId);
  return ok(a.emitWithAck('contact:get', { contactId: v!.contactId! }));
}

describe('contacts', () => {
  it('gathers a verified person’s chat, call back and feedback from two browsers in one timeline; a claim is only a suggestion', async () => {
    const a = t.track(await agent(t.server.url));
    const secret = (await ok(a.emitWithAck('site:identity', { siteId: 'demo' }))).secret;
    const laptop = await browser();
    await ok(
      laptop.socket.emitWithAck('visitor:identify', { id: 'user-7', name: 'Ana', email: 'ana@example.test', hash: sign(secret, 'user-7') }),
    );
    const msg = await ok(
      laptop.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'Is the pro plan monthly?' }),
    );
    await ok(laptop.socket.emitWithAck('callback:request', { phone: '602 123 456', country: 'CZ', when: { asap: true }, page }));
    const phone = await browser();
    const joined = await ok(
      phone.socket.emitWithAck('visitor:identify', {
        id: 'user-7',
        hash: sign(secret, 'user-7'),
        attributes: { plan: 'pro', seats: 3, trial: false },
      }),
    );
    expect(joined).toMatchObject({ verified: true, merged: true });
    const fb = await ok(
      phone.socket.emitWithAck('feedback:send', {
        rating: 2,
        category: 'complaint',
        text: 'Checkout failed twice',
        contact: { mode: 'reply', name: 'Ana', email: 'ana@example.test' },
        page,
        locale: 'en',
      }),
    );

    const c = await contactOf(a, laptop.hello.visitorId);
    expect(c).toMatchObject({ externalId: 'user-7', verified: true, name: 'Ana', email: 'ana@example.test', visitorCount: 2 });
    expect(c.attributes).toEqual({ plan: 'pro', seats: 3, trial: false });
    expect(c.visitors.map((v) => v.id).sort()).toEqual([laptop.hello.visitorId, phone.hello.visitorId].sort());
    expect(c.timeline.map((i) => i.kind).sort()).toEqual(['callback', 'conversation', 'feedback']);
    expect(c.timeline.find((i) => i.kind === 'conversation')).toMatchObject({ id: msg.conversationId });
    expect(c.timeline.find((i) => i.kind === 'feedback')).toMatchObject({ id: fb.id, rating: 2 });
    expect(c.ratings).toEqual([expect.objectContaining({ rating: 2, source: 'feedback' })]);
    expect(c.pages).toEqual([{ url: page.url, title: page.title }]);
    expect((await contactOf(a, phone.hello.visitorId)).id).toBe(c.id);
    // The browser's own contact it came with is merged away, not listed.
    const list = await ok(a.emitWithAck('contact:list', { search: 'ana@example' }));
    expect(list.map((x) => x.id)).toEqual([c.id]);

    // A third browser only claims the address: suggested to agents, merged with no one, shown nothing.
    const stranger = await browser();
    const claim = await ok(stranger.socket.emitWithAck('visitor:identify', { name: 'Not Ana', email: 'ANA@example.test' }));
    expect(claim).toMatchObject({ verified: false, merged: false });
    const hello = await ok(stranger.socket.emitWithAck('visitor:hello', { page }));
    expect(hello.conversation).toBeNull();
    const peek = await stranger.socket.emitWithAck('message:list', { conversationId: msg.conversationId, after: 0 });
    expect(peek).toMatchObject({ ok: false, code: 'not_found' });
    const theirs = await contactOf(a, stranger.hello.visitorId);
    expect(theirs.id).not.toBe(c.id);
    expect(theirs.suggestions.map((s) => [s.contact.id, s.email])).toEqual([[c.id, 'ana@example.test']]);
    expect((await contactOf(a, laptop.hello.visitorId)).suggestions.map((s) => s.contact.id)).toEqual([theirs.id]);
  });

  it('merges by hand with an undo, splits a browser out, and refuses a merge into itself or across sites', async () => {
    const a = t.track(await agent(t.server.url));
    const one = await browser();
    const two = await browser();
    await ok(one.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'First' }));
    const c1 = await contactOf(a, one.hello.visitorId);
    const c2 = await contactOf(a, two.hello.visitorId);
    expect(await a.emitWithAck('contact:merge', { fromId: c1.id, intoId: c1.id })).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(await a.emitWithAck('contact:undoMerge', { contactId: c2.id })).toMatchObject({ ok: false, code: 'nothing_to_undo' });
    const merged = await ok(a.emitWithAck('contact:merge', { fromId: c1.id, intoId: c2.id }));
    expect(merged).toMatchObject({ id: c2.id, visitorCount: 2, lastMerge: { fromId: c1.id, reason: 'agent' } });
    expect(merged.timeline.map((i) => i.kind)).toEqual(['conversation']);
    expect(await a.emitWithAck('contact:get', { contactId: c1.id })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await a.emitWithAck('contact:merge', { fromId: c1.id, intoId: c2.id })).toMatchObject({ ok: false, code: 'contact_merged' });
    // A merge by hand shows neither browser the other's history.
    expect((await ok(two.socket.emitWithAck('visitor:hello', { page }))).conversation).toBeNull();

    const undone = await ok(a.emitWithAck('contact:undoMerge', { contactId: c2.id }));
    expect(undone).toMatchObject({ id: c2.id, visitorCount: 1, lastMerge: null, timeline: [] });
    expect((await contactOf(a, one.hello.visitorId)).id).toBe(c1.id);

    await ok(a.emitWithAck('contact:merge', { fromId: c1.id, intoId: c2.id }));
    const left = await ok(a.emitWithAck('contact:split', { visitorId: one.hello.visitorId }));
    expect(left).toMatchObject({ id: c2.id, visitorCount: 1 });
    expect(await a.emitWithAck('contact:split', { visitorId: two.hello.visitorId })).toMatchObject({ ok: false, code: 'invalid_payload' });
    const own = await contactOf(a, one.hello.visitorId);
    expect(own.id).not.toBe(c2.id);
    expect(own.timeline.map((i) => i.kind)).toEqual(['conversation']);

    await t.server.store.upsertSite({ ...(await t.server.store.getSite('demo'))!, id: 'shop', name: 'Shop' });
    const elsewhere = await visitor(t.server.url, { siteId: 'shop' });
    t.track(elsewhere.socket);
    await ok(elsewhere.socket.emitWithAck('visitor:hello', { page }));
    const far = await contactOf(a, elsewhere.hello.visitorId);
    expect(await a.emitWithAck('contact:merge', { fromId: far.id, intoId: c2.id })).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(await a.emitWithAck('contact:merge', { fromId: 'nobody', intoId: c2.id })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await a.emitWithAck('contact:merge', { fromId: '../x', intoId: c2.id })).toMatchObject({ ok: false, code: 'invalid_payload' });
  });

  it('merges contacts whose email was verified, the older one staying', async () => {
    const a = t.track(await agent(t.server.url));
    const first = await browser();
    const second = await browser();
    const c1 = await contactOf(a, first.hello.visitorId);
    const c2 = await contactOf(a, second.hello.visitorId);
    expect(await verifyContactEmail(t.server.store, c1.id, 'bo@example.test')).toMatchObject({
      id: c1.id,
      emailVerifiedAt: expect.any(String),
    });
    const now = await verifyContactEmail(t.server.store, c2.id, 'BO@example.test');
    expect(now.id).toBe(c1.id);
    expect(await contactOf(a, second.hello.visitorId)).toMatchObject({
      id: c1.id,
      emailVerified: true,
      verified: true,
      lastMerge: { reason: 'email' },
    });
  });

  it('refuses custom attributes that are too many, too long, nested or badly named, storing none', async () => {
    const v = await browser();
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i]));
    for (const attributes of [many, { note: 'x'.repeat(501) }, { nested: { a: 1 } }, { 'bad key': 1 }, { n: Number.NaN }, { list: [1] }]) {
      const res = await v.socket.emitWithAck('visitor:identify', { name: 'Ana', attributes } as never);
      // An over-long value is `too_long`, as every over-long field is.
      expect(res).toMatchObject({
        ok: false,
        code: attributes.note ? 'too_long' : 'invalid_payload',
        field: expect.stringMatching(/^attributes/),
      });
    }
    await ok(v.socket.emitWithAck('visitor:identify', { name: 'Ana', attributes: { company: 'Acme', vip: true } }));
    const c = await t.server.store.getContact((await t.server.store.getVisitor(v.hello.visitorId))!.contactId!);
    expect(c).toMatchObject({ name: 'Ana', attributes: { company: 'Acme', vip: true } });
  });
});
