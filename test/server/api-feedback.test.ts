import { beforeEach, describe, expect, it } from 'vitest';
import { makeToken, v1 } from '../helpers/rest-api';
import { nextEvent, signInCookie, useServer, visitor } from '../helpers/server';

const t = useServer({ smtp: true });
let token: string;
let writer: string;
beforeEach(async () => {
  const admin = await signInCookie(t.server.url);
  token = (await makeToken(t.server.url, admin, ['read'])).secret;
  writer = (await makeToken(t.server.url, admin, ['read', 'write'])).secret;
});

const page = { url: 'http://shop.test/checkout', title: 'Checkout' };

/** Feedback from a new visitor; its id. */
async function feedback(
  text: string,
  category: 'complaint' | 'praise',
  rating: number | null,
  contact: { mode: 'anonymous' } | { mode: 'reply'; name: string; email: string } = { mode: 'anonymous' },
): Promise<string> {
  const v = await visitor(t.server.url);
  t.track(v.socket);
  const r = await v.socket.emitWithAck('feedback:send', { rating, category, text, contact, page, locale: 'en' });
  if (!r.ok) throw new Error(r.message);
  return r.data.id;
}

describe('REST API: feedback and call back requests', () => {
  it('pages through feedback, newest first, filtered by category', async () => {
    const ids: string[] = [];
    for (const text of ['Slow', 'Late', 'Great'])
      ids.push(await feedback(text, text === 'Great' ? 'praise' : 'complaint', text === 'Great' ? 5 : 1));
    const first = await v1(t.server.url, '/feedback?limit=2', { token });
    expect(first.body.data).toHaveLength(2);
    const second = await v1(t.server.url, `/feedback?limit=2&cursor=${first.body.next_cursor}`, { token });
    expect(second.body.next_cursor).toBeNull();
    expect([...first.body.data, ...second.body.data].map((f: { id: string }) => f.id).sort()).toEqual([...ids].sort());
    const complaints = await v1(t.server.url, '/feedback?category=complaint&status=new&site=demo', { token });
    expect(complaints.body.data.map((f: { text: string }) => f.text).sort()).toEqual(['Late', 'Slow']);
    expect(complaints.body.data[0]).toMatchObject({ site_id: 'demo', unhappy: true, rating: 1, page_url: page.url, name: null });
    expect((await v1(t.server.url, '/feedback?category=rant', { token })).body).toMatchObject({ status: 400, field: 'category' });
  });

  it('gets a piece of feedback with its replies, and a problem for an unknown one', async () => {
    const id = await feedback('Where is my parcel?', 'complaint', 2);
    expect((await v1(t.server.url, `/feedback/${id}`, { token })).body).toMatchObject({
      id,
      text: 'Where is my parcel?',
      status: 'new',
      replies: [],
    });
    expect((await v1(t.server.url, '/feedback/nope', { token })).body).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('gets a call back request', async () => {
    const v = await visitor(t.server.url);
    t.track(v.socket);
    const asked = await v.socket.emitWithAck('callback:request', {
      phone: '602 123 456',
      country: 'CZ',
      name: 'Ana',
      when: { asap: true },
      page,
    });
    if (!asked.ok) throw new Error(asked.message);
    const r = await v1(t.server.url, `/callbacks/${asked.data.id}`, { token });
    expect(r.body).toMatchObject({
      id: asked.data.id,
      site_id: 'demo',
      phone: '+420602123456',
      name: 'Ana',
      asap: true,
      status: 'waiting',
      claimed_by: null,
      attempts: 0,
    });
    expect((await v1(t.server.url, '/callbacks/nope', { token })).body).toMatchObject({ status: 404 });
  });

  it('answers feedback by email once however often the write is repeated, and the feedback is answered', async () => {
    const id = await feedback('Parcel is late', 'complaint', 2, { mode: 'reply', name: 'Ana', email: 'ana@example.test' });
    const send = () =>
      v1(t.server.url, `/feedback/${id}/replies`, {
        token: writer,
        body: { text: 'It left today.' },
        headers: { 'idempotency-key': 'fb-1' },
      });
    const first = await send();
    expect(first).toMatchObject({ status: 201, body: { agent_name: 'Admin', text: 'It left today.' } });
    expect((await send()).body).toEqual(first.body);
    // The owners' alert of an unhappy customer, and the answer to Ana (one reply is stored, below).
    const mails = await t.smtp.waitFor(2);
    const toAna = mails.filter((m) => m.text?.includes('It left today.'));
    expect(toAna).toHaveLength(1);
    const detail = await v1(t.server.url, `/feedback/${id}`, { token });
    expect(detail.body).toMatchObject({ status: 'answered', replies: [{ id: first.body.id }] });
    expect(detail.body.replies).toHaveLength(1);
    const anonymous = await feedback('Meh', 'complaint', 1);
    expect((await v1(t.server.url, `/feedback/${anonymous}/replies`, { token: writer, body: { text: 'Hi' } })).body).toMatchObject({
      status: 409,
      code: 'no_contact',
    });
  });

  it('pages through call back requests, most recently changed first, filtered by status and site', async () => {
    const ids: string[] = [];
    for (const phone of ['602 123 456', '603 123 456']) {
      const v = await visitor(t.server.url);
      t.track(v.socket);
      const asked = await v.socket.emitWithAck('callback:request', { phone, country: 'CZ', when: { asap: true }, page });
      if (!asked.ok) throw new Error(asked.message);
      ids.push(asked.data.id);
    }
    const first = await v1(t.server.url, '/callbacks?limit=1', { token });
    const second = await v1(t.server.url, `/callbacks?limit=1&cursor=${first.body.next_cursor}`, { token });
    expect(second.body.next_cursor).toBeNull();
    expect([...first.body.data, ...second.body.data].map((c: { id: string }) => c.id).sort()).toEqual([...ids].sort());
    expect((await v1(t.server.url, '/callbacks?status=waiting&site=demo', { token })).body.data).toHaveLength(2);
    expect((await v1(t.server.url, '/callbacks?status=called', { token })).body.data).toEqual([]);
    expect((await v1(t.server.url, '/callbacks?status=done', { token })).body).toMatchObject({ status: 400, field: 'status' });
  });

  it("records a call's outcome and reschedules, told live to the visitor's widget", async () => {
    const v = await visitor(t.server.url);
    t.track(v.socket);
    const asked = await v.socket.emitWithAck('callback:request', { phone: '602 123 456', country: 'CZ', when: { asap: true }, page });
    if (!asked.ok) throw new Error(asked.message);
    const path = `/callbacks/${asked.data.id}`;
    const heard = nextEvent<{ status: string }>(v.socket, 'callback:updated');
    const noAnswer = await v1(t.server.url, `${path}/outcome`, { token: writer, body: { outcome: 'no_answer', note: 'Voicemail' } });
    expect(noAnswer).toMatchObject({ status: 200, body: { id: asked.data.id, attempts: 1, status: 'waiting' } });
    await heard;
    const later = new Date(Date.now() + 86_400_000).toISOString();
    const moved = await v1(t.server.url, `${path}/reschedule`, { token: writer, body: { due_at: later } });
    expect(moved.body).toMatchObject({ status: 'rescheduled', due_at: later, asap: false });
    const past = await v1(t.server.url, `${path}/reschedule`, { token: writer, body: { due_at: '2020-01-01T00:00:00Z' } });
    expect(past.body).toMatchObject({ status: 409, code: 'slot_unavailable', field: 'due_at' });
    const reached = await v1(t.server.url, `${path}/outcome`, { token: writer, body: { outcome: 'reached' } });
    expect(reached.body).toMatchObject({ status: 'called', attempts: 2 });
    expect((await v1(t.server.url, `${path}/outcome`, { token: writer, body: { outcome: 'maybe' } })).body).toMatchObject({
      status: 400,
      field: 'outcome',
    });
    expect((await v1(t.server.url, `${path}/outcome`, { token, body: { outcome: 'reached' } })).body).toMatchObject({ status: 403 });
  });

  it('lists the agents without their passwords', async () => {
    const r = await v1(t.server.url, '/agents?limit=1', { token });
    expect(r.body).toEqual({
      data: [
        {
          id: expect.any(String),
          name: 'Admin',
          email: 'admin@test.local',
          role: 'admin',
          active: true,
          away: false,
          created_at: expect.any(String),
        },
      ],
      next_cursor: null,
    });
  });
});
