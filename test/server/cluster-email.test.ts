import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../server/store/types';
import { startCluster, type TestCluster } from '../helpers/cluster';
import { ADMIN, visitor } from '../helpers/server';
import { startSmtp, type TestSmtp } from '../helpers/smtp';

// Both nodes run an outbox worker on the one store: a message left while nobody is there (sent
// on one node, its retry landing on the other) goes out as one email.
let claims = 0;

/** The store as each node uses it, counting the outbox claims that came back. */
function counting(store: Store): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      if (prop !== 'claimOutbox') return value.bind(target);
      return async (...args: unknown[]) => {
        const rows: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        claims++;
        return rows;
      };
    },
  });
}

let cluster: TestCluster;
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
  cluster = await startCluster({ storeOf: counting, env: { SMTP_URL: smtp.url } });
});
afterAll(async () => {
  await cluster?.close();
  await smtp?.close();
});

describe('email with two nodes', () => {
  it('a message left on node A and sent again on node B produces exactly one email', async () => {
    const [a, b] = cluster.nodes.map((n) => n.url) as [string, string];
    const onA = await visitor(a);
    const onB = await visitor(b, { token: onA.token });
    try {
      const page = { url: 'http://shop.test/', title: 'Shop' };
      const input = { id: `left-${onA.hello.visitorId}`, email: 'ana@example.test', text: 'Do you ship to Norway?', page };
      const first = await onA.socket.emitWithAck('offline:send', input);
      expect(first).toMatchObject({ ok: true, data: { id: input.id } });
      // The widget's retry, its ack lost, reaches the other node.
      expect(await onB.socket.emitWithAck('offline:send', input)).toEqual(first);
      const [mail] = await smtp.waitFor(1);
      expect(mail!.to).toMatchObject({ text: ADMIN.email });
      // Two more polls of the outbox after the email found nothing left to send.
      const after = claims;
      await expect.poll(() => claims, { timeout: 10_000 }).toBeGreaterThanOrEqual(after + 2);
      expect(smtp.messages).toHaveLength(1);
    } finally {
      onA.socket.disconnect();
      onB.socket.disconnect();
    }
  });
});
