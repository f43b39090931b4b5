import { nanoid } from 'nanoid';
import pino from 'pino';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationSummary, Message, SiteStatus } from '../../protocol/types';
import { freePort } from '../../scripts/nginx';
import { createRedisBus } from '../../server/bus/redis-bus';
import { createLogger } from '../../server/log';
import { startCluster, TEST_REDIS_URL, type TestCluster } from '../helpers/cluster';
import { agent, nextEvent, visitor } from '../helpers/server';
import { openAllDay } from '../helpers/site';
import { tcpProxy } from '../helpers/tcp-proxy';

// Redis goes away for node A only (its connections run through a proxy the test cuts): A says
// so, keeps serving its own people, and rejoins by itself when Redis is back.
let cluster: TestCluster;
let proxy: Awaited<ReturnType<typeof tcpProxy>>;
const lines: string[] = [];
const open: Socket[] = [];
const track = <S extends Socket>(s: S) => (open.push(s), s);

beforeAll(async () => {
  const redis = new URL(TEST_REDIS_URL);
  proxy = await tcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
  const logA = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  cluster = await startCluster({
    redisUrl: (i) => (i === 0 ? `redis://127.0.0.1:${proxy.port}${redis.pathname}` : TEST_REDIS_URL),
    logOf: (i) => (i === 0 ? logA : undefined),
  });
});
afterEach(() => {
  for (const s of open.splice(0)) s.disconnect();
});
afterAll(async () => {
  await cluster?.close();
  await proxy?.close();
});

const health = async (url: string) => {
  const res = await fetch(`${url}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

/** A visitor's message on `from` reaches an agent on `to`. */
async function chatReaches(from: string, to: string): Promise<void> {
  const desk = track(await agent(to));
  const v = await visitor(from);
  track(v.socket);
  const text = `hello ${nanoid(6)}`;
  const heard = nextEvent<Message>(desk, 'message:new', (m) => m.text === text);
  const sent = await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text });
  expect(sent.ok).toBe(true);
  expect((await heard).text).toBe(text);
}

describe('Redis down for one node', () => {
  it('is logged, answers 503 on /healthz, keeps its own clients chatting, and recovers by itself', async () => {
    const [a, b] = cluster.nodes.map((n) => n.url) as [string, string];
    expect(await health(a)).toMatchObject({ status: 200, body: { ok: true, data: { store: 'ok', bus: 'ok' } } });

    proxy.cut();
    await expect.poll(async () => (await health(a)).status).toBe(503);
    expect((await health(a)).body).toMatchObject({ ok: false, code: 'unavailable', store: 'ok', bus: 'down' });
    expect(lines.some((l) => /Redis at 127\.0\.0\.1:\d+ is down/.test(l))).toBe(true);
    expect((await health(b)).status).toBe(200);
    // A visitor and an agent both on node A still reach each other.
    await chatReaches(a, a);

    proxy.restore();
    await expect.poll(async () => (await health(a)).status, { timeout: 15_000 }).toBe(200);
    expect(lines.some((l) => /is back/.test(l))).toBe(true);
    // And node A is part of the cluster again, both ways.
    await expect
      .poll(
        async () => {
          try {
            await Promise.race([chatReaches(a, b), new Promise((_, reject) => setTimeout(() => reject(new Error('not yet')), 2_000))]);
            return true;
          } catch {
            return false;
          }
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await chatReaches(b, a);
    // Its two waits may take 15 s each on a loaded machine: more than the default 30 s in all.
  }, 60_000);

  it('an agent who came to node A while Redis was away counts on every node once it is back', async () => {
    const [a, b] = cluster.nodes.map((n) => n.url) as [string, string];
    await openAllDay(cluster.nodes[0]!.server);
    await expect.poll(async () => (await cluster.nodes[1]!.bus.presence.onlineAgents()).size).toBe(0);
    proxy.cut();
    await expect.poll(async () => (await health(a)).status).toBe(503);
    track(await agent(a));
    const v = await visitor(b);
    track(v.socket);
    const available = v.hello.status?.available
      ? Promise.resolve(v.hello.status)
      : nextEvent<SiteStatus>(v.socket, 'site:status', (s) => s.available);
    proxy.restore();
    expect(await available).toMatchObject({ available: true, agentsOnline: 1 });
  });

  it("when it is back, the other nodes' clients get what node A sent while it was cut off, without reconnecting", async () => {
    const [a, b] = cluster.nodes.map((n) => n.url) as [string, string];
    await openAllDay(cluster.nodes[0]!.server);
    const deskOnA = track(await agent(a));
    const deskOnB = track(await agent(b));
    const v = await visitor(b);
    track(v.socket);
    let reconnected = false;
    v.socket.on('disconnect', () => (reconnected = true));
    const asked = nextEvent<Message>(deskOnA, 'message:new', (m) => m.text === 'Anyone?');
    const sent = await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'Anyone?' });
    if (!sent.ok) throw new Error(sent.code);
    await asked;
    const conversationId = sent.data.conversationId;

    proxy.cut();
    await expect.poll(async () => (await health(a)).status).toBe(503);
    const text = `Answered during the outage ${nanoid(4)}`;
    const atVisitor = nextEvent<Message>(v.socket, 'message:new', (m) => m.seq === 2 || m.text === text);
    const atDeskOnB = nextEvent<ConversationSummary>(deskOnB, 'conversation:updated', (c) => c.id === conversationId && c.lastSeq === 2);
    expect((await deskOnA.emitWithAck('message:send', { id: nanoid(), conversationId, text })).ok).toBe(true);

    proxy.restore();
    // The widget hears the reply (or a later message whose seq gap makes it fetch it), the other
    // console the conversation's fresh inbox row.
    expect(await atVisitor).toMatchObject({ conversationId, seq: 2 });
    expect(await atDeskOnB).toMatchObject({ lastSeq: 2, lastMessage: { text } });
    expect(reconnected).toBe(false);
  });

  it('at start, a Redis that does not answer stops the node with one clear line', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    await expect(createRedisBus({ url, log: createLogger('silent') })).rejects.toThrow(
      /^Redis at 127\.0\.0\.1:\d+ \(REDIS_URL\) does not answer/,
    );
  });
});
