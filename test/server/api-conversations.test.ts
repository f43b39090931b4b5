import { nanoid } from 'nanoid';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../protocol/types';
import { makeToken, v1 } from '../helpers/rest-api';
import { agent, nextEvent, signInCookie, useServer, visitor, type VisitorSocket } from '../helpers/server';

const t = useServer();
let token: string;
beforeEach(async () => {
  token = (await makeToken(t.server.url, await signInCookie(t.server.url))).secret;
});

/** A visitor who wrote `text`: their socket and conversation id. */
async function visitorSays(text: string): Promise<{ socket: VisitorSocket; conversationId: string }> {
  const v = await visitor(t.server.url);
  t.track(v.socket);
  const sent = await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text });
  if (!sent.ok) throw new Error(sent.message);
  return { socket: v.socket, conversationId: sent.data.conversationId };
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

describe('REST API: sites and conversations', () => {
  it('lists sites with ISO 8601 times', async () => {
    const r = await v1(t.server.url, '/sites', { token });
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual([expect.objectContaining({ id: 'demo', channels: { chat: true, callback: true, feedback: true } })]);
    expect(r.body.data[0].created_at).toMatch(ISO);
    expect(r.body.next_cursor).toBeNull();
  });

  it('pages through conversations with a cursor, newest activity first, each once', async () => {
    const ids: string[] = [];
    for (const text of ['one', 'two', 'three']) ids.push((await visitorSays(text)).conversationId);
    const first = await v1(t.server.url, '/conversations?limit=2', { token });
    expect(first.body.data).toHaveLength(2);
    expect(first.body.data[0]).toMatchObject({ site_id: 'demo', status: 'pending', last_message: { author: 'visitor' } });
    expect(first.body.data[0].updated_at).toMatch(ISO);
    const second = await v1(t.server.url, `/conversations?limit=2&cursor=${first.body.next_cursor}`, { token });
    expect(second.body).toMatchObject({ data: [expect.anything()], next_cursor: null });
    const all: { id: string; updated_at: string }[] = [...first.body.data, ...second.body.data];
    expect(all.map((c) => c.id).sort()).toEqual([...ids].sort());
    // Three writes may share a millisecond: the order is by last change, ties by id, never a row twice.
    expect(all.map((c) => c.updated_at)).toEqual(
      all
        .map((c) => c.updated_at)
        .sort()
        .reverse(),
    );
  });

  it('filters conversations by site, status and time of last change', async () => {
    const { conversationId } = await visitorSays('hello');
    const a = t.track(await agent(t.server.url));
    await a.emitWithAck('conversation:setStatus', { conversationId, status: 'resolved' });
    const resolved = await v1(t.server.url, '/conversations?status=resolved&site=demo', { token });
    expect(resolved.body.data.map((c: { id: string }) => c.id)).toEqual([conversationId]);
    expect((await v1(t.server.url, '/conversations?status=open', { token })).body.data).toEqual([]);
    expect((await v1(t.server.url, '/conversations?site=elsewhere', { token })).body.data).toEqual([]);
    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await v1(t.server.url, `/conversations?updated_since=${future}`, { token })).body.data).toEqual([]);
    expect((await v1(t.server.url, '/conversations?updated_since=2020-01-01T00:00:00Z', { token })).body.data).toHaveLength(1);
  });

  it('gets one conversation, and answers a problem for an unknown one', async () => {
    const { conversationId } = await visitorSays('hi');
    expect((await v1(t.server.url, `/conversations/${conversationId}`, { token })).body).toMatchObject({ id: conversationId, last_seq: 1 });
    const missing = await v1(t.server.url, '/conversations/nope', { token });
    expect(missing).toMatchObject({
      status: 404,
      body: { type: 'urn:earshot:problem:not_found', title: 'Not found', status: 404, detail: 'No such conversation.' },
    });
    expect(missing.type).toMatch(/^application\/problem\+json/);
  });

  it("gets a conversation's visitor, without the token their widget holds", async () => {
    const { conversationId } = await visitorSays('hi');
    const c = await v1(t.server.url, `/conversations/${conversationId}`, { token });
    const r = await v1(t.server.url, `/visitors/${c.body.visitor_id}`, { token });
    expect(r.body).toMatchObject({
      id: c.body.visitor_id,
      site_id: 'demo',
      page_url: 'http://shop.test/pricing',
      language: 'cs-CZ',
      timezone: 'Europe/Prague',
      visits: 1,
    });
    expect(Object.keys(r.body).some((k) => k.includes('token'))).toBe(false);
    expect((await v1(t.server.url, '/visitors/nope', { token })).body).toMatchObject({ status: 404 });
  });

  it('refuses a bad filter, an unknown parameter and a forged cursor, naming each', async () => {
    expect((await v1(t.server.url, '/conversations?status=closed', { token })).body).toMatchObject({ status: 400, field: 'status' });
    expect((await v1(t.server.url, '/conversations?colour=red', { token })).body).toMatchObject({ status: 400, field: 'colour' });
    expect((await v1(t.server.url, '/conversations?limit=1000', { token })).body).toMatchObject({ status: 400, field: 'limit' });
    expect((await v1(t.server.url, '/conversations?cursor=bm9wZQ', { token })).body).toMatchObject({ status: 400, field: 'cursor' });
    expect((await v1(t.server.url, '/conversations?updated_since=yesterday', { token })).body).toMatchObject({
      status: 400,
      field: 'updated_since',
    });
  });

  it('answers an unknown route with a problem', async () => {
    expect((await v1(t.server.url, '/nothing-here', { token })).body).toMatchObject({
      status: 404,
      code: 'not_found',
      detail: 'No API route GET /api/v1/nothing-here.',
    });
  });
});

describe('REST API: messages and replies', () => {
  it("pages through a conversation's messages, oldest first", async () => {
    const { socket, conversationId } = await visitorSays('first');
    for (const text of ['second', 'third']) await socket.emitWithAck('message:send', { id: nanoid(), conversationId, text });
    const first = await v1(t.server.url, `/conversations/${conversationId}/messages?limit=2`, { token });
    expect(first.body.data.map((m: { seq: number; text: string }) => [m.seq, m.text])).toEqual([
      [1, 'first'],
      [2, 'second'],
    ]);
    expect(first.body.data[0]).toMatchObject({ conversation_id: conversationId, author: 'visitor' });
    const second = await v1(t.server.url, `/conversations/${conversationId}/messages?cursor=${first.body.next_cursor}`, { token });
    expect(second.body).toMatchObject({ data: [{ seq: 3, text: 'third' }], next_cursor: null });
  });

  it('posts a reply the connected visitor and the consoles receive live, like a console reply', async () => {
    const { socket, conversationId } = await visitorSays('Is this in stock?');
    const a = t.track(await agent(t.server.url));
    const atVisitor = nextEvent<Message>(socket, 'message:new');
    const atConsole = nextEvent<Message>(a, 'message:new');
    const r = await v1(t.server.url, `/conversations/${conversationId}/messages`, { token, body: { text: ' Yes, two left. ' } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      conversation_id: conversationId,
      seq: 2,
      author: 'agent',
      author_name: 'Admin',
      text: 'Yes, two left.',
    });
    expect(await atVisitor).toMatchObject({ id: r.body.id, author: 'agent', text: 'Yes, two left.' });
    expect(await atConsole).toMatchObject({ id: r.body.id });
    expect((await v1(t.server.url, `/conversations/${conversationId}`, { token })).body.status).toBe('open');
  });

  it("resolves a conversation, and the visitor's widget and the consoles hear it live", async () => {
    const { socket, conversationId } = await visitorSays('Thanks, that is all.');
    const a = t.track(await agent(t.server.url));
    const atVisitor = nextEvent<{ id: string; status: string }>(socket, 'conversation:status');
    const atConsole = nextEvent<{ id: string; status: string }>(a, 'conversation:updated');
    const r = await v1(t.server.url, `/conversations/${conversationId}/status`, { token, body: { status: 'resolved' } });
    expect(r).toMatchObject({ status: 200, body: { id: conversationId, status: 'resolved' } });
    expect(await atVisitor).toMatchObject({ id: conversationId, status: 'resolved' });
    expect(await atConsole).toMatchObject({ id: conversationId, status: 'resolved' });
    expect((await v1(t.server.url, `/conversations/${conversationId}/status`, { token, body: { status: 'closed' } })).body).toMatchObject({
      status: 400,
      field: 'status',
    });
  });

  it('stores a write repeated with the same Idempotency-Key once and answers it the same', async () => {
    const { conversationId } = await visitorSays('Hello?');
    const send = (text: string, key: string) =>
      v1(t.server.url, `/conversations/${conversationId}/messages`, { token, body: { text }, headers: { 'idempotency-key': key } });
    const first = await send('On it.', 'reply-1');
    const again = await send('On it.', 'reply-1');
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await send('Something else', 'reply-1');
    expect(other).toMatchObject({ status: 409, body: { code: 'duplicate_id', field: 'Idempotency-Key' } });
    const messages = await t.server.store.listMessages(conversationId, 0, 100);
    expect(messages.map((m) => m.text)).toEqual(['Hello?', 'On it.']);
    // Another token's key is its own.
    const otherToken = (await makeToken(t.server.url, await signInCookie(t.server.url))).secret;
    const theirs = await v1(t.server.url, `/conversations/${conversationId}/messages`, {
      token: otherToken,
      body: { text: 'Mine' },
      headers: { 'idempotency-key': 'reply-1' },
    });
    expect(theirs.body).toMatchObject({ text: 'Mine', seq: 3 });
  });

  it('refuses a malformed body with a problem naming the field', async () => {
    const { conversationId } = await visitorSays('Hi');
    const path = `/conversations/${conversationId}/messages`;
    const wrongType = await v1(t.server.url, path, { token, body: { text: 5 } });
    expect(wrongType).toMatchObject({
      status: 400,
      body: { type: 'urn:earshot:problem:invalid_payload', status: 400, field: 'text', detail: 'text must be a string' },
    });
    expect((await v1(t.server.url, path, { token, body: { text: 'Hi', internal: true } })).body).toMatchObject({
      status: 400,
      field: 'internal',
    });
    expect((await v1(t.server.url, path, { token, body: { text: '   ' } })).body).toMatchObject({ status: 400, field: 'text' });
    const plain = await fetch(`${t.server.url}/api/v1${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
      body: 'Hi',
    });
    expect(await plain.json()).toMatchObject({ status: 400, field: 'body' });
    const notJson = await v1(t.server.url, path, { token, raw: '{"text":' });
    expect(notJson).toMatchObject({ status: 400, body: { detail: 'The request body is not valid JSON.' } });
    expect(notJson.type).toMatch(/^application\/problem\+json/);
    expect(await t.server.store.listMessages(conversationId, 0, 100)).toHaveLength(1);
  });
});
