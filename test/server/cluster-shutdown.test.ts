import { nanoid } from 'nanoid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../protocol/types';
import type { Store } from '../../server/store/types';
import { startCluster, type TestCluster } from '../helpers/cluster';
import { agent, nextEvent, visitor } from '../helpers/server';

// A node told to stop (SIGTERM) answers what it is doing, then closes its sockets so their
// clients reconnect, through the proxy, to a node still running.
let release: () => void = () => undefined;
let reached: () => void = () => undefined;
const gateReached = new Promise<void>((resolve) => (reached = resolve));
const gate = new Promise<void>((resolve) => (release = resolve));

/** Node A's store: the first message it stores waits at the gate. */
function gated(store: Store, index: number): Store {
  if (index !== 0) return store;
  let first = true;
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop !== 'appendMessage' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return async (...args: unknown[]) => {
        if (first) {
          first = false;
          reached();
          await gate;
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startCluster({ storeOf: gated });
});
afterAll(() => cluster?.close());

describe('stopping a node', () => {
  it('answers the events under way, says so on /healthz, then closes its sockets for them to reconnect elsewhere', async () => {
    const [a, b] = cluster.nodes as [(typeof cluster.nodes)[0], (typeof cluster.nodes)[0]];
    const desk = await agent(b.url);
    const v = await visitor(a.url);
    const order: string[] = [];
    const text = `under way ${nanoid(4)}`;
    const heard = nextEvent<Message>(desk, 'message:new', (m) => m.text === text);
    const acked = v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text }).then((r) => (order.push('ack'), r));
    const gone = new Promise<string>((resolve) => v.socket.once('disconnect', (reason) => (order.push('disconnect'), resolve(reason))));
    await gateReached;

    const closing = a.close();
    await expect.poll(async () => (await fetch(`${a.url}/healthz`).catch(() => null))?.status ?? 'closed').not.toBe(200);
    release();
    expect(await acked).toMatchObject({ ok: true, data: { text } });
    // Closed by the shutdown, not sent away: socket.io-client reconnects by itself.
    expect(await gone).toBe('transport close');
    expect(v.socket.active).toBe(true);
    expect(order).toEqual(['ack', 'disconnect']);
    expect((await heard).text).toBe(text);
    await closing;
    v.socket.disconnect();
    desk.disconnect();
  });
});
