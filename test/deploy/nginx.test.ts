import { Redis } from 'ioredis';
import { nanoid } from 'nanoid';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../protocol/types';
import { freePort, startNginx } from '../../scripts/nginx';
import { startCluster, TEST_REDIS_URL, type TestCluster } from '../helpers/cluster';
import { connected, nextEvent, signInCookie, type AgentSocket, type VisitorSocket } from '../helpers/server';

// The documented nginx configuration (deploy/nginx.conf) in front of two real nodes: Socket.IO's
// polling needs its sticky sessions, WebSockets its upgrade headers, and a stopped node its retry.
let cluster: TestCluster;
let nginx: Awaited<ReturnType<typeof startNginx>>;
const sockets: { disconnect(): void }[] = [];

beforeAll(async () => {
  cluster = await startCluster();
  nginx = await startNginx({ listen: await freePort(), upstreams: cluster.nodes.map((n) => Number(new URL(n.url).port)) });
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await nginx?.stop();
  await cluster?.close();
});

/** A visitor through nginx on the given transports, greeted; reconnects present its token. */
async function visitorVia(transports: ('polling' | 'websocket')[]) {
  const socket: VisitorSocket = io(`${nginx.url}/visitor`, {
    auth: { siteId: 'demo' },
    transports,
    forceNew: true,
    reconnectionDelay: 100,
  });
  sockets.push(socket);
  await connected(socket);
  const hello = await socket.emitWithAck('visitor:hello', {
    page: { url: 'http://shop.test/', title: 'Shop', referrer: '' },
    language: 'en',
    timezone: 'UTC',
  });
  if (!hello.ok) throw new Error(hello.code);
  socket.auth = { siteId: 'demo', token: hello.data.token };
  return { socket, visitorId: hello.data.visitorId };
}

describe('two nodes behind the documented nginx', () => {
  it('keeps long-polling sessions on one node and passes WebSockets through', async () => {
    expect((await fetch(`${nginx.url}/healthz`)).status).toBe(200);
    const cookie = await signInCookie(nginx.url);
    const desk: AgentSocket = io(`${nginx.url}/agent`, {
      transports: ['websocket'],
      forceNew: true,
      extraHeaders: { cookie, origin: nginx.url },
    });
    sockets.push(desk);
    await connected(desk);
    for (let i = 0; i < 4; i++) {
      const v = await visitorVia(['polling']);
      const text = `polling ${i} ${nanoid(4)}`;
      const heard = nextEvent<Message>(desk, 'message:new', (m) => m.text === text);
      expect((await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text })).ok).toBe(true);
      expect((await heard).text).toBe(text);
    }
  });

  it('sends a visitor whose node stops to the other node, where the chat goes on', async () => {
    const v = await visitorVia(['polling', 'websocket']);
    const first = await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'Before the restart' });
    if (!first.ok) throw new Error(first.code);
    const redis = new Redis(TEST_REDIS_URL);
    const holds = await Promise.all(
      cluster.nodes.map((n) => redis.sismember(`${cluster.prefix}node:${n.bus.nodeId}:visitor`, v.visitorId)),
    );
    redis.disconnect();
    const index = holds.indexOf(1);
    expect(index).toBeGreaterThanOrEqual(0);

    const back = new Promise<void>((resolve) => v.socket.once('disconnect', () => v.socket.once('connect', () => resolve())));
    await cluster.nodes[index]!.close();
    await back;
    const after = await v.socket.emitWithAck('message:send', {
      id: nanoid(),
      conversationId: first.data.conversationId,
      text: 'After the restart',
    });
    expect(after).toMatchObject({ ok: true, data: { seq: first.data.seq + 1 } });
  });
});
