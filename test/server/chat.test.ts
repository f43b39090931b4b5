import { describe, expect, it } from 'vitest';
import { nanoid } from 'nanoid';
import type { ConversationSummary, Message } from '../../protocol/types';
import { agent, nextEvent, startTestServer, visitor, type AgentSocket, type VisitorSocket, useServer } from '../helpers/server';

const t = useServer();

async function send(socket: VisitorSocket | AgentSocket, conversationId: string | null, text: string, id = nanoid()) {
  const res = await (socket as VisitorSocket).emitWithAck('message:send', { id, conversationId, text });
  if (!res.ok) throw new Error(`${res.code}: ${res.message}`);
  return res.data;
}

describe('live chat relay', () => {
  it('tells the widget this server sends no email, and promises no emailed answer to feedback', async () => {
    const v = await visitor(t.server.url);
    t.track(v.socket);
    expect(v.hello.site.sendsEmail).toBe(false);
    const sent = await v.socket.emitWithAck('feedback:send', {
      rating: 2,
      category: 'complaint',
      text: 'Late parcel',
      contact: { mode: 'reply', name: 'Ana', email: 'ana@example.test' },
      page: { url: 'http://shop.test/', title: 'Shop' },
      locale: 'en',
    });
    expect(sent).toMatchObject({ ok: true, data: { replyExpected: false } });
  });

  it('takes a left message with no email address, ships no stored away text (the widget shows its default), and tells agents no email goes out', async () => {
    const v = await visitor(t.server.url);
    t.track(v.socket);
    expect(v.hello.site.awayMessage).toBe('');
    const left = await v.socket.emitWithAck('offline:send', {
      text: 'Do you ship to Norway?',
      page: { url: 'http://shop.test/', title: 'Shop' },
    });
    if (!left.ok) throw new Error(left.message);
    expect(left.data).toMatchObject({ author: 'visitor', text: 'Do you ship to Norway?' });
    const a = t.track(await agent(t.server.url));
    const detail = await a.emitWithAck('conversation:get', { conversationId: left.data.conversationId });
    expect(detail).toMatchObject({ ok: true, data: { visitor: { email: null, sendsEmail: false } } });
  });

  it("tells the visitor's other tabs when one has read the agent's messages", async () => {
    const a = t.track(await agent(t.server.url));
    const tab1 = await visitor(t.server.url);
    t.track(tab1.socket);
    const tab2 = await visitor(t.server.url, { token: tab1.token });
    t.track(tab2.socket);
    const first = await send(tab1.socket, null, 'Hi');
    const reply = await send(a, first.conversationId, 'Hello! How can I help?');
    const seen = nextEvent<{ id: string; visitorReadSeq: number }>(tab2.socket, 'conversation:status');
    expect(await tab1.socket.emitWithAck('conversation:read', { conversationId: first.conversationId, seq: reply.seq })).toEqual({
      ok: true,
      data: null,
    });
    expect(await seen).toMatchObject({ id: first.conversationId, visitorReadSeq: reply.seq });
  });

  it('routes a visitor message to the agent and the reply back to the visitor', async () => {
    const a = t.track(await agent(t.server.url));
    const v = await visitor(t.server.url);
    t.track(v.socket);
    const atAgent = new Promise<[Message, ConversationSummary]>((resolve) => a.once('message:new', (m, row) => resolve([m, row])));
    const sent = await send(v.socket, null, 'Hello, is this in stock?');
    expect(sent.seq).toBe(1);
    const [m, row] = await atAgent;
    expect(m).toEqual(sent);
    expect(row.lastMessage?.text).toBe('Hello, is this in stock?');
    expect(row.status).toBe('pending');

    const atVisitor = nextEvent<Message>(v.socket, 'message:new', (m) => m.author === 'agent');
    const reply = await send(a, sent.conversationId, 'Yes, we have three left.');
    expect(await atVisitor).toMatchObject({ id: reply.id, seq: 2, author: 'agent', authorName: 'Admin', text: 'Yes, we have three left.' });
    const detail = await a.emitWithAck('conversation:get', { conversationId: sent.conversationId });
    expect(detail.ok && detail.data.conversation.status).toBe('open');
    expect(detail.ok && detail.data.visitor).toMatchObject({
      pageUrl: 'http://shop.test/pricing',
      timezone: 'Europe/Prague',
      language: 'cs-CZ',
      online: true,
      visits: 1,
    });
  });

  it('stores a message id sent twice only once and answers both with the stored message', async () => {
    const v = await visitor(t.server.url);
    t.track(v.socket);
    const id = nanoid();
    const first = await send(v.socket, null, 'once', id);
    const again = await send(v.socket, first.conversationId, 'once', id);
    expect(again).toEqual(first);
    const page = await v.socket.emitWithAck('message:list', { conversationId: first.conversationId, after: 0 });
    expect(page.ok && page.data.messages.map((m) => m.id)).toEqual([id]);
    expect(page.ok && page.data.lastSeq).toBe(1);
  });

  it('delivers messages sent while the socket was down once and in order after it reconnects', async () => {
    const a = t.track(await agent(t.server.url));
    const v = await visitor(t.server.url);
    t.track(v.socket);
    const first = await send(v.socket, null, 'before the tunnel');
    const received: Message[] = [];
    a.on('message:new', (m) => received.push(m));

    const down = nextEvent(v.socket, 'disconnect');
    v.socket.io.engine.close();
    await down;
    const texts = ['one', 'two', 'three', 'four'];
    const ids = texts.map(() => nanoid());
    const acks = texts.map((text, i) => send(v.socket, first.conversationId, text, ids[i]));
    const stored = await Promise.all(acks);
    // The client retries the last one after the reconnect, as the widget's outbox does.
    await send(v.socket, first.conversationId, 'four', ids[3]);

    expect(stored.map((m) => m.seq)).toEqual([2, 3, 4, 5]);
    const page = await v.socket.emitWithAck('message:list', { conversationId: first.conversationId, after: 1 });
    expect(page.ok && page.data.messages.map((m) => m.text)).toEqual(texts);
    await a.emitWithAck('agent:me', {}); // a round trip, so every broadcast before it has arrived
    expect(received.filter((m) => m.seq > 1).map((m) => m.text)).toEqual(texts);
  });

  it('keeps every conversation and message across a restart on the same data directory', async () => {
    const v = await visitor(t.server.url);
    const sent = await send(v.socket, null, 'remember me');
    v.socket.disconnect();
    const port = Number(new URL(t.server.url).port);
    await t.server.close();
    t.server = await startTestServer(t.data.dir, port);

    const again = await visitor(t.server.url, { token: v.token });
    t.track(again.socket);
    expect(again.hello.token).toBeNull();
    expect(again.hello.conversation).toMatchObject({ id: sent.conversationId, lastSeq: 1 });
    const page = await again.socket.emitWithAck('message:list', { conversationId: sent.conversationId, after: 0 });
    expect(page.ok && page.data.messages).toEqual([sent]);
    const next = await send(again.socket, sent.conversationId, 'still here');
    expect(next.seq).toBe(2);
  });

  it('reopens a resolved conversation when the visitor writes again and tells the visitor of status changes', async () => {
    const a = t.track(await agent(t.server.url));
    const v = await visitor(t.server.url);
    t.track(v.socket);
    const sent = await send(v.socket, null, 'thanks, bye');
    await send(a, sent.conversationId, 'Bye!');
    const statusAtVisitor = nextEvent<{ status: string }>(v.socket, 'conversation:status');
    const resolved = await a.emitWithAck('conversation:setStatus', { conversationId: sent.conversationId, status: 'resolved' });
    expect(resolved.ok && resolved.data.status).toBe('resolved');
    expect((await statusAtVisitor).status).toBe('resolved');
    const reopened = nextEvent<{ status: string }>(v.socket, 'conversation:status');
    await send(v.socket, sent.conversationId, 'one more thing');
    expect((await reopened).status).toBe('open');
  });

  it('counts unread visitor messages until an agent reads them', async () => {
    const a = t.track(await agent(t.server.url));
    const v = await visitor(t.server.url);
    t.track(v.socket);
    const first = await send(v.socket, null, 'one');
    await send(v.socket, first.conversationId, 'two');
    const list = await a.emitWithAck('conversation:list', {});
    expect(list.ok && list.data[0]).toMatchObject({ id: first.conversationId, unread: 2 });
    const updated = nextEvent<ConversationSummary>(a, 'conversation:updated');
    await a.emitWithAck('conversation:read', { conversationId: first.conversationId, seq: 2 });
    expect((await updated).unread).toBe(0);
  });

  it('sends agents each message with the same inbox row as the inbox list holds', async () => {
    const a = t.track(await agent(t.server.url));
    const v = await visitor(t.server.url);
    t.track(v.socket);
    await v.socket.emitWithAck('visitor:identify', { name: 'Ana' });
    const first = await send(v.socket, null, 'one');
    const pushed = new Promise<ConversationSummary>((resolve) => a.on('message:new', (m, row) => m.seq === 2 && resolve(row)));
    await send(v.socket, first.conversationId, 'two');
    const list = await a.emitWithAck('conversation:list', {});
    expect(list.ok && list.data[0]).toEqual(await pushed);
    expect(await pushed).toMatchObject({ visitorName: 'Ana', unread: 2, siteName: 'Demo shop' });
  });

  it('pages through the inbox, newest activity first, each conversation once', async () => {
    const a = t.track(await agent(t.server.url));
    const sentIds: string[] = [];
    for (let i = 0; i < 7; i++) {
      const v = await visitor(t.server.url);
      t.track(v.socket);
      sentIds.push((await send(v.socket, null, `Question ${i}`)).conversationId);
    }
    const seen: string[] = [];
    let before: { updatedAt: string; id: string } | undefined;
    for (;;) {
      const page = await a.emitWithAck('conversation:list', { limit: 3, before });
      if (!page.ok) throw new Error(page.code);
      seen.push(...page.data.map((c) => c.id));
      if (page.data.length < 3) break;
      const last = page.data.at(-1)!;
      before = { updatedAt: last.updatedAt, id: last.id };
    }
    // Conversations written in the same millisecond follow their ids; the full list agrees.
    const all = await a.emitWithAck('conversation:list', {});
    if (!all.ok) throw new Error(all.code);
    expect(seen).toEqual(all.data.map((c) => c.id));
    expect([...seen].sort()).toEqual([...sentIds].sort());
    const times = all.data.map((c) => c.updatedAt);
    expect(times).toEqual([...times].sort().reverse());
    const bad = await a.emitWithAck('conversation:list', { before: { updatedAt: 'yesterday', id: 'x' } });
    expect(bad).toMatchObject({ ok: false, code: 'invalid_payload', field: 'before.updatedAt' });
  });

  it('relays typing both ways', async () => {
    const a = t.track(await agent(t.server.url));
    const v = await visitor(t.server.url);
    t.track(v.socket);
    const sent = await send(v.socket, null, 'hi');
    const atAgent = nextEvent(a, 'typing');
    await v.socket.emitWithAck('typing:set', { conversationId: sent.conversationId, typing: true });
    expect(await atAgent).toEqual({ conversationId: sent.conversationId, from: 'visitor', name: null, typing: true });
    const atVisitor = nextEvent(v.socket, 'typing');
    const atOtherTab = t.track(await agent(t.server.url));
    const atColleague = nextEvent(atOtherTab, 'typing');
    await a.emitWithAck('typing:set', { conversationId: sent.conversationId, typing: true });
    // The visitor sees a name only; other agents also which agent (two may share a name).
    expect(await atVisitor).toEqual({ conversationId: sent.conversationId, from: 'agent', name: 'Admin', typing: true });
    expect(await atColleague).toEqual({
      conversationId: sent.conversationId,
      from: 'agent',
      name: 'Admin',
      typing: true,
      agentId: expect.any(String),
    });
  });

  it('keeps the page the visitor is on up to date for agents', async () => {
    const a = t.track(await agent(t.server.url));
    const v = await visitor(t.server.url);
    t.track(v.socket);
    const update = nextEvent<{ pageUrl: string; pageTitle: string }>(a, 'visitor:updated', (p) => p.pageTitle === 'Checkout');
    await v.socket.emitWithAck('visitor:page', { url: 'http://shop.test/checkout', title: 'Checkout' });
    expect(await update).toMatchObject({ pageUrl: 'http://shop.test/checkout', pageTitle: 'Checkout' });
  });
});
