import { describe, expect, it } from 'vitest';
import type { NewWebhookDelivery, WebhookEndpointRow } from '../../server/store/types';
import { STORE, useTestStore } from '../helpers/stores';

// The store contract of the webhook tables, on SQLite and again on Postgres.

const t = useTestStore();

const AT = '2026-01-01T00:00:00.000Z';
const endpoint = (id: string): WebhookEndpointRow => ({
  id,
  url: `https://hooks.example/${id}`,
  events: ['message.created'],
  siteId: null,
  description: null,
  secret: 'whsec_a',
  oldSecret: null,
  oldSecretUntil: null,
  failingSince: null,
  disabledAt: null,
  createdAt: AT,
  updatedAt: AT,
});
const delivery = (id: string, endpointId: string, orderKey: string | null): NewWebhookDelivery => ({
  id,
  endpointId,
  eventType: 'message.created',
  orderKey,
  body: `{"n":"${id}"}`,
  createdAt: AT,
});
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe(`${STORE} store: webhooks`, () => {
  it('claims in order per endpoint and key: the next waits while one is pending, other keys and endpoints go on', async () => {
    await t.store.createWebhookEndpoint(endpoint('e1'));
    await t.store.createWebhookEndpoint(endpoint('e2'));
    await t.store.enqueueWebhookDeliveries([
      delivery('a1', 'e1', 'c1'),
      delivery('a2', 'e1', 'c1'),
      delivery('b1', 'e1', 'c2'),
      delivery('x1', 'e2', 'c1'),
    ]);
    // Queued again (a retried step): nothing twice.
    await t.store.enqueueWebhookDeliveries([delivery('a1', 'e1', 'c1')]);
    const first = await t.store.claimWebhookDeliveries(60_000, 10, []);
    expect(ids(first)).toEqual(['a1', 'b1', 'x1']);
    expect(first[0]).toMatchObject({ attempts: 1, status: 'sending', body: '{"n":"a1"}' });
    expect(await t.store.claimWebhookDeliveries(60_000, 10, [])).toEqual([]);
    // a1 put back for a retry: a2 still waits behind it.
    const a1 = first[0]!;
    expect(
      await t.store.settleWebhookDelivery('a1', a1.claimId, {
        status: 'pending',
        retryInMs: 0,
        responseStatus: 500,
        error: 'answered 500',
      }),
    ).toBe(true);
    expect(ids(await t.store.claimWebhookDeliveries(60_000, 10, ['e1']))).toEqual([]);
    const again = await t.store.claimWebhookDeliveries(60_000, 10, []);
    expect(ids(again)).toEqual(['a1']);
    expect(again[0]!.attempts).toBe(2);
    // A stale claim settles nothing.
    expect(await t.store.settleWebhookDelivery('a1', a1.claimId, { status: 'delivered', responseStatus: 200, error: null })).toBe(false);
    expect(await t.store.settleWebhookDelivery('a1', again[0]!.claimId, { status: 'delivered', responseStatus: 200, error: null })).toBe(
      true,
    );
    expect(ids(await t.store.claimWebhookDeliveries(60_000, 10, []))).toEqual(['a2']);
    expect(await t.store.getWebhookDelivery('a1')).toMatchObject({
      status: 'delivered',
      responseStatus: 200,
      deliveredAt: expect.any(String),
    });
  });

  it('updates, rotates and deletes an endpoint with its deliveries; sends a delivery again with its id', async () => {
    await t.store.createWebhookEndpoint(endpoint('e1'));
    const until = '2026-01-02T00:00:00.000Z';
    const rotated = await t.store.updateWebhookEndpoint('e1', {
      secret: 'whsec_b',
      oldSecret: 'whsec_a',
      oldSecretUntil: until,
      updatedAt: AT,
    });
    expect(rotated).toMatchObject({ secret: 'whsec_b', oldSecret: 'whsec_a', oldSecretUntil: until, events: ['message.created'] });
    expect(await t.store.updateWebhookEndpoint('e1', { events: ['feedback.created'], updatedAt: AT })).toMatchObject({
      events: ['feedback.created'],
    });
    await t.store.enqueueWebhookDeliveries([delivery('d1', 'e1', null)]);
    const [d1] = await t.store.claimWebhookDeliveries(60_000, 10, []);
    await t.store.settleWebhookDelivery('d1', d1!.claimId, { status: 'failed', responseStatus: 410, error: 'answered 410' });
    expect(await t.store.redeliverWebhook('d1', new Date().toISOString())).toMatchObject({ id: 'd1', status: 'pending', attempts: 0 });
    expect(ids(await t.store.listWebhookDeliveries('e1', 10))).toEqual(['d1']);
    expect(await t.store.deleteWebhookEndpoint('e1')).toBe(true);
    expect(await t.store.getWebhookDelivery('d1')).toBeNull();
    expect(await t.store.listWebhookEndpoints()).toEqual([]);
  });

  it('forgets deliveries done with before a time, never pending ones', async () => {
    await t.store.createWebhookEndpoint(endpoint('e1'));
    await t.store.enqueueWebhookDeliveries([delivery('d1', 'e1', null), delivery('d2', 'e1', null)]);
    const [d1] = await t.store.claimWebhookDeliveries(60_000, 1, []);
    await t.store.settleWebhookDelivery(d1!.id, d1!.claimId, { status: 'delivered', responseStatus: 204, error: null });
    expect(await t.store.purgeWebhookDeliveries(AT, 10)).toBe(0);
    expect(await t.store.purgeWebhookDeliveries(new Date(Date.now() + 60_000).toISOString(), 10)).toBe(1);
    expect(ids(await t.store.listWebhookDeliveries('e1', 10))).toEqual(['d2']);
  });
});
