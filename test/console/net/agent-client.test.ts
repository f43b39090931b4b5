import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ListStorage } from '../../../client/outbox/saved';
import { createAgentClient, type AgentClient } from '../../../console/net/agent-client';
import { agentOutboxStorage, type SavedReply } from '../../../console/net/agent-outbox';
import { INBOX_PAGE } from '../../../console/net/commands';
import { initialState, reducer } from '../../../console/state/reducer';
import { createStore, type ConsoleStore } from '../../../console/state/store';
import { fakePage } from '../fake-page';
import { memoryStorage } from '../../widget/helpers/memory-storage';
import { callback } from '../callbacks/fixtures';
import { FakeSocket, msg, profile, row } from '../fake-socket';

const ok = <T>(data: T) => ({ ok: true as const, data });
/** Agent a1's outbox in a fresh in-memory Storage: what a reload of the page would find. */
const savedOutbox = () => {
  const backend = memoryStorage();
  return agentOutboxStorage('http://relay.test', 'a1', () => backend);
};

let client: AgentClient | undefined;
afterEach(() => client?.close());

/** A signed-in store, a fake server holding conversation c1 with messages 1..n, and a client on it. */
function setup(opts: { held?: number; visible?: boolean; storage?: ListStorage<SavedReply> } = {}) {
  const agent = { id: 'a1', email: 'a@test', name: 'Alex', role: 'agent' as const };
  const store: ConsoleStore = createStore(reducer, { ...initialState(), auth: 'signed-in', agent });
  const socket = new FakeSocket();
  const server = { messages: [1, 2, 3, 4, 5].slice(0, opts.held ?? 2).map((s) => msg(s)), unread: 0 };
  const summary = () => row('c1', { lastSeq: server.messages.length, unread: server.unread });
  socket
    .answer('conversation:list', () => ok([summary()]))
    .answer('conversation:get', () => ok({ conversation: summary(), messages: server.messages, visitor: profile(), history: [] }))
    .answer('message:list', (p) =>
      ok({ conversationId: 'c1', messages: server.messages.filter((m) => m.seq > p.after), lastSeq: server.messages.length }),
    )
    .answer('conversation:read', () => ok(null))
    .answer('typing:set', () => ok(null));
  const page = fakePage(opts.visible ?? true);
  const onUnauthorized = vi.fn();
  client = createAgentClient(socket.asSocket(), store, { page, onUnauthorized, outboxStorage: opts.storage ?? savedOutbox() });
  return { store, socket, server, page, onUnauthorized, client };
}

const seqs = (store: ConsoleStore) => store.get().open?.messages.map((m) => m.seq);

describe('agent client: catching up', () => {
  it('asks for older conversations after the last row of the page before, until a short page says that is all', async () => {
    const { store, socket, client } = setup();
    // The server's order: newest activity first, ties by id descending.
    const full = Array.from({ length: INBOX_PAGE }, (_, i) =>
      row(`n${String(INBOX_PAGE - i).padStart(3, '0')}`, { updatedAt: '2025-01-01T12:00:00.000Z' }),
    );
    socket.answer('conversation:list', (p) => ok(p.before ? [row('old', { updatedAt: '2024-12-31T09:00:00.000Z' })] : full));
    socket.serverConnect();
    await vi.waitFor(() => expect(store.get().inboxLoaded).toBe(true));
    expect(store.get().inboxComplete).toBe(false);
    // A row from far below, pushed meanwhile, is not where the next page starts.
    socket.push('conversation:updated', row('ancient', { updatedAt: '2020-01-01T00:00:00.000Z' }));
    await client.loadOlder();
    expect(socket.sent('conversation:list').at(-1)!.before).toEqual({ updatedAt: '2025-01-01T12:00:00.000Z', id: 'n001' });
    expect(store.get().inbox.old).toBeDefined();
    expect(store.get().inboxComplete).toBe(true);
  });

  it('loads the inbox when the socket connects', async () => {
    const { store, socket } = setup();
    socket.serverConnect();
    await vi.waitFor(() => expect(store.get().inboxLoaded).toBe(true));
    expect(store.get().connection).toBe('online');
    expect(Object.keys(store.get().inbox)).toEqual(['c1']);
  });

  it('updates the inbox row that comes with a pushed message', async () => {
    const { store, socket } = setup();
    socket.serverConnect();
    await vi.waitFor(() => expect(store.get().inboxLoaded).toBe(true));
    socket.push('message:new', msg(3, { conversationId: 'c2' }), row('c2', { lastSeq: 3, unread: 1 }));
    expect(store.get().inbox.c2).toMatchObject({ lastSeq: 3, unread: 1 });
  });

  it('fetches the missing messages when a push skips a seq', async () => {
    const { store, socket, server, client } = setup();
    socket.serverConnect();
    client.open('c1');
    await vi.waitFor(() => expect(seqs(store)).toEqual([1, 2]));
    server.messages.push(msg(3), msg(4));
    const asked = socket.nextRequest('message:list');
    socket.push('message:new', msg(4));
    expect(await asked).toEqual({ conversationId: 'c1', after: 2 });
    await vi.waitFor(() => expect(seqs(store)).toEqual([1, 2, 3, 4]));
  });

  it('misses nothing sent while disconnected: a reconnect reloads the open conversation', async () => {
    const { store, socket, server, client } = setup();
    socket.serverConnect();
    client.open('c1');
    await vi.waitFor(() => expect(seqs(store)).toEqual([1, 2]));
    socket.drop();
    expect(store.get().connection).toBe('offline');
    server.messages.push(msg(3));
    socket.serverConnect();
    await vi.waitFor(() => expect(seqs(store)).toEqual([1, 2, 3]));
  });

  it('asks for messages after the last seq when the tab regains focus', async () => {
    const { store, socket, server, page, client } = setup();
    socket.serverConnect();
    client.open('c1');
    await vi.waitFor(() => expect(seqs(store)).toEqual([1, 2]));
    server.messages.push(msg(3));
    const asked = socket.nextRequest('message:list');
    page.focus();
    expect(await asked).toEqual({ conversationId: 'c1', after: 2 });
    await vi.waitFor(() => expect(seqs(store)).toEqual([1, 2, 3]));
  });

  it('hands an unauthorized connect error to sign-in with the server message', () => {
    const { socket, onUnauthorized } = setup();
    socket.push('connect_error', Object.assign(new Error('x'), { data: { code: 'unauthorized', message: 'Please sign in again.' } }));
    expect(onUnauthorized).toHaveBeenCalledWith('Please sign in again.');
  });

  it('detaches every listener on close', () => {
    const { socket, client } = setup();
    client.close();
    expect(socket.listenerCount()).toBe(0);
    expect(socket.active).toBe(false);
  });
});

describe('agent client: replies', () => {
  it('shows a refused reply as failed with the reason, and Retry sends it with the same id', async () => {
    const { store, socket, client } = setup();
    socket.answer('message:send', () => ({ ok: false, code: 'not_found', message: 'No such conversation.' }));
    socket.serverConnect();
    const sent = socket.nextRequest('message:send');
    client.send('c1', 'hello');
    const id = (await sent).id;
    await vi.waitFor(() => expect(store.get().pending[id]).toMatchObject({ state: 'failed', error: 'No such conversation.' }));

    socket.answer('message:send', (p) => ok(msg(3, { id: p.id, author: 'agent', text: p.text })));
    const again = socket.nextRequest('message:send');
    client.retry(id);
    expect((await again).id).toBe(id);
    await vi.waitFor(() => expect(store.get().pending[id]).toBeUndefined());
  });

  it('holds replies written offline as queued and sends them in order on connect, with no button pressed', async () => {
    const { store, socket, client } = setup();
    socket.answer('message:send', (p) => ok(msg(3, { id: p.id, author: 'agent', text: p.text })));
    client.send('c1', 'one');
    client.send('c1', 'two');
    expect(Object.values(store.get().pending).map((p) => p.state)).toEqual(['queued', 'queued']);
    expect(socket.requests.filter((r) => r.event === 'message:send')).toEqual([]);
    socket.serverConnect();
    await vi.waitFor(() => expect(store.get().pending).toEqual({}));
    expect(socket.sent('message:send').map((p) => p.text)).toEqual(['one', 'two']);
  });

  it('keeps a reply the server could not take for now and sends it again with the same id on reconnect', async () => {
    const { store, socket, client } = setup();
    socket.answer('message:send', () => ({ ok: false, code: 'internal', message: 'Something went wrong.' }));
    socket.serverConnect();
    const sent = socket.nextRequest('message:send');
    client.send('c1', 'hello');
    const id = (await sent).id;
    await vi.waitFor(() => expect(store.get().pending[id]!.state).toBe('queued'));
    socket.answer('message:send', (p) => ok(msg(3, { id: p.id, author: 'agent', text: p.text })));
    const again = socket.nextRequest('message:send');
    socket.drop();
    socket.serverConnect();
    expect((await again).id).toBe(id);
    await vi.waitFor(() => expect(store.get().pending[id]).toBeUndefined());
  });

  it("holds a call's outcome written offline with its note, sends it on connect, and retries it under the same id", async () => {
    const storage = savedOutbox();
    const { store, socket, client } = setup({ storage });
    const item = callback('cb1', { attempts: 1 });
    socket.answer('callback:outcome', () => ({ ok: false, code: 'internal', message: 'Something went wrong.' }));
    socket.answer('callback:get', () => ok({ item, attempts: [], conversations: [] }));
    const done = client.callbacks.outcome('cb1', 'no_answer', 'Voicemail, try after 3');
    const [queued] = Object.values(store.get().pending);
    const command = { callbackId: 'cb1', outcome: 'no_answer' };
    expect(queued).toMatchObject({ state: 'queued', callback: command, text: 'Voicemail, try after 3' });
    // What a reload would find: the note is saved with its id before anything is sent.
    expect(storage.read()).toEqual([expect.objectContaining({ id: queued!.id, callback: { callbackId: 'cb1', outcome: 'no_answer' } })]);
    const first = socket.nextRequest('callback:outcome');
    socket.serverConnect();
    expect(await first).toEqual({ id: queued!.id, callbackId: 'cb1', outcome: 'no_answer', note: 'Voicemail, try after 3' });
    await vi.waitFor(() => expect(store.get().pending[queued!.id]!.state).toBe('queued'));
    socket.answer('callback:outcome', () => ok(item));
    const again = socket.nextRequest('callback:outcome');
    socket.drop();
    socket.serverConnect();
    expect((await again).id).toBe(queued!.id);
    expect(await done).toBe(true);
    expect(store.get().pending).toEqual({});
    expect(store.get().callbacks.items.cb1).toMatchObject({ attempts: 1 });
    expect(storage.read()).toEqual([]);
  });

  it('sends the outcome a closed tab left in the saved outbox, and keeps a refused one with its reason', async () => {
    const storage = savedOutbox();
    const createdAt = new Date().toISOString();
    storage.write([
      { id: 'left-1', conversationId: null, callback: { callbackId: 'cb1', dueAt: '2099-01-01T10:00:00.000Z' }, text: 'SMS', createdAt },
    ]);
    const { store, socket } = setup({ storage });
    socket.answer('callback:reschedule', () => ({ ok: false, code: 'slot_unavailable', message: 'Pick a time within the next 60 days.' }));
    const sent = socket.nextRequest('callback:reschedule');
    socket.serverConnect();
    expect(await sent).toEqual({ id: 'left-1', callbackId: 'cb1', dueAt: '2099-01-01T10:00:00.000Z', note: 'SMS' });
    const refusal = { state: 'failed', error: 'Pick a time within the next 60 days.' };
    await vi.waitFor(() => expect(store.get().pending['left-1']).toMatchObject(refusal));
  });

  it('emits typing once for a burst of keystrokes and stops on send', async () => {
    const { socket, client } = setup();
    socket.answer('message:send', (p) => ok(msg(3, { id: p.id, author: 'agent', text: p.text })));
    client.typing('c1');
    client.typing('c1');
    client.typing('c1');
    client.send('c1', 'done');
    const typing = socket.sent('typing:set').map((p) => p.typing);
    expect(typing).toEqual([true, false]);
  });
});

describe('agent client: read marks', () => {
  it('marks the open conversation read up to the last held seq while visible', async () => {
    const { socket, server, client } = setup();
    server.unread = 2;
    socket.serverConnect();
    const read = socket.nextRequest('conversation:read');
    client.open('c1');
    expect(await read).toEqual({ conversationId: 'c1', seq: 2 });
  });

  it('sends a read the server did not take again once the inbox shows it unread again', async () => {
    const { socket, server, client } = setup();
    server.unread = 2;
    let answers = 0;
    socket.answer('conversation:read', () =>
      ++answers === 1 ? { ok: false, code: 'internal', message: 'Something went wrong.' } : ok(null),
    );
    socket.serverConnect();
    const first = socket.nextRequest('conversation:read');
    client.open('c1');
    expect(await first).toEqual({ conversationId: 'c1', seq: 2 });
    await vi.waitFor(() => expect(answers).toBe(1));
    await new Promise((r) => setTimeout(r, 0)); // the refusal reaches the read marker
    // What a reload of the inbox (a reconnect, a wake) brings: the count never went down.
    const again = socket.nextRequest('conversation:read');
    socket.push('conversation:updated', row('c1', { lastSeq: 2, unread: 2, updatedAt: '2025-01-01T13:00:00.000Z' }));
    expect(await again).toEqual({ conversationId: 'c1', seq: 2 });
  });

  it('waits for the tab to become visible before marking read', async () => {
    const { store, socket, server, page, client } = setup({ visible: false });
    server.unread = 2;
    socket.serverConnect();
    client.open('c1');
    await vi.waitFor(() => expect(store.get().open?.loading).toBe(false));
    expect(socket.requests.some((r) => r.event === 'conversation:read')).toBe(false);
    const read = socket.nextRequest('conversation:read');
    page.setVisible(true);
    expect(await read).toEqual({ conversationId: 'c1', seq: 2 });
  });
});

describe('agent client: internal notes and mentions', () => {
  it('sends a note through the outbox as a note, saved across a reload until the server stores it', async () => {
    const storage = savedOutbox();
    const { store, socket, client } = setup({ storage });
    client.send('c1', 'Premium customer', true);
    expect(storage.read()).toEqual([expect.objectContaining({ text: 'Premium customer', note: true })]);
    socket.answer('message:send', (p) => ok(msg(3, { id: p.id, author: 'agent', text: p.text, note: true })));
    socket.serverConnect();
    await vi.waitFor(() => expect(store.get().pending).toEqual({}));
    expect(socket.sent('message:send')).toEqual([expect.objectContaining({ conversationId: 'c1', text: 'Premium customer', note: true })]);
    expect(storage.read()).toEqual([]);
  });

  it('turns a mention pushed by the server into an alert once, until dismissed', async () => {
    const { store, socket } = setup();
    socket.serverConnect();
    const mention = { conversationId: 'c1', messageId: 'n1', from: 'Petra', text: '@Alex can you check?' };
    socket.push('note:mention', mention);
    socket.push('note:mention', mention);
    expect(store.get().mentionAlerts).toEqual([mention]);
    store.dispatch({ type: 'mention/dismissed', messageId: 'n1' });
    expect(store.get().mentionAlerts).toEqual([]);
  });
});
