import { nanoid } from 'nanoid';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, Message } from '../../protocol/types';
import type { BusEvent } from '../../server/bus/types';
import type { Store } from '../../server/store/types';
import { startCluster, type TestCluster } from '../helpers/cluster';
import { signInCookie, visitor } from '../helpers/server';
import { addEndpoint, startReceiver, type Receiver } from '../helpers/webhooks';

// Two relay nodes and one real Redis. Each node keeps the list of webhook endpoints; a change on one
// node reaches the other's list over the bus. Each node gets a store object of its own, as a node in a
// process of its own has (the cluster helper shares one), so each keeps a list of its own.
/** How often each node read the endpoint list. */
const listReads: number[] = [];
const own = (store: Store, index: number): Store =>
  new Proxy(store, {
    get(target, key) {
      if (key === 'listWebhookEndpoints') listReads[index] = (listReads[index] ?? 0) + 1;
      const v: unknown = Reflect.get(target, key, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });

let cluster: TestCluster;
let rx: Receiver;
const open: Socket[] = [];
beforeAll(async () => {
  rx = await startReceiver();
  cluster = await startCluster({
    env: { WEBHOOKS_ALLOW_PRIVATE: '1' },
    opts: { webhooks: { pollMs: 20, retryBaseMs: 40, retryCapMs: 200, timeoutMs: 1500 } },
    storeOf: own,
  });
});
afterEach(() => {
  for (const s of open.splice(0)) s.disconnect();
});
afterAll(async () => {
  await cluster?.close();
  await rx?.close();
});

/** A new visitor on `url` says `text`; the stored message. */
async function says(url: string, text: string): Promise<Message> {
  const v = await visitor(url);
  open.push(v.socket);
  const sent: Ack<Message> = await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text });
  if (!sent.ok) throw new Error(sent.message);
  return sent.data;
}

describe('webhook endpoints across nodes', () => {
  it('sends a message made on node B to an endpoint just added on node A', async () => {
    const [a, b] = cluster.nodes as [TestCluster['nodes'][0], TestCluster['nodes'][0]];
    // Node B learns there is no endpoint (and would keep that a while).
    await says(b.url, 'Nobody listens yet');
    const heard = new Promise<void>((resolve) => b.bus.subscribe((e: BusEvent) => e.type === 'webhooks:changed' && resolve()));
    const { secret } = await addEndpoint(a.url, await signInCookie(a.url), { url: rx.url, events: ['message.created'] });
    rx.secrets = [secret];
    await heard;
    const m = await says(b.url, 'Is anyone there?');
    const got = await rx.next((r) => r.event.data.id === m.id);
    expect(got).toMatchObject({ verifiedBy: [secret], event: { type: 'message.created', data: { text: 'Is anyone there?' } } });
    expect(rx.received.map((r) => r.event.data.text)).toEqual(['Is anyone there?']);
    // The list is read once after the change, not once a message.
    const reads = listReads[1];
    for (const text of ['one', 'two', 'three']) await says(b.url, text);
    await rx.next((r) => r.event.data.text === 'three');
    expect(listReads[1]).toBe(reads);
  });
});
