import { nanoid } from 'nanoid';
import { describe, expect, it, vi } from 'vitest';
import type { Ack, FeedbackReceipt, Message, VisitorCallback } from '../../protocol/types';
import { WEBHOOK_EVENTS } from '../../protocol/webhooks';
import { forbiddenAddress } from '../../server/webhooks/addresses';
import { postWebhook, retryAfterMs } from '../../server/webhooks/send';
import { makeToken, v1 } from '../helpers/rest-api';
import { signInCookie, useServer, visitor } from '../helpers/server';
import { api } from '../helpers/team';
import { addEndpoint, startReceiver } from '../helpers/webhooks';

const ALLOW = { WEBHOOKS_ALLOW_PRIVATE: '1' };
const webhooks = { pollMs: 20, retryBaseMs: 40, retryCapMs: 200, timeoutMs: 1500 };
const WAIT = { timeout: 10_000, interval: 50 };
const page = { url: 'http://shop.test/checkout', title: 'Checkout' };

describe('webhook events', () => {
  const t = useServer({ env: ALLOW, startOpts: { webhooks } });

  it('sends each event with the same object the REST API answers', async () => {
    const rx = await startReceiver();
    try {
      const cookie = await signInCookie(t.server.url);
      const token = (await makeToken(t.server.url, cookie)).secret;
      const all = [...WEBHOOK_EVENTS];
      await addEndpoint(t.server.url, cookie, { url: rx.url, events: all });
      // A site filter must name a site.
      const filtered = await api(t.server.url, '/api/webhooks', { cookie, body: { url: rx.url, events: all, siteId: 'nope' } });
      expect(filtered).toMatchObject({ status: 400, body: { code: 'invalid_payload', message: 'siteId no such site' } });

      const v = await visitor(t.server.url);
      const sent: Ack<Message> = await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'Hi' });
      if (!sent.ok) throw new Error(sent.message);
      const conversationId = sent.data.conversationId;
      const replied = await v1(t.server.url, `/conversations/${conversationId}/messages`, {
        token,
        body: { text: 'Hello, how can I help?' },
      });
      expect(replied.status).toBe(201);
      expect((await v1(t.server.url, `/conversations/${conversationId}/status`, { token, body: { status: 'resolved' } })).status).toBe(200);
      expect(await v.socket.emitWithAck('survey:send', { conversationId, rating: 4, comment: 'Quick' })).toEqual({ ok: true, data: null });
      const asked: Ack<VisitorCallback> = await v.socket.emitWithAck('callback:request', {
        phone: '602 123 456',
        country: 'CZ',
        when: { asap: true },
        page,
      });
      if (!asked.ok) throw new Error(asked.message);
      expect((await v1(t.server.url, `/callbacks/${asked.data.id}/outcome`, { token, body: { outcome: 'reached' } })).status).toBe(200);
      const fb: Ack<FeedbackReceipt> = await v.socket.emitWithAck('feedback:send', {
        rating: 5,
        category: 'praise',
        text: 'Lovely',
        contact: { mode: 'anonymous' },
        page,
        locale: 'en',
      });
      if (!fb.ok) throw new Error(fb.message);
      // The site tells who the visitor is: once, however often it says the same again.
      expect((await v.socket.emitWithAck('visitor:identify', { name: 'Jana Nováková', email: 'jana@shop.test' })).ok).toBe(true);
      expect((await v.socket.emitWithAck('visitor:identify', { name: 'Jana Nováková', email: 'jana@shop.test' })).ok).toBe(true);
      v.socket.disconnect();

      const got = await rx.next((r) => r.event.type === 'feedback.created');
      expect(got.event.data).toMatchObject({ id: fb.data.id, rating: 5, category: 'praise', text: 'Lovely', site_id: 'demo' });
      await rx.next((r) => r.event.type === 'callback.completed');
      await rx.next((r) => r.event.type === 'survey.submitted');
      const byType = (type: string) => rx.received.filter((r) => r.event.type === type).map((r) => r.event.data);
      expect(byType('conversation.created')).toEqual([expect.objectContaining({ id: conversationId, site_id: 'demo' })]);
      expect(byType('message.created').map((m) => m.author)).toEqual(['visitor', 'agent']);
      expect(byType('conversation.resolved')).toEqual([expect.objectContaining({ id: conversationId, status: 'resolved' })]);
      expect(byType('survey.submitted')).toEqual([
        expect.objectContaining({ id: conversationId, survey: expect.objectContaining({ rating: 4, comment: 'Quick' }) }),
      ]);
      // One conversation's events arrive in the order they happened.
      const ofConversation = rx.received.filter((r) =>
        [conversationId, ...byType('message.created').map((m) => m.id)].includes(r.event.data.id),
      );
      expect(ofConversation.map((r) => r.event.type)).toEqual([
        'conversation.created',
        'message.created',
        'message.created',
        'conversation.resolved',
        'survey.submitted',
      ]);
      expect(byType('callback.requested')).toEqual([
        expect.objectContaining({ id: asked.data.id, phone: '+420602123456', status: 'waiting' }),
      ]);
      expect(byType('callback.completed')).toEqual([expect.objectContaining({ id: asked.data.id, status: 'called', attempts: 1 })]);
      await rx.next((r) => r.event.type === 'contact.updated');
      expect(byType('contact.updated')).toEqual([
        expect.objectContaining({ id: v.hello.visitorId, name: 'Jana Nováková', email: 'jana@shop.test', site_id: 'demo' }),
      ]);
      // The REST API answers the same object the webhook carried (its GET adds the replies).
      const rest = await v1(t.server.url, `/feedback/${fb.data.id}`, { token });
      expect({ ...got.event.data, replies: [] }).toEqual(rest.body);
    } finally {
      await rx.close();
    }
  });
});

describe('webhook endpoints over the REST API', () => {
  // No poll within the test: what is queued is sent because queueing wakes the worker.
  const t = useServer({ env: ALLOW, startOpts: { webhooks: { ...webhooks, pollMs: 600_000 } } });

  it('lets a write token add an endpoint and send it a test event; a read token and unknown fields are refused', async () => {
    const rx = await startReceiver();
    try {
      const cookie = await signInCookie(t.server.url);
      const [reader, writer] = [(await makeToken(t.server.url, cookie, ['read'])).secret, (await makeToken(t.server.url, cookie)).secret];
      const body = { url: rx.url, events: ['message.created'] };
      expect((await v1(t.server.url, '/webhooks', { token: reader, body })).body).toMatchObject({ status: 403, code: 'forbidden' });
      const odd = await v1(t.server.url, '/webhooks', { token: writer, body: { ...body, secret: 'mine' } });
      expect(odd.body).toMatchObject({ status: 400, field: 'secret' });
      const bad = await v1(t.server.url, '/webhooks', { token: writer, body: { ...body, url: 'file:///etc/passwd' } });
      expect(bad.body).toMatchObject({ status: 400, field: 'url' });
      const made = await v1(t.server.url, '/webhooks', { token: writer, body });
      expect(made.status).toBe(201);
      expect(made.body).toMatchObject({
        endpoint: { url: rx.url, events: ['message.created'], disabled_at: null },
        secret: expect.stringMatching(/^whsec_/),
      });
      rx.secrets = [made.body.secret];
      const test = await v1(t.server.url, `/webhooks/${made.body.endpoint.id}/test`, { token: writer, body: {} });
      expect(test.status).toBe(202);
      const got = await rx.next((r) => r.event.type === 'webhook.test');
      expect(got).toMatchObject({ id: test.body.id, verifiedBy: [made.body.secret] });
      const listed = await v1(t.server.url, '/webhooks', { token: writer });
      expect(listed.body.data.map((e: { id: string }) => e.id)).toEqual([made.body.endpoint.id]);
      expect(JSON.stringify(listed.body)).not.toContain('whsec_');
      // An event the domain queues wakes the worker too.
      const v = await visitor(t.server.url);
      t.track(v.socket);
      await v.socket.emitWithAck('message:send', { id: 'm-kick', conversationId: null, text: 'Now?' });
      expect((await rx.next((r) => r.event.type === 'message.created')).event.data).toMatchObject({ id: 'm-kick' });
    } finally {
      await rx.close();
    }
  });
});

describe('webhook endpoints that keep failing', () => {
  const t = useServer({ env: ALLOW, smtp: true, startOpts: { webhooks: { ...webhooks, disableAfterMs: 0 } } });

  it('disables an endpoint failing for the whole window and emails the admins; a 4xx is not retried', async () => {
    const rx = await startReceiver();
    try {
      rx.answer = () => 410;
      const cookie = await signInCookie(t.server.url);
      const { endpoint } = await addEndpoint(t.server.url, cookie, { url: rx.url, events: ['message.created'] });
      await api(t.server.url, `/api/webhooks/${endpoint.id}/test`, { cookie, body: {} });
      const [mail] = await t.smtp.waitFor(1);
      expect(mail!.subject).toBe('A webhook endpoint was disabled');
      expect(mail!.text).toContain(rx.url);
      const list = await api(t.server.url, '/api/webhooks', { cookie });
      expect(list.body.data[0].disabledAt).toEqual(expect.any(String));
      await vi.waitFor(async () => {
        const d = await api(t.server.url, `/api/webhooks/${endpoint.id}/deliveries`, { cookie });
        expect(d.body.data[0]).toMatchObject({ status: 'failed', attempts: 1, responseStatus: 410 });
      }, WAIT);
      expect(rx.received).toHaveLength(1);
    } finally {
      await rx.close();
    }
  });
});

describe('webhook address and header rules', () => {
  it('tells forbidden addresses, IPv4 and IPv6, mapped ones too', () => {
    for (const a of [
      '127.0.0.1',
      '10.0.0.8',
      '172.20.1.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fe80::1',
      'fd00::5',
    ]) {
      expect(forbiddenAddress(a), a).toBe(true);
    }
    expect(forbiddenAddress('::ffff:7f00:1')).toBe(true);
    expect(forbiddenAddress('::ffff:127.0.0.1')).toBe(true);
    for (const a of ['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111']) expect(forbiddenAddress(a), a).toBe(false);
  });

  it('resolves a host name at delivery, refuses it when it points at a private address, else connects to the address checked', async () => {
    const rx = await startReceiver();
    try {
      const byName = rx.url.replace('127.0.0.1', 'localhost');
      const limits = { timeoutMs: 5000, maxResponseBytes: 1000 };
      const refused = await postWebhook(byName, {}, '{}', { ...limits, allowPrivate: false });
      expect(refused).toMatchObject({ status: null, error: expect.stringMatching(/^refused: url resolves to (127\.0\.0\.1|::1)/) });
      expect(rx.received).toHaveLength(0);
      const sent = await postWebhook(byName, { 'webhook-id': 'msg_1' }, '{"type":"x"}', { ...limits, allowPrivate: true });
      expect(sent).toMatchObject({ status: 200, error: null });
      expect(rx.received.map((r) => r.id)).toEqual(['msg_1']);
    } finally {
      await rx.close();
    }
  });

  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterMs('120')).toBe(120_000);
    expect(retryAfterMs(new Date(Date.now() + 60_000).toUTCString(), Date.now())).toBeGreaterThan(50_000);
    expect(retryAfterMs('soon')).toBeNull();
    expect(retryAfterMs(undefined)).toBeNull();
  });
});
