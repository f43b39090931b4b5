import pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { newSite } from '../../server/domain/sites';
import { createVisitor } from '../../server/domain/visitors';
import { SQLITE_MIGRATIONS } from '../../server/store/migrations';
import { PG_MIGRATIONS } from '../../server/store/postgres/migrations';
import type { ContactMergeRow, NewContact, Store } from '../../server/store/types';
import { tempDataDir } from '../helpers/server';
import { STORE, callbackRow, databaseUrlFor, openTestStore, useTestStore } from '../helpers/stores';

// The store contract of contacts (issue 18): one contact per visitor, merges with their undo,
// splits, the list and its search, and suggestions; on SQLite and again on Postgres.

const t = useTestStore();
beforeEach(async () => {
  await t.store.createSite(newSite('shop', { name: 'Shop' }, 'UTC'));
  await t.store.createSite(newSite('other', { name: 'Other' }, 'UTC'));
});

const T = '2026-12-01T10:00:00.000Z';
const later = (minutes: number) => new Date(Date.parse(T) + minutes * 60_000).toISOString();
const browser = async (siteId = 'shop', claim: { name?: string; email?: string; phone?: string } = {}) => {
  const { visitor } = await createVisitor(t.store, siteId, null);
  return Object.keys(claim).length ? t.store.updateVisitor(visitor.id, claim) : visitor;
};
const merge = (fromId: string, intoId: string, id = `m-${fromId}`): Promise<ContactMergeRow | string> =>
  t.store.mergeContacts({ id, fromId, intoId, reason: 'agent', agentId: 'agent-1', createdAt: T });
const fresh = (id: string, siteId = 'shop'): NewContact => ({
  id,
  siteId,
  externalId: null,
  name: null,
  email: null,
  phone: null,
  createdAt: T,
  updatedAt: T,
});

describe(`${STORE} store: contacts`, () => {
  it('gives every new visitor a contact of its own, unverified, made from it', async () => {
    const a = await browser();
    const b = await browser();
    expect(a.contactId).toBeTruthy();
    expect(a.contactId).not.toBe(b.contactId);
    const c = await t.store.getContact(a.contactId!);
    expect(c).toMatchObject({ siteId: 'shop', externalId: null, emailVerifiedAt: null, attributes: {}, mergedInto: null });
    expect(await t.store.contactVisitorIds(a.contactId!)).toEqual([a.id]);
    expect(await t.store.contactVisitorIds(a.contactId!, true)).toEqual([]);
  });

  it('merges a contact into another and undoes it: browsers, details and the external id go back', async () => {
    const a = await browser('shop', { name: 'Ana' });
    const b = await browser();
    const verified = await t.store.upsertContactByExternalId({ ...fresh('v1'), externalId: 'user-1', email: 'ana@example.test' });
    await t.store.updateContact(a.contactId!, {
      name: 'Ana',
      phone: '+420777000111',
      attributes: { plan: 'pro' },
      notes: 'VIP',
      updatedAt: T,
    });
    const m = await merge(verified.id, a.contactId!);
    expect(m).toMatchObject({ fromId: 'v1', intoId: a.contactId, reason: 'agent', agentId: 'agent-1', undoneAt: null, visitorIds: [] });
    expect(await t.store.getContact(a.contactId!)).toMatchObject({ externalId: 'user-1', email: 'ana@example.test', name: 'Ana' });
    expect(await t.store.getContact('v1')).toMatchObject({ mergedInto: a.contactId, externalId: null });
    // A second merge into the same contact: the browser b joins it.
    const m2 = await merge(b.contactId!, a.contactId!);
    expect(m2).toMatchObject({ visitorIds: [b.id] });
    expect((await t.store.contactVisitorIds(a.contactId!)).sort()).toEqual([a.id, b.id].sort());
    expect((await t.store.lastMerge(a.contactId!))?.id).toBe(`m-${b.contactId}`);
    expect(await t.store.getContactItem(a.contactId!)).toMatchObject({ visitorCount: 2 });

    expect(await t.store.undoLastMerge(a.contactId!, later(1))).toMatchObject({ id: `m-${b.contactId}`, undoneAt: later(1) });
    expect((await t.store.getVisitor(b.id))?.contactId).toBe(b.contactId);
    expect(await t.store.undoLastMerge(a.contactId!, later(2))).toMatchObject({ id: 'm-v1' });
    expect(await t.store.getContact('v1')).toMatchObject({ mergedInto: null, externalId: 'user-1' });
    expect(await t.store.getContact(a.contactId!)).toMatchObject({
      externalId: null,
      email: null,
      attributes: { plan: 'pro' },
      notes: 'VIP',
    });
    expect(await t.store.undoLastMerge(a.contactId!, later(3))).toBe('nothing_to_undo');
    // The external id is usable again by the contact it came from.
    expect((await t.store.upsertContactByExternalId({ ...fresh('v2'), externalId: 'user-1' })).id).toBe('v1');
  });

  it('refuses a merge into itself, across sites, of a merged contact or of two verified users, writing nothing', async () => {
    const a = await browser();
    const b = await browser();
    const elsewhere = await browser('other');
    expect(await merge(a.contactId!, a.contactId!)).toBe('same_contact');
    expect(await merge(a.contactId!, elsewhere.contactId!)).toBe('other_site');
    expect(await merge('nobody', a.contactId!)).toBe('not_found');
    expect(await merge(a.contactId!, b.contactId!)).toMatchObject({ intoId: b.contactId });
    expect(await merge(a.contactId!, b.contactId!, 'again')).toBe('merged');
    expect(await merge(b.contactId!, a.contactId!, 'back')).toBe('merged');
    const u1 = await t.store.upsertContactByExternalId({ ...fresh('u1'), externalId: 'user-1' });
    const u2 = await t.store.upsertContactByExternalId({ ...fresh('u2'), externalId: 'user-2' });
    expect(await merge(u1.id, u2.id)).toBe('both_verified');
    expect(await t.store.getContact(u1.id)).toMatchObject({ mergedInto: null, externalId: 'user-1' });
    expect(await t.store.undoLastMerge(elsewhere.contactId!, T)).toBe('nothing_to_undo');
  });

  it("splits a browser into a new unverified contact, but not a contact's only one", async () => {
    const a = await browser();
    const b = await browser();
    await t.store.updateVisitor(b.id, { verifiedAt: T });
    expect(await t.store.splitVisitor(a.id, fresh('alone'))).toBe('only_visitor');
    await merge(b.contactId!, a.contactId!);
    const split = await t.store.splitVisitor(b.id, { ...fresh('split'), name: 'Bo' });
    expect(split).toMatchObject({ id: 'split', siteId: 'shop', name: 'Bo', externalId: null });
    expect(await t.store.getVisitor(b.id)).toMatchObject({ contactId: 'split', verifiedAt: null });
    expect(await t.store.splitVisitor('nobody', fresh('x'))).toBe('not_found');
  });

  it('lists unmerged contacts last seen first, by site, searching names, emails and phones of contacts, browsers and call backs', async () => {
    const ana = await browser('shop', { name: 'Ana Nováková', email: 'ana@example.test' });
    const bo = await browser('shop', { phone: '+420 777 000 111' });
    const cy = await browser('shop');
    await browser('other', { name: 'Ana Other' });
    await t.store.updateContact(cy.contactId!, { email: 'Cy_Percent%@example.test', updatedAt: T });
    // Postgres notes a sight by its own clock, in milliseconds: a tick apart, so the order is the touches'.
    const tick = () => new Promise((r) => setTimeout(r, 3));
    await t.store.touchVisitors([ana.id], later(10));
    await tick();
    await t.store.touchVisitors([bo.id], later(20));
    await tick();
    await t.store.touchVisitors([cy.id], later(30));
    const ids = async (q: Parameters<Store['listContacts']>[0]) => (await t.store.listContacts(q)).map((c) => c.id);
    expect(await ids({ siteId: 'shop', limit: 10 })).toEqual([cy.contactId, bo.contactId, ana.contactId]);
    const page1 = await t.store.listContacts({ siteId: 'shop', limit: 2 });
    const last = page1.at(-1)!;
    expect(await ids({ siteId: 'shop', limit: 10, before: { lastSeenAt: last.lastSeenAt, id: last.id } })).toEqual([ana.contactId]);
    expect(await ids({ siteId: 'shop', search: 'nováK', limit: 10 })).toEqual([ana.contactId]);
    expect(await ids({ search: 'ana', limit: 10 })).toHaveLength(2);
    expect(await ids({ siteId: 'shop', search: '777 000', limit: 10 })).toEqual([bo.contactId]);
    // LIKE's wildcards are searched as text.
    expect(await ids({ siteId: 'shop', search: '_percent%', limit: 10 })).toEqual([cy.contactId]);
    expect(await ids({ siteId: 'shop', search: '%', limit: 10 })).toEqual([cy.contactId]);
    const item = (await t.store.listContacts({ siteId: 'shop', search: 'ana@', limit: 1 }))[0]!;
    expect(item).toMatchObject({ visitorCount: 1, visitorName: 'Ana Nováková', visitorEmail: 'ana@example.test' });
    // Postgres notes the sight by its own clock.
    expect(item.lastSeenAt).toBe((await t.store.getVisitor(ana.id))!.lastSeenAt);
    await merge(ana.contactId!, bo.contactId!);
    expect(await ids({ siteId: 'shop', limit: 10 })).toEqual([cy.contactId, bo.contactId]);
  });

  it('suggests contacts of the same site sharing a claimed email (any case) or phone, never the contact itself', async () => {
    const a = await browser('shop', { email: 'Ana@Example.test' });
    const b = await browser('shop', { email: 'ana@example.test' });
    const c = await browser('shop', { phone: '+420777000111' });
    const d = await browser('shop');
    await browser('other', { email: 'ana@example.test' });
    await t.store.updateContact(d.contactId!, { phone: '+420777000111', updatedAt: T });
    const s = await t.store.contactSuggestions(a.contactId!, 10);
    expect(s.map((x) => [x.contact.id, x.email])).toEqual([[b.contactId, 'ana@example.test']]);
    const byPhone = await t.store.contactSuggestions(c.contactId!, 10);
    expect(byPhone.map((x) => [x.contact.id, x.phone])).toEqual([[d.contactId, '+420777000111']]);
    await merge(b.contactId!, a.contactId!);
    expect(await t.store.contactSuggestions(a.contactId!, 10)).toEqual([]);
  });

  it("finds the call back requests and signed feedback of a contact's browsers, newest first", async () => {
    const a = await browser();
    const b = await browser();
    const other = await browser();
    await merge(b.contactId!, a.contactId!);
    const callback = (id: string, visitorId: string, at: string) => callbackRow(at, { id, siteId: 'shop', visitorId });
    await t.store.createCallback(callback('cb1', a.id, later(1)));
    await t.store.createCallback(callback('cb2', b.id, later(2)));
    await t.store.createCallback(callback('cb3', other.id, later(3)));
    const feedback = (id: string, visitorId: string | null, createdAt: string) => ({
      id,
      siteId: 'shop',
      rating: 2,
      category: 'complaint' as const,
      text: id,
      name: 'Ana',
      email: 'ana@example.test',
      pageUrl: null,
      pageTitle: null,
      locale: null,
      status: 'new' as const,
      createdAt,
      updatedAt: createdAt,
      visitorId,
    });
    await t.store.createFeedback(feedback('f1', b.id, later(4)));
    await t.store.createFeedback(feedback('f2', null, later(5)));
    await t.store.createFeedback(feedback('f3', other.id, later(6)));
    const got = await t.store.contactActivity(a.contactId!, 10);
    expect(got.callbacks.map((c) => c.id)).toEqual(['cb2', 'cb1']);
    expect(got.feedback.map((f) => f.id)).toEqual(['f1']);
    expect((await t.store.contactActivity(a.contactId!, 1)).callbacks.map((c) => c.id)).toEqual(['cb2']);
  });

  it('changes details and attributes key by key; a changed email is not verified any more', async () => {
    const a = await browser();
    const id = a.contactId!;
    const v = await t.store.updateContact(id, {
      email: 'ana@example.test',
      emailVerifiedAt: T,
      attributes: { plan: 'pro', seats: 3 },
      updatedAt: T,
    });
    expect(v).toMatchObject({ email: 'ana@example.test', emailVerifiedAt: T, attributes: { plan: 'pro', seats: 3 } });
    const b = await browser();
    expect((await t.store.findContactByVerifiedEmail('shop', 'ANA@example.test', b.contactId!))?.id).toBe(id);
    expect(await t.store.findContactByVerifiedEmail('shop', 'ana@example.test', id)).toBeNull();
    expect(await t.store.findContactByVerifiedEmail('other', 'ana@example.test', b.contactId!)).toBeNull();
    const next = await t.store.updateContact(id, { name: 'Ana', attributes: { seats: null, trial: false }, updatedAt: later(1) });
    expect(next).toMatchObject({ name: 'Ana', emailVerifiedAt: T, attributes: { plan: 'pro', trial: false }, updatedAt: later(1) });
    expect(await t.store.updateContact(id, { email: 'other@example.test', updatedAt: later(2) })).toMatchObject({ emailVerifiedAt: null });
    expect(await t.store.updateContact('nobody', { name: 'x', updatedAt: T })).toBeNull();
  });
});

describe(`${STORE} store: the contacts migration`, () => {
  it('gives each existing visitor without a contact one of its own, and marks identified ones verified', async () => {
    const data = tempDataDir();
    const mine = SQLITE_MIGRATIONS.findIndex((m) => m.includes('contact_merges'));
    const insert = [
      `INSERT INTO sites (id, name, greeting, color, hours, created_at) VALUES ('s', 'S', 'Hi', '#000000', '{}', '${T}')`,
      `INSERT INTO visitors (id, site_id, token_hash, name, email, first_seen_at, last_seen_at) VALUES ('v1', 's', 'h1', 'Ana', 'ana@example.test', '${T}', '${T}')`,
      `INSERT INTO visitors (id, site_id, token_hash, first_seen_at, last_seen_at) VALUES ('v2', 's', 'h2', '${T}', '${T}')`,
      `INSERT INTO contacts (id, site_id, external_id, created_at, updated_at) VALUES ('k', 's', 'user-1', '${T}', '${T}')`,
      `INSERT INTO visitors (id, site_id, token_hash, contact_id, first_seen_at, last_seen_at) VALUES ('v3', 's', 'h3', 'k', '${T}', '${T}')`,
    ];
    const url = await databaseUrlFor(data.dir);
    if (url) {
      const client = new pg.Client(url);
      await client.connect();
      await client.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      const pgMine = PG_MIGRATIONS.findIndex((m) => m.includes('contact_merges'));
      for (const [i, m] of PG_MIGRATIONS.slice(0, pgMine).entries()) {
        await client.query(m);
        await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [i + 1]);
      }
      for (const sql of insert) await client.query(sql);
      await client.end();
    } else {
      const Database = (await import('better-sqlite3')).default;
      const db = new Database(`${data.dir}/earshot.sqlite`);
      for (const m of SQLITE_MIGRATIONS.slice(0, mine)) db.exec(m);
      db.pragma(`user_version = ${mine}`);
      for (const sql of insert) db.exec(sql);
      db.close();
    }
    const store = await openTestStore(data.dir);
    try {
      const [v1, v2, v3] = await Promise.all(['v1', 'v2', 'v3'].map((id) => store.getVisitor(id)));
      expect(v1).toMatchObject({ contactId: 'ct_v1', verifiedAt: null });
      expect(v2).toMatchObject({ contactId: 'ct_v2', verifiedAt: null });
      expect(v3).toMatchObject({ contactId: 'k', verifiedAt: T });
      expect(await store.getContact('ct_v1')).toMatchObject({ siteId: 's', name: 'Ana', email: 'ana@example.test', externalId: null });
      expect((await store.listContacts({ siteId: 's', limit: 10 })).map((c) => c.id).sort()).toEqual(['ct_v1', 'ct_v2', 'k']);
    } finally {
      await store.close();
      data.remove();
    }
  });
});
