import { spawn } from 'node:child_process';
import path from 'node:path';
import { nanoid } from 'nanoid';
import type { Ack, Message } from '../../protocol/types';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../helpers/team';
import { signInCookie, startTestServer, useServer, visitor } from '../helpers/server';
import { addEndpoint, startReceiver, type Receiver } from '../helpers/webhooks';

// Receivers run on 127.0.0.1: the servers here allow private addresses, except where a test says not.
const ALLOW = { WEBHOOKS_ALLOW_PRIVATE: '1' };
const DAY = 86_400_000;
/** How long a vi.waitFor may look (a try times out after 1.5 s here). */
const WAIT = { timeout: 10_000, interval: 50 };
/** The clock that decides whether a rotated-out secret still signs; a test moves it past the grace. */
let skew = 0;
const webhooks = { pollMs: 20, retryBaseMs: 40, retryCapMs: 200, timeoutMs: 1500, now: () => Date.now() + skew };

const receivers: Receiver[] = [];
async function receiver(): Promise<Receiver> {
  const r = await startReceiver();
  receivers.push(r);
  return r;
}
beforeEach(() => {
  skew = 0;
});
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

describe('webhooks: delivery', () => {
  const t = useServer({ env: ALLOW, startOpts: { webhooks } });

  /** A visitor says each text in turn; their conversation id and message ids. */
  async function visitorSays(...texts: string[]) {
    const v = await visitor(t.server.url);
    t.track(v.socket);
    let conversationId: string | null = null;
    const ids: string[] = [];
    for (const text of texts) {
      const sent: Ack<Message> = await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId, text });
      if (!sent.ok) throw new Error(sent.message);
      conversationId = sent.data.conversationId;
      ids.push(sent.data.id);
    }
    return { conversationId: conversationId!, ids };
  }

  it('retries a 500 with the same webhook-id, verified each time by standardwebhooks, and keeps a conversation in order', async () => {
    const rx = await receiver();
    const cookie = await signInCookie(t.server.url);
    const { secret } = await addEndpoint(t.server.url, cookie, { url: rx.url, events: ['conversation.created', 'message.created'] });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{40,}={0,2}$/);
    rx.secrets = [secret];
    // The first event fails twice; nothing of its conversation may overtake it meanwhile.
    const firstId = { value: '' };
    rx.answer = (r, n) => {
      if (n === 0) firstId.value = r.id;
      return r.id === firstId.value && rx.received.filter((x) => x.id === r.id).length < 2 ? 500 : 200;
    };
    const { conversationId, ids } = await visitorSays('Hello?', 'Anyone there?');
    const last = await rx.next((r) => r.answered === 200 && r.event.data.id === ids[1]);

    const tries = rx.received.filter((r) => r.id === firstId.value);
    expect(tries.map((r) => r.answered)).toEqual([500, 500, 200]);
    expect(rx.received.every((r) => r.verifiedBy.length === 1)).toBe(true);
    const delivered = rx.received.filter((r) => r.answered === 200);
    expect(delivered.map((r) => r.event.type)).toEqual(['conversation.created', 'message.created', 'message.created']);
    expect(delivered[0]!.event.data).toMatchObject({ id: conversationId, site_id: 'demo', status: 'pending' });
    expect(delivered[1]!.event.data).toMatchObject({
      id: ids[0],
      conversation_id: conversationId,
      author: 'visitor',
      text: 'Hello?',
      seq: 1,
    });
    expect(last.event.timestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
    // Each event's tries carry one id; distinct events have distinct ids.
    expect(new Set(delivered.map((r) => r.id)).size).toBe(3);
  });

  it('after a restart in the middle of retries delivers the event once more with its id, never signed with a revoked secret', async () => {
    const rx = await receiver();
    const cookie = await signInCookie(t.server.url);
    const { endpoint, secret: oldSecret } = await addEndpoint(t.server.url, cookie, { url: rx.url, events: ['message.created'] });
    rx.answer = () => 500;
    const { ids } = await visitorSays('Will you call me?');
    const first = await rx.next(() => true);

    const rotated = await api(t.server.url, `/api/webhooks/${endpoint.id}/rotate`, { cookie, body: {} });
    expect(rotated.status).toBe(200);
    const newSecret = rotated.body.data.secret as string;
    rx.secrets = [oldSecret, newSecret];
    // During the grace both secrets sign, space-separated: a receiver with either one verifies.
    const during = await rx.next((r) => r.verifiedBy.includes(newSecret));
    expect(during.id).toBe(first.id);
    expect(during.signature.split(' ')).toHaveLength(2);
    expect(during.verifiedBy).toEqual([oldSecret, newSecret]);

    await t.stop();
    skew = DAY + 60_000;
    rx.answer = () => 200;
    t.server = await startTestServer(t.data.dir, 0, ALLOW, { webhooks });
    const got = await rx.next((r) => r.answered === 200);
    expect(got.id).toBe(first.id);
    expect(got.event.data.id).toBe(ids[0]);
    expect(got.signature.split(' ')).toHaveLength(1);
    expect(got.verifiedBy).toEqual([newSecret]);
    // Nothing signed after the grace verifies with the old secret.
    const after = rx.received.slice(rx.received.indexOf(got));
    expect(after.every((r) => !r.verifiedBy.includes(oldSecret))).toBe(true);
    const deliveries = await api(t.server.url, `/api/webhooks/${endpoint.id}/deliveries`, { cookie: await signInCookie(t.server.url) });
    expect(deliveries.body.data).toEqual([expect.objectContaining({ id: first.id, status: 'delivered', responseStatus: 200 })]);
  });

  it('cuts a receiver that hangs at the timeout and one that answers 10 MB at the limit, while another gets its events', async () => {
    const [hangs, huge, fine] = [await receiver(), await receiver(), await receiver()];
    hangs.answer = () => 'hang';
    huge.answer = () => 'huge';
    const cookie = await signInCookie(t.server.url);
    const made = [];
    for (const rx of [hangs, huge, fine]) made.push(await addEndpoint(t.server.url, cookie, { url: rx.url, events: ['message.created'] }));
    const { ids } = await visitorSays('one', 'two', 'three');
    for (const id of ids) await fine.next((r) => r.event.data.id === id);
    // All three went while the hanging receiver still holds its first (its later events wait behind it, in order).
    expect(hangs.received).toHaveLength(1);
    await huge.next((r) => r.event.data.id === ids[2]);
    const [hangId, hugeId] = [made[0]!.endpoint.id, made[1]!.endpoint.id];
    await vi.waitFor(async () => {
      const d = await api(t.server.url, `/api/webhooks/${hangId}/deliveries`, { cookie });
      expect(d.body.data.some((x: { lastError: string | null }) => /timed out/.test(x.lastError ?? ''))).toBe(true);
    }, WAIT);
    // A 10 MB answer is not read whole: the status counts, the rest is cut off.
    const d = await api(t.server.url, `/api/webhooks/${hugeId}/deliveries`, { cookie });
    expect(d.body.data.map((x: { status: string }) => x.status)).toEqual(['delivered', 'delivered', 'delivered']);
    await vi.waitFor(() => expect(huge.cutOff).toBe(3), WAIT);
  });

  it('delivers the events of a change made by a process killed before it could deliver them, once the server is back', async () => {
    const rx = await receiver();
    const cookie = await signInCookie(t.server.url);
    const { secret } = await addEndpoint(t.server.url, cookie, { url: rx.url, events: ['conversation.created', 'message.created'] });
    rx.secrets = [secret];
    await t.stop();
    // The change and its events are written in one transaction, then the process dies (SIGKILL, no chance to clean up).
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '../helpers/webhook-child.ts'), t.data.dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const line = await new Promise<string>((resolve) => child.stdout.on('data', (d: Buffer) => resolve(d.toString())));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const message = JSON.parse(line) as Message;
    expect(rx.received).toEqual([]);

    t.server = await startTestServer(t.data.dir, 0, ALLOW, { webhooks });
    const got = await rx.next((r) => r.event.type === 'message.created');
    expect(got.event.data).toMatchObject({ id: 'before-the-crash', conversation_id: message.conversationId, text: 'Anyone there?' });
    expect(got.verifiedBy).toEqual([secret]);
    // In order: the conversation before its first message.
    expect(rx.received.map((r) => r.event.type)).toEqual(['conversation.created', 'message.created']);
  });

  it('sends a test event and sends a delivery again with its id', async () => {
    const rx = await receiver();
    const cookie = await signInCookie(t.server.url);
    const { endpoint, secret } = await addEndpoint(t.server.url, cookie, { url: rx.url, events: ['feedback.created'] });
    rx.secrets = [secret];
    const test = await api(t.server.url, `/api/webhooks/${endpoint.id}/test`, { cookie, body: {} });
    const got = await rx.next((r) => r.event.type === 'webhook.test');
    expect(got.id).toBe(test.body.data.id);
    expect(got.verifiedBy).toEqual([secret]);
    await vi.waitFor(async () => {
      const d = await api(t.server.url, `/api/webhooks/${endpoint.id}/deliveries`, { cookie });
      expect(d.body.data[0].status).toBe('delivered');
    }, WAIT);
    await api(t.server.url, `/api/webhooks/deliveries/${got.id}/retry`, { cookie, body: {} });
    await vi.waitFor(() => expect(rx.received.filter((r) => r.id === got.id)).toHaveLength(2), WAIT);
  });
});

describe('webhooks: forbidden addresses', () => {
  const t = useServer();

  it('refuses a loopback URL and a non-http URL when saved, naming the field', async () => {
    const cookie = await signInCookie(t.server.url);
    for (const url of ['http://127.0.0.1:9/hook', 'http://[::1]:9/hook', 'http://10.1.2.3/hook', 'ftp://example.com/hook']) {
      const r = await api(t.server.url, '/api/webhooks', { cookie, body: { url, events: ['message.created'] } });
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ ok: false, code: 'invalid_payload' });
      expect(r.body.message).toMatch(/^url /);
    }
  });

  it('refuses again at delivery: an endpoint saved while private addresses were allowed gets nothing after', async () => {
    await t.stop();
    t.server = await startTestServer(t.data.dir, 0, ALLOW, { webhooks });
    const rx = await receiver();
    const { endpoint } = await addEndpoint(t.server.url, await signInCookie(t.server.url), { url: rx.url, events: ['message.created'] });
    await t.stop();
    t.server = await startTestServer(t.data.dir, 0, {}, { webhooks });
    const v = await visitor(t.server.url);
    t.track(v.socket);
    await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'hi' });
    const cookie = await signInCookie(t.server.url);
    await vi.waitFor(async () => {
      const d = await api(t.server.url, `/api/webhooks/${endpoint.id}/deliveries`, { cookie });
      expect(d.body.data[0]?.lastError).toMatch(/^refused: url resolves to 127\.0\.0\.1/);
    }, WAIT);
    expect(rx.received).toHaveLength(0);
  });
});
