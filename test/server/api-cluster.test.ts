import { nanoid } from 'nanoid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../protocol/types';
import { DEFAULT_LIMITS } from '../../server/limits';
import { startCluster, type TestCluster } from '../helpers/cluster';
import { makeToken, v1 } from '../helpers/rest-api';
import { nextEvent, signInCookie, visitor } from '../helpers/server';

// Two relay nodes on one store and one real Redis: the REST API behaves as if there were one.
let cluster: TestCluster;
let a: string;
let b: string;
beforeAll(async () => {
  cluster = await startCluster({ opts: { limits: { ...DEFAULT_LIMITS, apiRequests: { points: 3, duration: 60 } } } });
  [a, b] = cluster.nodes.map((n) => n.url) as [string, string];
});
afterAll(async () => {
  await cluster?.close();
});

describe('REST API on a cluster', () => {
  it("counts a token's requests on every node together", async () => {
    const { secret } = await makeToken(a, await signInCookie(a));
    expect((await v1(a, '/sites', { token: secret })).status).toBe(200);
    expect((await v1(b, '/sites', { token: secret })).status).toBe(200);
    expect((await v1(a, '/sites', { token: secret })).status).toBe(200);
    const r = await v1(b, '/sites', { token: secret });
    expect(r.status).toBe(429);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('delivers a reply posted on one node to a visitor connected to another, live', async () => {
    const { secret } = await makeToken(a, await signInCookie(a));
    const v = await visitor(a);
    try {
      const sent = await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'Anyone there?' });
      if (!sent.ok) throw new Error(sent.message);
      const heard = nextEvent<Message>(v.socket, 'message:new');
      const r = await v1(b, `/conversations/${sent.data.conversationId}/messages`, { token: secret, body: { text: 'Yes, here.' } });
      expect(r.status).toBe(201);
      expect(await heard).toMatchObject({ id: r.body.id, author: 'agent', text: 'Yes, here.' });
    } finally {
      v.socket.disconnect();
    }
  });
});
