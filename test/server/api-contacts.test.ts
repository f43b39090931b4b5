import { beforeEach, describe, expect, it } from 'vitest';
import { makeToken, v1 } from '../helpers/rest-api';
import { signInCookie, useServer, visitor } from '../helpers/server';
import { addEndpoint, startReceiver } from '../helpers/webhooks';

// /api/v1/contacts (issue 18): list with search and cursor, get, and change with contact.updated.

const t = useServer({
  env: { WEBHOOKS_ALLOW_PRIVATE: '1' },
  startOpts: { webhooks: { pollMs: 20, retryBaseMs: 40, retryCapMs: 200, timeoutMs: 1500 } },
});
let token: string;
let reader: string;
let cookie: string;
beforeEach(async () => {
  cookie = await signInCookie(t.server.url);
  token = (await makeToken(t.server.url, cookie, ['read', 'write'])).secret;
  reader = (await makeToken(t.server.url, cookie, ['read'], 'Reader')).secret;
});

/** A new browser that claimed these details; its contact id. */
async function person(claim: { name?: string; email?: string; phone?: string }): Promise<string> {
  const v = await visitor(t.server.url);
  t.track(v.socket);
  const r = await v.socket.emitWithAck('visitor:identify', claim);
  if (!r.ok) throw new Error(r.message);
  return (await t.server.store.getVisitor(v.hello.visitorId))!.contactId!;
}

describe('REST API: contacts', () => {
  it('lists contacts last seen first, pages with a cursor and searches name, email and phone', async () => {
    const ana = await person({ name: 'Ana', email: 'ana@example.test' });
    const bo = await person({ name: 'Bo', phone: '+420602123456' });
    const cy = await person({ name: 'Cy' });
    const first = await v1(t.server.url, '/contacts?limit=2', { token: reader });
    expect(first.status).toBe(200);
    expect(first.body.data.map((c: { id: string }) => c.id)).toEqual([cy, bo]);
    const second = await v1(t.server.url, `/contacts?limit=2&cursor=${first.body.next_cursor}`, { token: reader });
    expect(second.body).toMatchObject({ next_cursor: null });
    expect(second.body.data.map((c: { id: string }) => c.id)).toEqual([ana]);
    expect(second.body.data[0]).toMatchObject({
      name: 'Ana',
      email: 'ana@example.test',
      verified: false,
      email_verified: false,
      visitor_count: 1,
      attributes: {},
    });
    const found = await v1(t.server.url, '/contacts?search=602123', { token: reader });
    expect(found.body.data.map((c: { id: string }) => c.id)).toEqual([bo]);
    expect((await v1(t.server.url, '/contacts?search=ANA%40', { token: reader })).body.data).toHaveLength(1);
    expect(await v1(t.server.url, '/contacts?cursor=bogus', { token: reader })).toMatchObject({ status: 400, body: { field: 'cursor' } });
    expect(await v1(t.server.url, '/contacts?sort=name', { token: reader })).toMatchObject({ status: 400 });
  });

  it('gets a contact, changes it (null removes an attribute) and sends contact.updated with the same object', async () => {
    const rx = await startReceiver();
    try {
      await addEndpoint(t.server.url, cookie, { url: rx.url, events: ['contact.updated'] });
      const id = await person({ name: 'Ana' });
      expect((await v1(t.server.url, `/contacts/${id}`, { token: reader })).body).toMatchObject({ id, name: 'Ana', site_id: 'demo' });
      const changed = await v1(t.server.url, `/contacts/${id}`, {
        token,
        method: 'PATCH',
        body: { email: 'ana@example.test', phone: '+420602123456', attributes: { plan: 'pro', seats: 3, beta: true } },
      });
      expect(changed).toMatchObject({
        status: 200,
        body: { id, email: 'ana@example.test', phone: '+420602123456', attributes: { plan: 'pro', seats: 3, beta: true } },
      });
      const again = await v1(t.server.url, `/contacts/${id}`, {
        token,
        method: 'PATCH',
        body: { name: null, attributes: { seats: null } },
      });
      expect(again.body).toMatchObject({ attributes: { plan: 'pro', beta: true } });
      expect(again.body.attributes).not.toHaveProperty('seats');
      const got = await rx.next(
        (r) => r.event.type === 'contact.updated' && r.event.data.id === id && !('seats' in r.event.data.attributes),
      );
      expect(got.event.data).toEqual((await v1(t.server.url, `/contacts/${id}`, { token: reader })).body);
    } finally {
      await rx.close();
    }
  });

  it('refuses bad changes with problem details naming the field, a read token, and unknown or merged contacts', async () => {
    const id = await person({ name: 'Ana' });
    const patch = (body: unknown, tok = token) => v1(t.server.url, `/contacts/${id}`, { token: tok, method: 'PATCH', body });
    expect(await patch({ name: 'X' }, reader)).toMatchObject({ status: 403 });
    expect(await patch({})).toMatchObject({ status: 400 });
    expect(await patch({ email: 'not-an-email' })).toMatchObject({ status: 400, body: { field: 'email' } });
    expect(await patch({ shoe_size: 42 })).toMatchObject({ status: 400 });
    expect(await patch({ attributes: { nested: { a: 1 } } })).toMatchObject({
      status: 400,
      body: { field: expect.stringMatching(/^attributes/) },
    });
    expect(await patch({ attributes: { 'bad key': 1 } })).toMatchObject({ status: 400 });
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i]));
    expect(await patch({ attributes: many })).toMatchObject({ status: 400, body: { field: 'attributes' } });
    // Fifty kept, one more: the contact would keep more than fifty.
    await patch({ attributes: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i])) });
    expect(await patch({ attributes: { one_more: 1 } })).toMatchObject({ status: 400, body: { field: 'attributes' } });
    expect((await v1(t.server.url, `/contacts/${id}`, { token: reader })).body.attributes).not.toHaveProperty('one_more');
    expect(await v1(t.server.url, '/contacts/nobody', { token: reader })).toMatchObject({
      status: 404,
      type: expect.stringContaining('problem+json'),
    });
    const other = await person({ name: 'Bo' });
    await t.server.store.mergeContacts({
      id: 'm1',
      fromId: other,
      intoId: id,
      reason: 'agent',
      agentId: null,
      createdAt: new Date().toISOString(),
    });
    expect(await v1(t.server.url, `/contacts/${other}`, { token: reader })).toMatchObject({ status: 404 });
    expect(await v1(t.server.url, `/contacts/${other}`, { token, method: 'PATCH', body: { name: 'Bo' } })).toMatchObject({ status: 404 });
  });
});
