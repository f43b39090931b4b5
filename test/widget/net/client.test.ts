// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '../../../protocol/types';
import { startChatClient, type ChatClient } from '../../../widget/net/client';
import { restoreOutbox } from '../../../widget/net/persist';
import { initialState, reducer } from '../../../widget/state/reducer';
import { createStore } from '../../../widget/state/store';
import type { Saved } from '../../../widget/storage';
import { FakeSocket, helloResult, message } from '../helpers/fake-socket';
import { testStorage } from '../helpers/memory-storage';

let client: ChatClient | undefined;
afterEach(() => {
  client?.stop();
  client = undefined;
  vi.useRealTimers();
});

const conversation = (lastSeq = 0, visitorReadSeq = 0) => ({ id: 'c1', status: 'open' as const, lastSeq, visitorReadSeq });
const stored = (p: { id: string; text: string }, seq: number): Message =>
  message(seq, { id: p.id, text: p.text, author: 'visitor', authorName: null });

/** Starts a client against a fake socket; `setup` installs server replies before it connects. */
function start(
  opts: {
    saved?: Partial<Saved>;
    shared?: ReturnType<typeof testStorage>;
    setup?: (s: FakeSocket) => void;
    onAgentMessage?: (m: Message) => void;
  } = {},
) {
  const { storage, backend } = opts.shared ?? testStorage(opts.saved);
  const store = createStore(reducer, initialState(restoreOutbox(storage.read().outbox)));
  let socket!: FakeSocket;
  client = startChatClient({
    store,
    storage,
    openSocket: (token) => {
      socket = new FakeSocket(token);
      socket.reply('visitor:hello', () => helloResult());
      socket.reply('conversation:read', () => ({ ok: true, data: null }));
      opts.setup?.(socket);
      return socket.asSocket();
    },
    onAgentMessage: opts.onAgentMessage,
  });
  const online = () => vi.waitFor(() => expect(store.get().connection).toBe('online'));
  return { store, socket, storage, backend, client, online };
}

describe('chat client: connecting', () => {
  it('says hello with the page, language and time zone on connect', async () => {
    const { socket, online } = start();
    await online();
    const hello = socket.requests('visitor:hello')[0]!;
    expect(hello.page.url).toBe(location.href);
    expect(hello.language).toBe(navigator.language);
    expect(hello.timezone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('saves the token a new visitor receives and presents it on the next connection', async () => {
    const { socket, storage, online } = start();
    expect(socket.token()).toBeNull();
    await online();
    expect(storage.read().token).toBe('tok-new');
    expect(socket.token()).toBe('tok-new');
  });

  it('forgets a refused token and connects again as a new visitor', async () => {
    const { socket, storage, store, online } = start({
      saved: { token: 'old', conversationId: 'c1' },
      setup: (s) => (s.autoAccept = false),
    });
    expect(socket.token()).toBe('old');
    socket.autoAccept = true;
    socket.fire('connect_error', Object.assign(new Error('bad'), { data: { code: 'bad_token', message: 'Unknown visitor.' } }));
    await online();
    expect(socket.connectCalls).toBe(2);
    expect(socket.token()).toBe('tok-new');
    expect(storage.read()).toMatchObject({ token: 'tok-new', conversationId: null });
    expect(store.get().conversation).toBeNull();
  });

  it("shows why the server refused the connection, and tells the site's developer in the console", () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { socket, store } = start({ setup: (s) => (s.autoAccept = false) });
    socket.fire(
      'connect_error',
      Object.assign(new Error('refused'), { data: { code: 'origin_not_allowed', message: 'Chat is not enabled here.' } }),
    );
    expect(store.get()).toMatchObject({ connection: 'error', error: 'Chat is not enabled here.' });
    expect(warn).toHaveBeenCalledWith('Earshot: Chat is not enabled here.');
    warn.mockRestore();
  });

  it('reports a lost connection as offline', async () => {
    const { socket, store, online } = start();
    await online();
    socket.drop();
    expect(store.get().connection).toBe('offline');
  });

  it('sends identify once connected, not before', async () => {
    const { socket, client, online } = start({ setup: (s) => (s.autoAccept = false) });
    client.identify({ name: 'Jo', email: 'jo@example.com' });
    expect(socket.requests('visitor:identify')).toEqual([]);
    socket.reply('visitor:identify', () => ({ ok: true, data: { name: 'Jo', email: 'jo@example.com', verified: false, merged: false } }));
    socket.accept();
    await online();
    expect(socket.requests('visitor:identify')).toEqual([{ name: 'Jo', email: 'jo@example.com' }]);
  });

  it("passes a verified identity through, and reconnects once it joined another browser's person, to load their conversation", async () => {
    const { socket, client, online } = start();
    await online();
    socket.reply('visitor:identify', () => ({ ok: true, data: { name: null, email: null, verified: true, merged: true } }));
    const hash = 'ab'.repeat(32);
    client.identify({ id: 'user-42', hash, nonsense: 1 } as never);
    await vi.waitFor(() => expect(socket.requests('visitor:hello')).toHaveLength(2));
    expect(socket.requests('visitor:identify')).toEqual([{ id: 'user-42', hash }]);
    expect(socket.connectCalls).toBe(2);
  });
});

describe('chat client: outbox', () => {
  it('queues messages while offline and sends them on connect, in order, one at a time', async () => {
    const { socket, client, store, online } = start({ setup: (s) => (s.autoAccept = false) });
    client.send('first', 'a');
    client.send('second', 'b');
    expect(socket.requests('message:send')).toEqual([]);
    socket.accept();
    await online();
    expect(socket.requests('message:send')).toEqual([{ id: 'a', conversationId: null, text: 'first' }]);
    socket.pending.find((p) => p.event === 'message:send')!.resolve({ ok: true, data: stored({ id: 'a', text: 'first' }, 1) });
    await vi.waitFor(() => expect(socket.requests('message:send')).toHaveLength(2));
    // The second message goes to the conversation the first one started.
    expect(socket.requests('message:send')[1]).toEqual({ id: 'b', conversationId: 'c1', text: 'second' });
    expect(store.get().outbox.map((e) => [e.id, e.state])).toEqual([['b', 'sending']]);
  });

  it('keeps a message whose ack is lost and resends it with the same id after reconnecting', async () => {
    const { socket, client, store, online } = start();
    await online();
    client.send('hello', 'a');
    await vi.waitFor(() => expect(socket.pending).toHaveLength(1));
    socket.drop();
    await vi.waitFor(() => expect(store.get().outbox[0]?.state).toBe('queued'));
    socket.reply('message:send', (p) => ({ ok: true, data: stored(p, 1) }));
    socket.accept();
    await vi.waitFor(() => expect(store.get().outbox).toEqual([]));
    expect(socket.requests('message:send').map((p) => p.id)).toEqual(['a', 'a']);
    expect(store.get().messages.map((m) => m.id)).toEqual(['a']);
  });

  it('tells the server of a page a single-page site moved to with pushState, once per change', async () => {
    vi.useFakeTimers();
    const { socket } = start({ setup: (s) => s.reply('visitor:page', () => ({ ok: true, data: null })) });
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(6000);
    expect(socket.requests('visitor:page')).toEqual([]);
    history.pushState(null, '', '/checkout');
    document.title = 'Checkout';
    await vi.advanceTimersByTimeAsync(6000);
    expect(socket.requests('visitor:page')).toEqual([expect.objectContaining({ url: location.href, title: 'Checkout' })]);
    expect(location.pathname).toBe('/checkout');
    // A title that only changes is no new page.
    document.title = '(3) Checkout';
    await vi.advanceTimersByTimeAsync(6000);
    expect(socket.requests('visitor:page')).toHaveLength(1);
  });

  it('tells the server of a new page again when it refused the first word of it', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const { socket } = start({
      setup: (s) =>
        s.reply('visitor:page', () =>
          ++calls === 1 ? { ok: false, code: 'rate_limited', message: 'slow down' } : { ok: true, data: null },
        ),
    });
    await vi.advanceTimersByTimeAsync(0);
    history.pushState(null, '', '/pricing');
    await vi.advanceTimersByTimeAsync(3000);
    await vi.advanceTimersByTimeAsync(3000);
    expect(socket.requests('visitor:page').map((p) => new URL(p.url).pathname)).toEqual(['/pricing', '/pricing']);
    await vi.advanceTimersByTimeAsync(6000);
    expect(calls).toBe(2);
  });

  it('retries a rate-limited message later, after a backoff', async () => {
    vi.useFakeTimers();
    const { socket, client, store } = start();
    let calls = 0;
    socket.reply('message:send', (p) =>
      ++calls === 1 ? { ok: false, code: 'rate_limited', message: 'slow down' } : { ok: true, data: stored(p, 1) },
    );
    await vi.advanceTimersByTimeAsync(0);
    client.send('hello', 'a');
    await vi.advanceTimersByTimeAsync(0);
    expect(store.get().outbox[0]?.state).toBe('queued');
    await vi.advanceTimersByTimeAsync(2000);
    expect(store.get().outbox).toEqual([]);
    expect(calls).toBe(2);
  });

  it('marks a message the server refuses for good as failed, and Retry resends it with the same id', async () => {
    const { socket, client, store, online } = start();
    await online();
    socket.reply('message:send', () => ({ ok: false, code: 'too_long', message: 'too long' }));
    client.send('x', 'a');
    await vi.waitFor(() => expect(store.get().outbox[0]).toMatchObject({ state: 'failed', error: 'too_long' }));
    socket.reply('message:send', (p) => ({ ok: true, data: stored(p, 1) }));
    client.retry('a');
    await vi.waitFor(() => expect(store.get().outbox).toEqual([]));
    expect(socket.requests('message:send').map((p) => p.id)).toEqual(['a', 'a']);
  });

  it('persists unsent messages, and a new page sends what the last one left', async () => {
    const first = start({ setup: (s) => (s.autoAccept = false) });
    first.client.send('from page one', 'a');
    const saved = first.storage.read();
    expect(saved.outbox).toMatchObject([{ id: 'a', text: 'from page one' }]);
    first.client.stop();

    const second = start({ saved, setup: (s) => s.reply('message:send', (p) => ({ ok: true, data: stored(p, 1) })) });
    await vi.waitFor(() => expect(second.storage.read().outbox).toEqual([]));
    expect(second.socket.requests('message:send')).toEqual([{ id: 'a', conversationId: null, text: 'from page one' }]);
  });

  it('keeps what another tab of the site queued when this one saves or sends its own', async () => {
    const shared = testStorage();
    const tabA = start({ shared, setup: (s) => (s.autoAccept = false) });
    const tabB = start({ shared, setup: (s) => (s.autoAccept = false) });
    tabA.client.send('typed in tab A', 'a');
    tabB.client.send('typed in tab B', 'b');
    expect(shared.storage.read().outbox.map((e) => e.id)).toEqual(['a', 'b']);
    // Tab A's message is stored: only it leaves the saved outbox.
    tabA.socket.reply('message:send', (p) => ({ ok: true, data: stored(p, 1) }));
    tabA.socket.accept();
    await vi.waitFor(() => expect(tabA.store.get().outbox).toEqual([]));
    expect(shared.storage.read().outbox.map((e) => e.id)).toEqual(['b']);
    tabA.client.stop();
    tabB.client.stop();
  });

  it('remembers the conversation once the first message is stored', async () => {
    const { socket, client, storage, online } = start();
    socket.reply('message:send', (p) => ({ ok: true, data: stored(p, 1) }));
    await online();
    client.send('hi', 'a');
    await vi.waitFor(() => expect(storage.read().conversationId).toBe('c1'));
  });
});

describe('chat client: sync', () => {
  it('loads the history after 0 when hello returns a conversation, page by page while pages are full', async () => {
    const all = Array.from({ length: 250 }, (_, i) => message(i + 1));
    const { socket, store, online } = start({
      setup: (s) => {
        s.reply('visitor:hello', () => helloResult({ token: null, conversation: conversation(250, 250) }));
        s.reply('message:list', (p) => ({
          ok: true,
          data: { conversationId: 'c1', messages: all.filter((m) => m.seq > p.after).slice(0, 200), lastSeq: 250 },
        }));
      },
    });
    await online();
    await vi.waitFor(() => expect(store.get().lastSeq).toBe(250));
    expect(socket.requests('message:list')).toEqual([
      { conversationId: 'c1', after: 0 },
      { conversationId: 'c1', after: 200 },
    ]);
  });

  it('fetches the missing messages when message:new skips a seq', async () => {
    const { socket, store, online } = start({
      setup: (s) => {
        s.reply('visitor:hello', () => helloResult({ conversation: conversation() }));
        s.reply('message:list', (p) => ({
          ok: true,
          data: { conversationId: 'c1', messages: [message(1), message(2), message(3)].filter((m) => m.seq > p.after), lastSeq: 3 },
        }));
      },
    });
    await online();
    await vi.waitFor(() => expect(store.get().lastSeq).toBe(3));
    socket.fire('message:new', message(5));
    await vi.waitFor(() => expect(socket.requests('message:list').at(-1)).toEqual({ conversationId: 'c1', after: 3 }));
  });

  it('syncs again when the tab becomes visible', async () => {
    const { socket, store, online } = start({
      setup: (s) => {
        s.reply('visitor:hello', () => helloResult({ conversation: conversation() }));
        s.reply('message:list', () => ({ ok: true, data: { conversationId: 'c1', messages: [], lastSeq: 0 } }));
      },
    });
    await online();
    await vi.waitFor(() => expect(socket.requests('message:list')).toHaveLength(1));
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(socket.requests('message:list')).toHaveLength(2));
    expect(store.get().visible).toBe(true);
  });

  it('tells the page about new agent messages but not about the loaded history', async () => {
    const onAgentMessage = vi.fn();
    const { socket, online } = start({
      onAgentMessage,
      setup: (s) => {
        s.reply('visitor:hello', () => helloResult({ conversation: conversation(1) }));
        s.reply('message:list', (p) => ({
          ok: true,
          data: { conversationId: 'c1', messages: [message(1)].filter((m) => m.seq > p.after), lastSeq: 1 },
        }));
      },
    });
    await online();
    await vi.waitFor(() => expect(socket.requests('message:list')).toHaveLength(1));
    socket.fire('message:new', message(2));
    socket.fire('message:new', message(2));
    expect(onAgentMessage.mock.calls.map(([m]) => m.id)).toEqual(['m2']);
  });

  it('tells the page nothing about a history longer than a page, whichever page it comes in', async () => {
    const onAgentMessage = vi.fn();
    const all = Array.from({ length: 250 }, (_, i) => message(i + 1));
    const { socket, online } = start({
      onAgentMessage,
      setup: (s) => {
        s.reply('visitor:hello', () => helloResult({ conversation: conversation(250) }));
        s.reply('message:list', (p) => ({
          ok: true,
          data: { conversationId: 'c1', messages: all.filter((m) => m.seq > p.after).slice(0, 200), lastSeq: 250 },
        }));
      },
    });
    await online();
    await vi.waitFor(() => expect(socket.requests('message:list')).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 0));
    expect(onAgentMessage).not.toHaveBeenCalled();
  });

  it('marks agent messages read while the panel is open, and not while it is closed', async () => {
    const { socket, store, online } = start({
      setup: (s) => s.reply('visitor:hello', () => helloResult({ conversation: conversation() })),
    });
    await online();
    socket.fire('message:new', message(1));
    expect(socket.requests('conversation:read')).toEqual([]);
    store.dispatch({ type: 'view', open: true });
    expect(socket.requests('conversation:read')).toEqual([{ conversationId: 'c1', seq: 1 }]);
    expect(store.get().readSeq).toBe(1);
  });

  it('shows and clears the agent’s typing', async () => {
    const { socket, store, online } = start({
      setup: (s) => s.reply('visitor:hello', () => helloResult({ conversation: conversation() })),
    });
    await online();
    socket.fire('typing', { conversationId: 'c1', from: 'agent', name: 'Ada', typing: true });
    expect(store.get().agentTyping).toEqual({ name: 'Ada' });
    socket.fire('typing', { conversationId: 'c1', from: 'agent', name: 'Ada', typing: false });
    expect(store.get().agentTyping).toBeNull();
  });
});

describe('chat client: requests for other views', () => {
  it('sends a request over the chat’s socket once online and returns the ack', async () => {
    const { socket, online, client } = start({
      setup: (s) => s.reply('feedback:send', () => ({ ok: true, data: { id: 'f1', replyExpected: false } })),
    });
    await online();
    const input = {
      rating: 5,
      category: 'praise' as const,
      text: '',
      contact: { mode: 'anonymous' as const },
      page: { url: 'u', title: 't' },
    };
    expect(await client.request('feedback:send', input)).toEqual({ ok: true, data: { id: 'f1', replyExpected: false } });
    expect(socket.requests('feedback:send')).toEqual([input]);
  });

  it('refuses as offline, emitting nothing, while not connected, so nothing is sent twice after a reconnect', async () => {
    const { socket, online, client } = start();
    await online();
    socket.drop();
    const input = {
      rating: 1,
      category: 'complaint' as const,
      text: '',
      contact: { mode: 'anonymous' as const },
      page: { url: 'u', title: 't' },
    };
    expect(await client.request('feedback:send', input)).toMatchObject({ ok: false, code: 'offline' });
    expect(socket.requests('feedback:send')).toEqual([]);
  });
});
