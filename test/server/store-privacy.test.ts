import { describe, expect, it } from 'vitest';
import { startRetention } from '../../server/domain/retention';
import { createVisitor } from '../../server/domain/visitors';
import { createLogger } from '../../server/log';
import type { AuditEntry } from '../../server/store/privacy-types';
import { newConversation, newMessage, rawRows, STORE, useTestStore } from '../helpers/stores';

const t = useTestStore();

const audit = (over: Partial<AuditEntry> = {}): AuditEntry => ({
  id: `a-${Math.random()}`,
  at: new Date().toISOString(),
  actor: { kind: 'agent', id: 'ag1', name: 'Ann' },
  action: 'contact.erase',
  contactId: 'x',
  siteId: 'demo',
  detail: {},
  ...over,
});

describe(`${STORE} store: per-site retention`, () => {
  it("deletes a site's conversations older than its keep days, with their messages, and keeps newer ones and other sites'", async () => {
    const site = (await t.store.getSite('demo'))!;
    await t.store.upsertSite({ ...site, options: { ...site.options, keepConversationsDays: 10 } });
    await t.store.upsertSite({ ...site, id: 'other', name: 'Other' });
    const old = await newConversation(t.store);
    const fresh = await newConversation(t.store);
    await t.store.appendMessage(newMessage({ id: 'm-old', conversationId: old.c.id, visitorId: old.visitor.id }));
    await t.store.appendMessage(newMessage({ id: 'm-new', conversationId: fresh.c.id, visitorId: fresh.visitor.id }));
    const stranger = (await createVisitor(t.store, 'other', null)).visitor;
    const elsewhere = await t.store.latestOrNewConversation(stranger.id, 'other', 'c-elsewhere', new Date().toISOString());
    const longAgo = new Date(Date.now() - 11 * 86_400_000).toISOString();
    await rawRows(t.data.dir, `UPDATE conversations SET updated_at = '${longAgo}' WHERE id IN ('${old.c.id}', '${elsewhere.id}')`, true);
    const stop = startRetention(t.store, createLogger('silent'));
    try {
      await expect.poll(() => t.store.getConversation(old.c.id)).toBeNull();
    } finally {
      stop();
    }
    expect(await t.store.getMessage('m-old')).toBeNull();
    expect(await t.store.getMessage('m-new')).not.toBeNull();
    expect(await t.store.getConversation(fresh.c.id)).not.toBeNull();
    // The other site keeps conversations (0 days: forever).
    expect(await t.store.getConversation(elsewhere.id)).not.toBeNull();
  });
});

describe(`${STORE} store: audit log and win-back cases`, () => {
  it('lists audit entries newest first with who did what', async () => {
    await t.store.addAudit(audit({ id: 'a1', at: '2026-01-01T00:00:00.000Z', action: 'contact.export', detail: { messages: 3 } }));
    await t.store.addAudit(audit({ id: 'a2', at: '2026-01-02T00:00:00.000Z', actor: { kind: 'token', id: 't1', name: 'CRM sync' } }));
    const rows = await t.store.listAudit(10);
    expect(rows.map((r) => [r.id, r.actor.kind, r.action])).toEqual([
      ['a2', 'token', 'contact.erase'],
      ['a1', 'agent', 'contact.export'],
    ]);
    expect(rows[1]!.detail).toEqual({ messages: 3 });
  });

  it('keeps one case per contact, changed in place', async () => {
    const now = new Date().toISOString();
    await t.store.saveWinBackCase({
      contactId: 'k1',
      siteId: 'demo',
      status: 'open',
      assignedTo: null,
      followUp: null,
      closedAt: null,
      updatedAt: now,
    });
    await t.store.saveWinBackCase({
      contactId: 'k1',
      siteId: 'demo',
      status: 'won',
      assignedTo: { id: 'ag1', name: 'Ann' },
      followUp: { kind: 'email', at: now, by: 'Ann', ref: 'o1' },
      closedAt: now,
      updatedAt: now,
    });
    expect(await t.store.listWinBackCases()).toHaveLength(1);
    expect(await t.store.getWinBackCase('k1')).toMatchObject({
      status: 'won',
      assignedTo: { name: 'Ann' },
      followUp: { kind: 'email' },
      closedAt: now,
    });
  });

  it('erases a contact once: a second erase and an export after it say erased, and write no audit line', async () => {
    const { visitor } = await newConversation(t.store);
    const contactId =
      visitor.contactId ??
      (
        await t.store.upsertContactByExternalId({
          id: 'ct1',
          siteId: 'demo',
          externalId: 'u1',
          name: 'Eve',
          email: 'eve@example.com',
          phone: null,
          createdAt: visitor.firstSeenAt,
          updatedAt: visitor.firstSeenAt,
        })
      ).id;
    if (!visitor.contactId) await t.store.updateVisitor(visitor.id, { contactId });
    expect(await t.store.eraseContact(contactId, audit({ id: 'e1', contactId }))).toMatchObject({ visitors: 1, conversations: 1 });
    expect(await t.store.eraseContact(contactId, audit({ id: 'e2', contactId }))).toBe('erased');
    expect(await t.store.contactData(contactId)).toBe('erased');
    expect(await t.store.eraseContact('nobody', audit({ id: 'e3' }))).toBeNull();
    expect((await t.store.listAudit(10)).map((a) => a.id)).toEqual(['e1']);
  });
});
