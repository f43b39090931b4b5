import { beforeEach, describe, expect, it } from 'vitest';
import { makeToken, v1 } from '../helpers/rest-api';
import { signInCookie, useServer, visitor } from '../helpers/server';

const t = useServer();
let token: string;
beforeEach(async () => {
  token = (await makeToken(t.server.url, await signInCookie(t.server.url))).secret;
});

/** A visitor's call back request; its path under /api/v1. */
async function callbackPath(): Promise<string> {
  const v = await visitor(t.server.url);
  t.track(v.socket);
  const page = { url: 'http://shop.test/', title: 'Shop' };
  const asked = await v.socket.emitWithAck('callback:request', { phone: '602 123 456', country: 'CZ', when: { asap: true }, page });
  if (!asked.ok) throw new Error(asked.message);
  return `/callbacks/${asked.data.id}`;
}

describe('REST API: Idempotency-Key under concurrent repeats', () => {
  it('records one attempt when a callback outcome is sent many times at once with one key', async () => {
    const path = await callbackPath();
    const send = () =>
      v1(t.server.url, `${path}/outcome`, { token, body: { outcome: 'no_answer' }, headers: { 'idempotency-key': 'call-17' } });
    const answers = await Promise.all(Array.from({ length: 8 }, send));
    for (const a of answers) {
      if (a.status === 200) {
        expect(a.body).toMatchObject({ attempts: 1, status: 'waiting' });
      } else {
        expect(a).toMatchObject({ status: 409, body: { code: 'idempotency_in_progress', field: 'Idempotency-Key', status: 409 } });
        expect(a.type).toMatch(/^application\/problem\+json/);
        expect(a.headers.get('retry-after')).toBe('1');
      }
    }
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(1);
    const again = await send();
    expect(again).toMatchObject({ status: 200, body: { attempts: 1 } });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await v1(t.server.url, path, { token })).body.attempts).toBe(1);
  });

  it('keeps nothing for a refused write: the same key runs again, and with another body too', async () => {
    const path = await callbackPath();
    const key = { 'idempotency-key': 'move-1' };
    const past = { due_at: '2020-01-01T00:00:00Z' };
    const refused = await v1(t.server.url, `${path}/reschedule`, { token, body: past, headers: key });
    expect(refused.body).toMatchObject({ status: 409, code: 'slot_unavailable', field: 'due_at' });
    expect((await v1(t.server.url, `${path}/reschedule`, { token, body: past, headers: key })).body).toMatchObject({
      code: 'slot_unavailable',
    });
    const later = new Date(Date.now() + 86_400_000).toISOString();
    const moved = await v1(t.server.url, `${path}/reschedule`, { token, body: { due_at: later }, headers: key });
    expect(moved).toMatchObject({ status: 200, body: { status: 'rescheduled', due_at: later } });
    expect(moved.headers.get('idempotent-replayed')).toBeNull();
  });
});
