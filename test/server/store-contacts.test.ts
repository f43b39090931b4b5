import { beforeEach, describe, expect, it } from 'vitest';
import { newSite } from '../../server/domain/sites';
import { createVisitor } from '../../server/domain/visitors';
import type { NewContact } from '../../server/store/types';
import { STORE, useTestStore } from '../helpers/stores';

// The store contract of verified identity (contacts, sites' identity secrets), on SQLite and again on Postgres.

const t = useTestStore();
beforeEach(async () => {
  await t.store.createSite(newSite('shop', { name: 'Shop' }, 'UTC'));
  await t.store.createSite(newSite('other', { name: 'Other' }, 'UTC'));
});

const T = '2026-12-01T10:00:00.000Z';
const contact = (id: string, over: Partial<Omit<NewContact, 'externalId'>> = {}): NewContact & { externalId: string } => ({
  id,
  siteId: 'shop',
  externalId: 'user-1',
  name: null,
  email: null,
  phone: null,
  createdAt: T,
  updatedAt: T,
  ...over,
});

describe(`${STORE} store: contacts and identity secrets`, () => {
  it('makes one contact per external id and site, however many browsers ask at once, keeping details not given again', async () => {
    const made = await Promise.all(
      ['c1', 'c2', 'c3', 'c4'].map((id) => t.store.upsertContactByExternalId(contact(id, { email: 'ana@example.test' }))),
    );
    expect(new Set(made.map((c) => c.id)).size).toBe(1);
    const later = await t.store.upsertContactByExternalId(contact('c5', { name: 'Ana', updatedAt: '2026-12-02T10:00:00.000Z' }));
    expect(later).toMatchObject({ id: made[0]!.id, name: 'Ana', email: 'ana@example.test', updatedAt: '2026-12-02T10:00:00.000Z' });
    const elsewhere = await t.store.upsertContactByExternalId(contact('c6', { siteId: 'other' }));
    expect(elsewhere.id).toBe('c6');
    expect(await t.store.getContact(later.id)).toEqual(later);
  });

  it("lists a contact's visitors and finds the newest conversation of its verified ones", async () => {
    const c = await t.store.upsertContactByExternalId(contact('c1'));
    const a = (await createVisitor(t.store, 'shop', null)).visitor;
    const b = (await createVisitor(t.store, 'shop', null)).visitor;
    await createVisitor(t.store, 'shop', null);
    expect(await t.store.latestContactConversation(c.id)).toBeNull();
    await t.store.updateVisitor(a.id, { contactId: c.id, phone: '+420 777 000 111', verifiedAt: T });
    await t.store.updateVisitor(b.id, { contactId: c.id, verifiedAt: T });
    expect((await t.store.contactVisitorIds(c.id)).sort()).toEqual([a.id, b.id].sort());
    expect(await t.store.getVisitor(a.id)).toMatchObject({ contactId: c.id, phone: '+420 777 000 111' });
    await t.store.latestOrNewConversation(a.id, 'shop', 'conv-a', T);
    await t.store.latestOrNewConversation(b.id, 'shop', 'conv-b', '2026-12-01T11:00:00.000Z');
    expect((await t.store.latestContactConversation(c.id))?.id).toBe('conv-b');
  });

  it('stores a site secret once, changes it, and forgets contacts and secret with the site', async () => {
    const first = await t.store.ensureSiteIdentity({ siteId: 'shop', secret: 's1', requireVerification: false, rotatedAt: T });
    const second = await t.store.ensureSiteIdentity({ siteId: 'shop', secret: 's2', requireVerification: false, rotatedAt: T });
    expect(second).toEqual(first);
    expect(await t.store.updateSiteIdentity('shop', { secret: 's3', requireVerification: true })).toEqual({
      siteId: 'shop',
      secret: 's3',
      requireVerification: true,
      rotatedAt: T,
    });
    const c = await t.store.upsertContactByExternalId(contact('c1'));
    const v = (await createVisitor(t.store, 'shop', null)).visitor;
    await t.store.updateVisitor(v.id, { contactId: c.id });
    expect(await t.store.deleteSite('shop')).not.toBeNull();
    expect(await t.store.getSiteIdentity('shop')).toBeNull();
    expect(await t.store.getContact(c.id)).toBeNull();
  });
});
