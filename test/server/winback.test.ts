import { describe, expect, it } from 'vitest';
import { isoWeek, sendWinBackDigest } from '../../server/domain/winback-digest';
import { ADMIN, signInCookie, useServer } from '../helpers/server';
import { api } from '../helpers/team';
import { EMAIL, unhappyCustomer } from '../helpers/unhappy';

const t = useServer({ smtp: true });

describe('win back', () => {
  it('assigns a case, sends the owner’s email, makes a call back task, and drops the contact once won back', async () => {
    const p = await unhappyCustomer(t);
    const admin = await signInCookie(t.server.url);
    await t.smtp.waitFor(2); // The complaint and the call back request alerted the admin.
    const mails = t.smtp.messages.length;
    const list = (await api(t.server.url, '/api/privacy/winback', { cookie: admin })).body.data;
    const me = list.agents[0];
    const assigned = await api(t.server.url, `/api/privacy/winback/${p.contactId}`, { cookie: admin, body: { assignTo: me.id } });
    expect(assigned.body.data).toMatchObject({ status: 'open', assignedTo: { id: me.id } });
    const mail = await api(t.server.url, `/api/privacy/winback/${p.contactId}/email`, {
      cookie: admin,
      body: { subject: 'Sorry about that', text: 'Here is 20% off: SORRY20' },
    });
    expect(mail.body.data.followUp).toMatchObject({ kind: 'email' });
    const [sent] = (await t.smtp.waitFor(mails + 1)).slice(mails);
    expect(sent!.to).toMatchObject({ text: EMAIL });
    expect(sent!.text).toContain('SORRY20');
    const task = await api(t.server.url, `/api/privacy/winback/${p.contactId}/callback`, { cookie: admin, body: {} });
    expect(task.body.data).toMatchObject({ phone: '+420602987321', status: 'waiting', topic: 'Win back' });
    expect((await api(t.server.url, '/api/privacy/winback', { cookie: admin })).body.data.items[0]).toMatchObject({
      contactId: p.contactId,
      assignedTo: { id: me.id },
      followUp: { kind: 'callback' },
    });
    await api(t.server.url, `/api/privacy/winback/${p.contactId}`, { cookie: admin, body: { status: 'won' } });
    expect((await api(t.server.url, '/api/privacy/winback', { cookie: admin })).body.data.items).toEqual([]);
  });

  it('refuses a bad case change and an empty email, naming the field at fault', async () => {
    const p = await unhappyCustomer(t);
    const admin = await signInCookie(t.server.url);
    const bad = await api(t.server.url, `/api/privacy/winback/${p.contactId}`, { cookie: admin, body: { status: 'maybe' } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(bad.body.message).toMatch(/^status /);
    const empty = await api(t.server.url, `/api/privacy/winback/${p.contactId}/email`, {
      cookie: admin,
      body: { subject: 'Hi', text: ' ' },
    });
    expect(empty.body).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(empty.body.message).toMatch(/^text /);
    expect(
      (await api(t.server.url, '/api/privacy/winback/nobody/email', { cookie: admin, body: { subject: 'a', text: 'b' } })).status,
    ).toBe(404);
  });

  it('sends the weekly summary once per admin and week, however many nodes check at once', async () => {
    await unhappyCustomer(t);
    await t.smtp.waitFor(2);
    const before = t.smtp.messages.length;
    const { store, email } = t.server;
    // Two nodes checking at the same moment, and one an hour later: one email.
    await Promise.all([sendWinBackDigest(store, email, null), sendWinBackDigest(store, email, null)]);
    await sendWinBackDigest(store, email, null);
    const admin = (await store.getAgentByEmail(ADMIN.email))!;
    const row = `winback-${isoWeek(Date.now())}-${admin.id}`;
    await expect.poll(async () => (await store.getOutbox(row))?.status).toBe('sent');
    const digests = t.smtp.messages.slice(before).filter((m) => m.subject?.startsWith('Win back'));
    expect(digests).toHaveLength(1);
    expect(digests[0]!.text).toContain('1 unhappy contact');
    expect(digests[0]!.text).not.toContain(EMAIL);
  });
});
