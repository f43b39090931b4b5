import { describe, expect, it } from 'vitest';
import { createVisitor } from '../../server/domain/visitors';
import type { NewWebhookDelivery, Store, WebhookEndpointRow } from '../../server/store/types';
import { deliveryId, type WebhookEventDraft } from '../../server/store/webhook-events';
import { callbackRow, feedbackRow, newConversation, newMessage, rawExec, rawRows, STORE, useTestStore } from '../helpers/stores';

// The store contract of the webhook tables, and of webhook events recorded in the change's own
// transaction, on SQLite and again on Postgres.

const t = useTestStore();

const AT = '2026-01-01T00:00:00.000Z';
const endpoint = (id: string, over: Partial<WebhookEndpointRow> = {}): WebhookEndpointRow => ({
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
  ...over,
});
const BOTH = ['conversation.created', 'message.created'];
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

const draft = (key: string, type = 'message.created'): WebhookEventDraft => ({
  type,
  key,
  siteId: 'demo',
  orderKey: 'k',
  data: { resource: { key } },
});
const deliveries = () => rawRows(t.data.dir, 'SELECT id, endpoint_id, event_type, body FROM webhook_deliveries ORDER BY seq');

/** Makes every insert of a delivery fail, as a full disk or a lost connection would in the middle of the change. */
async function failDeliveryInserts(): Promise<void> {
  await rawExec(
    t.data.dir,
    STORE === 'sqlite'
      ? `CREATE TRIGGER refuse_delivery BEFORE INSERT ON webhook_deliveries BEGIN SELECT RAISE(ABORT, 'no deliveries today'); END;`
      : `CREATE FUNCTION refuse_delivery() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no deliveries today'; END $$;
         CREATE TRIGGER refuse_delivery BEFORE INSERT ON webhook_deliveries FOR EACH ROW EXECUTE FUNCTION refuse_delivery();`,
  );
}

describe(`${STORE} store: webhook events in the change's transaction`, () => {
  it('queues an event for each endpoint that wants it, with the delivery id of its key, once however often it is recorded', async () => {
    await t.store.createWebhookEndpoint(endpoint('e1', { events: BOTH }));
    await t.store.createWebhookEndpoint(endpoint('e2', { events: BOTH, siteId: 'other' }));
    await t.store.createWebhookEndpoint(endpoint('e3', { events: BOTH, disabledAt: AT }));
    await t.store.createWebhookEndpoint(endpoint('e4', { events: ['feedback.created'] }));
    const { c } = await newConversation(t.store);
    const first = (r: { message: { id: string; seq: number } }) => [
      {
        ...draft(`conversation:${c.id}`, 'conversation.created'),
        data: { conversationId: c.id, fromSummary: (s: { lastMessage: unknown }) => s },
      },
      draft(`message:${r.message.id}`),
    ];
    await t.store.appendMessage(newMessage({ id: 'm1', conversationId: c.id }), first);
    // The retry of the message records nothing again (nor does the same event recorded by another change).
    await t.store.appendMessage(newMessage({ id: 'm1', conversationId: c.id }), first);
    await t.store.setSurvey(c.id, { rating: 5, comment: null, createdAt: AT }, () => [draft('message:m1')]);
    const rows = await deliveries();
    expect(rows.map((r) => [r.id, r.endpoint_id, r.event_type])).toEqual([
      [deliveryId(`conversation:${c.id}`, 'e1'), 'e1', 'conversation.created'],
      [deliveryId('message:m1', 'e1'), 'e1', 'message.created'],
    ]);
    // Made from the summary as the transaction saw it: the message is in it already.
    expect(JSON.parse(rows[0]!.body as string)).toMatchObject({ type: 'conversation.created', data: { id: c.id, lastSeq: 1 } });
    expect(JSON.parse(rows[1]!.body as string)).toMatchObject({ type: 'message.created', data: { key: 'message:m1' } });
  });

  it('rolls back each change whose events cannot be stored: neither the change nor its event lands, and a retry stores both', async () => {
    await t.store.createWebhookEndpoint(endpoint('e1'));
    const { visitor, c } = await newConversation(t.store);
    const now = new Date().toISOString();
    await t.store.createCallback(callbackRow(now, { id: 'cb-open', visitorId: visitor.id, phone: '+420602000000' }));
    const events = () => [draft('event')];
    const changes: { name: string; run: (s: Store) => Promise<unknown>; landed: (s: Store) => Promise<unknown> }[] = [
      {
        name: 'message',
        run: (s) => s.appendMessage(newMessage({ id: 'm1', conversationId: c.id }), events),
        landed: async (s) => (await s.listMessages(c.id, 0, 10)).length,
      },
      {
        name: 'status',
        run: (s) => s.setConversationStatus(c.id, 'resolved', now, events),
        landed: async (s) => (await s.getConversation(c.id))!.status,
      },
      {
        name: 'survey',
        run: (s) => s.setSurvey(c.id, { rating: 4, comment: 'ok', createdAt: now }, events),
        landed: async (s) => (await s.getSummary(c.id))!.survey,
      },
      {
        name: 'callback',
        run: (s) => s.requestCallback(callbackRow(now, { id: 'cb-new', visitorId: visitor.id }), { updatedAt: now }, events),
        landed: (s) => s.getCallback('cb-new'),
      },
      {
        name: 'attempt',
        run: (s) =>
          s.addCallbackAttempt(
            'cb-open',
            { id: 'a1', agentId: 'ana', agentName: 'Ana', outcome: 'reached', note: null, dueAt: null, createdAt: now },
            { attempts: 1, status: 'called', updatedAt: now },
            events,
          ),
        landed: async (s) => [await s.getCallbackAttempt('a1'), (await s.getCallback('cb-open'))!.status],
      },
      { name: 'feedback', run: (s) => s.createFeedback(feedbackRow({ id: 'f1' }), events), landed: (s) => s.getFeedback('f1') },
      {
        name: 'visitor',
        run: (s) => s.updateVisitor(visitor.id, { name: 'Jana' }, events),
        landed: async (s) => (await s.getVisitor(visitor.id))!.name,
      },
    ];
    const before = await Promise.all(changes.map((ch) => ch.landed(t.store)));
    await failDeliveryInserts();
    for (const ch of changes) await expect(ch.run(t.store), ch.name).rejects.toThrow(/no deliveries today/);
    expect(await Promise.all(changes.map((ch) => ch.landed(t.store)))).toEqual(before);
    expect(await deliveries()).toEqual([]);

    await rawExec(t.data.dir, 'DROP TRIGGER refuse_delivery' + (STORE === 'postgres' ? ' ON webhook_deliveries' : ''));
    for (const ch of changes) await ch.run(t.store);
    const after = await Promise.all(changes.map((ch) => ch.landed(t.store)));
    changes.forEach((ch, i) => expect(after[i], ch.name).not.toEqual(before[i]));
    // One event key: queued by the first change, the same id for the others.
    expect((await deliveries()).map((r) => r.id)).toEqual([deliveryId('event', 'e1')]);
  });

  it('makes one call back request with one event when two tabs ask at once, each in a transaction with its event', async () => {
    await t.store.createWebhookEndpoint(endpoint('e1', { events: ['callback.requested'] }));
    const { visitor } = await createVisitor(t.store, 'demo', null);
    const now = new Date().toISOString();
    const events = (r: { callback: { id: string } }) => [draft(`callback.requested:${r.callback.id}`, 'callback.requested')];
    const [a, b] = await Promise.all(
      ['tab-a', 'tab-b'].map((id) => t.store.requestCallback(callbackRow(now, { id, visitorId: visitor.id }), { updatedAt: now }, events)),
    );
    expect([a!.created, b!.created].sort()).toEqual([false, true]);
    expect(a!.callback.id).toBe(b!.callback.id);
    expect((await deliveries()).map((r) => r.id)).toEqual([deliveryId(`callback.requested:${a!.callback.id}`, 'e1')]);
  });

  it('records nothing for a change that changes nothing (a retried message or feedback id)', async () => {
    await t.store.createWebhookEndpoint(endpoint('e1', { events: BOTH }));
    const { c } = await newConversation(t.store);
    await t.store.appendMessage(newMessage({ id: 'm1', conversationId: c.id }));
    await t.store.createFeedback(feedbackRow({ id: 'f1' }));
    const { visitor } = await createVisitor(t.store, 'demo', null);
    await t.store.appendMessage(newMessage({ id: 'm1', conversationId: c.id }), () => [draft('again')]);
    expect(await t.store.createFeedback(feedbackRow({ id: 'f1' }), () => [draft('again')])).toBe(false);
    await t.store.updateVisitor(visitor.id, { name: 'Jana' }, () => []);
    expect(await deliveries()).toEqual([]);
  });
});
