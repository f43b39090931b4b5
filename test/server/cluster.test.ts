import { createHmac } from 'node:crypto';
import { nanoid } from 'nanoid';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type {
  Ack,
  AgentPresence,
  ConversationSummary,
  Message,
  SitePublic,
  SiteStatus,
  TypingEvent,
  VisitorConversation,
} from '../../protocol/types';
import { DEFAULT_LIMITS } from '../../server/limits';
import { startCluster, TEST_REDIS_URL, type TestCluster } from '../helpers/cluster';
import { tcpProxy } from '../helpers/tcp-proxy';
import { agent, nextEvent, signInCookie, visitor } from '../helpers/server';
import { openAllDay } from '../helpers/site';
import { agentWith, api, inviteAndAccept } from '../helpers/team';

// Two relay nodes in this process on one store and one real Redis: whatever a person does
// on one node, the people on the other see as if there were one.
let cluster: TestCluster;
let proxy: Awaited<ReturnType<typeof tcpProxy>>;
let a: string;
let b: string;
const open: Socket[] = [];
const track = <S extends Socket>(s: S) => (open.push(s), s);
const visitorOn = async (url: string, opts: Parameters<typeof visitor>[1] = {}) => {
  const v = await visitor(url, opts);
  track(v.socket);
  return v;
};
const agentOn = async (url: string) => track(await agent(url));

beforeAll(async () => {
  const redis = new URL(TEST_REDIS_URL);
  proxy = await tcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
  cluster = await startCluster({
    // Sign-ins are many here (one or two a test), all from this machine.
    opts: { limits: { ...DEFAULT_LIMITS, visitorMessages: { points: 6, duration: 60 }, logins: { points: 100, duration: 300 } } },
    // A third node, added by one test, reaches Redis through a proxy that test cuts.
    redisUrl: (i) => (i === 2 ? `redis://127.0.0.1:${proxy.port}${redis.pathname}` : TEST_REDIS_URL),
  });
  [a, b] = cluster.nodes.map((n) => n.url) as [string, string];
  await openAllDay(cluster.nodes[0]!.server);
});
afterEach(() => {
  for (const s of open.splice(0)) s.disconnect();
});
afterAll(async () => {
  await cluster?.close();
  await proxy?.close();
});

/** Until no node counts an agent online (the consoles of the test before have left). */
const nobodyOnline = () => expect.poll(async () => (await cluster.nodes[0]!.bus.presence.onlineAgents()).size).toBe(0);

/** Until `socket` is disconnected by the server. */
const disconnected = (socket: Socket) => new Promise<string>((resolve) => socket.once('disconnect', resolve));

describe('two nodes, one chat', () => {
  it('a visitor on node A and an agent on node B see each other’s messages, typing and read positions', async () => {
    const desk = await agentOn(b);
    const deskOnA = await agentOn(a);
    const v = await visitorOn(a);
    const secondTab = await visitorOn(b, { token: v.token });

    const atDesk = nextEvent<Message>(desk, 'message:new');
    const inboxOnA = new Promise<ConversationSummary>((resolve) =>
      deskOnA.once('message:new', (_m: Message, row: ConversationSummary) => resolve(row)),
    );
    const sent = await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'Is the blue one in stock?' });
    if (!sent.ok) throw new Error(sent.code);
    expect((await atDesk).text).toBe('Is the blue one in stock?');
    // The inbox moves on every node, not only where the agent who answers is.
    expect(await inboxOnA).toMatchObject({ id: sent.data.conversationId, lastSeq: sent.data.seq });
    const conversationId = sent.data.conversationId;

    const typingAtVisitor = nextEvent<TypingEvent>(v.socket, 'typing');
    expect((await desk.emitWithAck('typing:set', { conversationId, typing: true })).ok).toBe(true);
    expect(await typingAtVisitor).toMatchObject({ conversationId, from: 'agent', typing: true });
    const typingAtDesk = nextEvent<TypingEvent>(desk, 'typing');
    expect((await v.socket.emitWithAck('typing:set', { conversationId, typing: true })).ok).toBe(true);
    expect(await typingAtDesk).toMatchObject({ conversationId, from: 'visitor', typing: true });

    const reply = nextEvent<Message>(v.socket, 'message:new');
    expect((await desk.emitWithAck('message:send', { id: nanoid(), conversationId, text: 'Yes, two left.' })).ok).toBe(true);
    expect(await reply).toMatchObject({ text: 'Yes, two left.', author: 'agent' });

    // The visitor reads on node A; their tab on node B clears its unread count.
    const readElsewhere = nextEvent<VisitorConversation>(secondTab.socket, 'conversation:status', (c) => c.visitorReadSeq === 2);
    expect((await v.socket.emitWithAck('conversation:read', { conversationId, seq: 2 })).ok).toBe(true);
    expect((await readElsewhere).visitorReadSeq).toBe(2);
    // The agent reads on node B; the console on node A hears the inbox row change.
    const readOnA = nextEvent<ConversationSummary>(deskOnA, 'conversation:updated', (c) => c.id === conversationId && c.unread === 0);
    expect((await desk.emitWithAck('conversation:read', { conversationId, seq: 2 })).ok).toBe(true);
    expect((await readOnA).unread).toBe(0);
  });
});

describe('presence across nodes', () => {
  it('an agent arriving or leaving on node B changes site:status for a visitor on node A at once, once', async () => {
    await nobodyOnline();
    // An admin watches presence from node A, set away so that only Petra decides availability.
    const watcher = await agentOn(a);
    expect((await watcher.emitWithAck('agent:setAway', { away: true })).ok).toBe(true);
    try {
      const v = await visitorOn(a);
      let last = v.hello.status;
      v.socket.on('site:status', (s: SiteStatus) => (last = s));
      await expect.poll(() => last?.available).toBe(false);
      const cookie = await signInCookie(b);
      const { agent: petra, cookie: petraCookie } = await inviteAndAccept(b, cookie, `petra-${nanoid(6)}@shop.test`);
      const statuses: SiteStatus[] = [];
      const presences: AgentPresence[][] = [];
      v.socket.on('site:status', (s: SiteStatus) => statuses.push(s));
      watcher.on('presence', (p: AgentPresence[]) => presences.push(p));

      const arrived = nextEvent<SiteStatus>(v.socket, 'site:status', (s) => s.available);
      const desk = track(await agentWith(b, petraCookie));
      expect(await arrived).toMatchObject({ available: true, agentsOnline: 1 });
      const left = nextEvent<SiteStatus>(v.socket, 'site:status', (s) => !s.available);
      desk.disconnect();
      expect(await left).toMatchObject({ available: false, agentsOnline: 0 });
      // One status per change and one presence list, not one per node.
      expect(statuses.slice(statuses.findIndex((s) => s.available)).map((s) => s.available)).toEqual([true, false]);
      // The watcher's socket is another connection: its lists may come after the visitor's status.
      const petraOnline = (p: AgentPresence[]) => p.find((x) => x.id === petra.id)?.online === true;
      await expect.poll(() => presences.some(petraOnline) && !petraOnline(presences.at(-1)!)).toBe(true);
      expect(presences.filter(petraOnline)).toHaveLength(1);
    } finally {
      await watcher.emitWithAck('agent:setAway', { away: false });
    }
  });

  it('the agents of a node that stops answering drop out of every other node’s status', async () => {
    await nobodyOnline();
    const v = await visitorOn(a);
    const extra = await cluster.add();
    const arrived = nextEvent<SiteStatus>(v.socket, 'site:status', (s) => s.available);
    const desk = track(await agent(extra.url));
    await arrived;
    // The node no longer renews its presence, as when it is killed: its agent's console is
    // still connected to it, but the cluster stops counting it.
    const gone = nextEvent<SiteStatus>(v.socket, 'site:status', (s) => !s.available);
    proxy.cut();
    expect(await gone).toMatchObject({ available: false });
    desk.disconnect();
    await extra.close();
    cluster.nodes.pop();
  });
});

describe('settings saved on one node', () => {
  it('change the widget on the other node without a reload', async () => {
    const admin = await agentOn(b);
    const v = await visitorOn(a);
    const greeting = `Hello from node B ${nanoid(4)}`;
    const seen = nextEvent<SitePublic>(v.socket, 'site:settings', (s) => s.greeting === greeting);
    const site = await admin.emitWithAck('site:list', {});
    if (!site.ok) throw new Error(site.code);
    const before = site.data.find((s) => s.id === 'demo')!;
    try {
      expect((await admin.emitWithAck('site:update', { siteId: 'demo', greeting, color: '#0a7d45' })).ok).toBe(true);
      expect(await seen).toMatchObject({ id: 'demo', greeting, color: '#0a7d45' });
    } finally {
      expect((await admin.emitWithAck('site:update', { siteId: 'demo', greeting: before.greeting, color: before.color })).ok).toBe(true);
    }
  });

  it('apply on every node as soon as the node hears of the save: allowed origins and channels', async () => {
    const admin = await agentOn(a);
    const origin = `https://${nanoid(6).toLowerCase()}.shop.test`;
    // Node B reads the site now (and would keep it a while): this origin is refused.
    await expect(visitor(b, { origin })).rejects.toMatchObject({ data: { code: 'origin_not_allowed' } });
    const site = await admin.emitWithAck('site:list', {});
    if (!site.ok) throw new Error(site.code);
    const origins = site.data.find((s) => s.id === 'demo')!.allowedOrigins;
    expect((await admin.emitWithAck('site:update', { siteId: 'demo', allowedOrigins: [...origins, origin] })).ok).toBe(true);
    // Node B hears of the save over Redis, moments after node A's answer.
    const accepted = () =>
      visitor(b, { origin }).then(
        (v) => (v.socket.disconnect(), 'accepted'),
        (e: { data?: { code?: string } }) => e.data?.code,
      );
    await expect.poll(accepted).toBe('accepted');
    const v = await visitorOn(b, { origin });
    expect((await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'Hello from a new shop' })).ok).toBe(
      true,
    );

    const channels = site.data.find((s) => s.id === 'demo')!.channels;
    expect((await admin.emitWithAck('site:update', { siteId: 'demo', channels: { ...channels, chat: false } })).ok).toBe(true);
    try {
      const chatOff = () => visitor(b).then((v) => (v.socket.disconnect(), v.hello.site.channels.chat));
      await expect.poll(chatOff).toBe(false);
      const fresh = await visitorOn(b);
      expect(await fresh.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'Anyone?' })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
    } finally {
      expect((await admin.emitWithAck('site:update', { siteId: 'demo', channels, allowedOrigins: origins })).ok).toBe(true);
    }
  });
});

describe('limits shared by the nodes', () => {
  it('throttles a flood spread over both nodes at the same total as on one', async () => {
    const tabA = await visitorOn(a);
    const tabB = await visitorOn(b, { token: tabA.token });
    let conversationId: string | null = null;
    const answers: boolean[] = [];
    for (let i = 0; i < 12; i++) {
      const tab = i % 2 ? tabB : tabA;
      const r: Ack<Message> = await tab.socket.emitWithAck('message:send', { id: nanoid(), conversationId, text: `flood ${i}` });
      if (r.ok) conversationId = r.data.conversationId;
      else expect(r.code).toBe('rate_limited');
      answers.push(r.ok);
    }
    // 6 per visitor in this cluster's settings: 6 in all, not 6 on each node.
    expect(answers.filter(Boolean)).toHaveLength(6);
  });
});

describe('sign-ins on every node', () => {
  it('a session and a visitor token made on one node work on the other', async () => {
    const cookie = await signInCookie(a);
    const desk = track(await agentWith(b, cookie));
    expect(await desk.emitWithAck('agent:me', {})).toMatchObject({ ok: true });
    const first = await visitorOn(a);
    const again = await visitorOn(b, { token: first.token });
    expect(again.hello.visitorId).toBe(first.hello.visitorId);
  });

  it('signing out on one node closes that sign-in’s consoles on every node', async () => {
    const cookie = await signInCookie(a);
    const onB = track(await agentWith(b, cookie));
    const onA = track(await agentWith(a, cookie));
    const closed = Promise.all([disconnected(onB), disconnected(onA)]);
    expect((await api(a, '/api/auth/logout', { method: 'POST', cookie })).status).toBeLessThan(300);
    expect(await closed).toEqual(['io server disconnect', 'io server disconnect']);
  });

  it('deactivating an agent on one node closes their consoles on every node', async () => {
    const admin = await signInCookie(a);
    const { agent: jan, cookie } = await inviteAndAccept(a, admin, `jan-${nanoid(6)}@shop.test`, 'agent', 'Jan');
    const onB = track(await agentWith(b, cookie));
    const closed = disconnected(onB);
    expect((await api(a, `/api/team/agents/${jan.id}`, { method: 'PATCH', body: { active: false }, cookie: admin })).status).toBe(200);
    expect(await closed).toBe('io server disconnect');
  });
});

describe('a verified person’s browsers on two nodes', () => {
  it('hear an agent’s replies live in each other’s conversations, from the moment the second one is verified', async () => {
    const cookie = await signInCookie(a);
    const desk = track(await agentWith(a, cookie));
    const identity = await desk.emitWithAck('site:identity', { siteId: 'demo' });
    if (!identity.ok) throw new Error(identity.code);
    const userId = `user-${nanoid(6)}`;
    const hash = createHmac('sha256', identity.data.secret).update(userId).digest('hex');
    const say = async (socket: Socket, conversationId: string | null, text: string): Promise<Message> => {
      const res: Ack<Message> = await socket.emitWithAck('message:send', { id: nanoid(), conversationId, text });
      if (!res.ok) throw new Error(`${res.code}: ${res.message}`);
      return res.data;
    };
    const laptop = await visitorOn(a);
    expect((await laptop.socket.emitWithAck('visitor:identify', { id: userId, hash })).ok).toBe(true);
    const asked = await say(laptop.socket, null, 'Where is my parcel?');
    const phone = await visitorOn(b);
    expect(await phone.socket.emitWithAck('visitor:identify', { id: userId, hash })).toMatchObject({ ok: true, data: { merged: true } });

    // No reconnect: the phone on node B joined the laptop's room, and the laptop on node A the phone's.
    const heard = (socket: Socket, text: string) => nextEvent<Message>(socket, 'message:new', (m) => m.text === text);
    const both = Promise.all([heard(laptop.socket, 'On its way.'), heard(phone.socket, 'On its way.')]);
    await say(track(await agentWith(b, cookie)), asked.conversationId, 'On its way.');
    expect((await both).map((m) => m.conversationId)).toEqual([asked.conversationId, asked.conversationId]);

    const fromPhone = await say(phone.socket, null, 'And my invoice?');
    expect(fromPhone.conversationId).not.toBe(asked.conversationId);
    const again = Promise.all([heard(laptop.socket, 'Sent by email.'), heard(phone.socket, 'Sent by email.')]);
    await say(desk, fromPhone.conversationId, 'Sent by email.');
    expect((await again).map((m) => m.conversationId)).toEqual([fromPhone.conversationId, fromPhone.conversationId]);
  });
});
