import { describe, expect, it } from 'vitest';
import { nanoid } from 'nanoid';
import type { NoteMention } from '../../protocol/events';
import type { Message } from '../../protocol/types';
import { makeToken, v1 } from '../helpers/rest-api';
import { agent, nextEvent, signInCookie, useServer, visitor, type AgentSocket } from '../helpers/server';
import { agentWith, inviteAndAccept } from '../helpers/team';

const t = useServer();

async function say(socket: AgentSocket, conversationId: string, text: string, note?: boolean): Promise<Message> {
  const res = await socket.emitWithAck('message:send', { id: nanoid(), conversationId, text, ...(note ? { note } : {}) });
  if (!res.ok) throw new Error(`${res.code}: ${res.message}`);
  return res.data;
}

/** A visitor's first message: a new conversation, and its id. */
async function visitorChat(text: string) {
  const v = await visitor(t.server.url);
  t.track(v.socket);
  const first = await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text });
  if (!first.ok) throw new Error(first.message);
  return { v, c: first.data.conversationId };
}

describe('internal notes', () => {
  it('never put a byte of the note on the visitor socket, while agents get it and the visitor then gets the reply after it', async () => {
    const a = t.track(await agent(t.server.url));
    const v = await visitor(t.server.url);
    t.track(v.socket);
    // Every packet the visitor's socket receives, raw off the wire (engine.io frames), before socket.io decodes them.
    const wire: string[] = [];
    v.socket.io.engine.on('packet', (p: { data?: unknown }) => wire.push(JSON.stringify(p.data ?? '')));
    const first = await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'Where is my order?' });
    if (!first.ok) throw new Error(first.message);
    const c = first.data.conversationId;

    const atAgent = nextEvent<Message>(a, 'message:new', (m) => m.note === true);
    const note = await say(a, c, 'SECRET-NOTE customer is on the premium plan', true);
    expect(note).toMatchObject({ author: 'agent', note: true, seq: 2 });
    expect(await atAgent).toEqual(note);
    const replyAtVisitor = nextEvent<Message>(v.socket, 'message:new', (m) => m.author === 'agent');
    const reply = await say(a, c, 'It ships today.');
    expect(await replyAtVisitor).toMatchObject({ id: reply.id, seq: 3 });
    const page = await v.socket.emitWithAck('message:list', { conversationId: c, after: 0 });
    expect(page.ok && page.data.messages.map((m) => m.text)).toEqual(['Where is my order?', 'It ships today.']);
    const status = await a.emitWithAck('conversation:get', { conversationId: c });
    expect(status.ok && status.data.messages.map((m) => Boolean(m.note))).toEqual([false, true, false]);

    const all = wire.join('\n');
    expect(all).toContain('It ships today.');
    expect(all).not.toContain('SECRET-NOTE');
    expect(all).not.toContain(note.id);
  });

  it('changes no status: a note alone does not take the chat on, and the inbox preview stays the visitor message', async () => {
    const a = t.track(await agent(t.server.url));
    const { c } = await visitorChat('Hello?');
    await say(a, c, 'Looks like a returning customer', true);
    const got = await a.emitWithAck('conversation:get', { conversationId: c });
    expect(got.ok && got.data.conversation).toMatchObject({ status: 'pending', unread: 1, lastMessage: { text: 'Hello?' } });
  });

  it('marks notes internal in the REST messages list', async () => {
    const a = t.track(await agent(t.server.url));
    const { c } = await visitorChat('Hi');
    await say(a, c, 'Internal only', true);
    const { secret } = await makeToken(t.server.url, await signInCookie(t.server.url));
    const res = await v1(t.server.url, `/conversations/${c}/messages`, { token: secret });
    expect(res.status).toBe(200);
    expect(res.body.data.map((m: { text: string; internal: boolean }) => [m.text, m.internal])).toEqual([
      ['Hi', false],
      ['Internal only', true],
    ]);
  });

  it('tells an agent mentioned by @name, and nobody else, of the note', async () => {
    const admin = t.track(await agent(t.server.url));
    const petra = await inviteAndAccept(t.server.url, await signInCookie(t.server.url), 'petra@test.local', 'agent', 'Petra Nová');
    const p = t.track(await agentWith(t.server.url, petra.cookie));
    const { c } = await visitorChat('Refund please');
    const mentioned = nextEvent<NoteMention>(p, 'note:mention');
    const adminMentions: NoteMention[] = [];
    admin.on('note:mention', (m) => adminMentions.push(m));
    const note = await say(admin, c, '@petra nová can you check the refund?', true);
    expect(await mentioned).toEqual({ conversationId: c, messageId: note.id, from: 'Admin', text: note.text });
    // A later event on the same socket: had the writer been told, it would have arrived first.
    const marker = nextEvent(admin, 'message:new');
    await say(p, c, 'On it', true);
    await marker;
    expect(adminMentions).toEqual([]);
  });

  it('refuses a note id reused as a reply, so a retry never turns a note visitor-facing', async () => {
    const a = t.track(await agent(t.server.url));
    const { c } = await visitorChat('Hi');
    const id = nanoid();
    expect(await a.emitWithAck('message:send', { id, conversationId: c, text: 'n', note: true })).toMatchObject({
      ok: true,
    });
    expect(await a.emitWithAck('message:send', { id, conversationId: c, text: 'n' })).toMatchObject({
      ok: false,
      code: 'duplicate_id',
    });
  });
});
