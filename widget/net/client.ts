import { LIMITS } from '../../protocol/events';
import type { IdentifyInput, Message, MessagePage, PageInfo } from '../../protocol/types';
import { seqToMarkRead } from '../state/selectors';
import type { ChatStore } from '../state/store';
import type { SiteStorage } from '../storage';
import { backoff } from '../../client/outbox/backoff';
import type { SendError } from '../../client/request';
import { startOutboxSender } from './outbox-sender';
import { persistChat } from './persist';
import { request, type Requester, type VisitorSocket } from './socket';
import { createSync } from './sync';
import { isTransient } from '../../client/outbox/sender';
import { createTypingSignal, type TypingSignal } from '../../client/typing';

/** What a site may tell about the visitor with `Earshot('identify', ...)`; `hash` (made by its backend) verifies `id`. */
export type Identity = IdentifyInput;

export interface ChatClientOptions {
  store: ChatStore;
  storage: SiteStorage;
  /** Opens (without connecting) the socket; `token` is read at every connection attempt. */
  openSocket: (token: () => string | null) => VisitorSocket;
  /** An agent message arrived (not one loaded with the history). */
  onAgentMessage?: (m: Message) => void;
  /** The widget's language tag, sent at hello so emails to the visitor are in it; the browser's otherwise. */
  language?: string;
  /** Where window and document events come from; tests pass their own. */
  win?: Window;
}

/** What the chat UI may ask of the network. */
export interface ChatClient {
  send(text: string, id: string): void;
  retry(id: string): void;
  typing: TypingSignal;
  identify(who: Identity): void;
  /** One request over the chat's socket for other views; refused as `offline`, unsent, while not connected. */
  request: Requester;
  sync(): Promise<void>;
  /** Connects afresh, so the hello brings what changed about this visitor (a resume link joined them to a conversation). */
  rejoin(): void;
  stop(): void;
}

const AGENT_TYPING_MS = 10_000;

/** The page the visitor is on, cut to the lengths the server takes. */
export function pageInfo(win: Window): PageInfo {
  const d = win.document;
  // Over-long fields would make the server refuse the whole hello.
  return {
    url: win.location.href.slice(0, 2048),
    title: d.title.slice(0, 300),
    ...(d.referrer ? { referrer: d.referrer.slice(0, 2048) } : {}),
  };
}

/** The socket adapter: turns socket events into actions and state changes into emits. */
export function startChatClient(o: ChatClientOptions): ChatClient {
  const { store, storage } = o;
  const win = o.win ?? window;
  let token = storage.read().token;
  let identity: Identity | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  /** The address the server was last told of (at hello or since), so only a change is sent. */
  let shownPage = '';
  const socket = o.openSocket(() => token);
  const online = () => store.get().connection === 'online';

  const receive = (messages: Message[], announce: boolean, page?: MessagePage) => {
    const held = new Set(store.get().messages.map((m) => m.id));
    store.dispatch({
      type: 'messages',
      messages,
      ...(page ? { through: { conversationId: page.conversationId, seq: page.lastSeq } } : {}),
    });
    if (announce) for (const m of messages) if (m.author === 'agent' && !held.has(m.id)) o.onAgentMessage?.(m);
  };
  const sync = createSync(store, socket, (messages, history, page) => receive(messages, !history, page));

  const later = (fn: () => void) => {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(fn, backoff(attempt++));
  };

  const sendIdentity = () => {
    if (!identity || !online()) return;
    const sent = identity;
    void request(socket, 'visitor:identify', sent).then((res) => {
      if (res.ok && res.data.email) store.dispatch({ type: 'email', email: res.data.email });
      // Now one person with another browser: the hello after reconnecting brings their conversation.
      if (res.ok && res.data.merged) socket.disconnect().connect();
      if (res.ok && identity === sent) identity = null;
      else if (!res.ok && import.meta.env.DEV) console.warn(`Earshot: identify failed: ${res.message}`);
    });
  };

  async function hello() {
    const page = pageInfo(win);
    shownPage = page.url;
    const res = await request(socket, 'visitor:hello', {
      page,
      language: (o.language ?? win.navigator.language).slice(0, 35),
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone?.slice(0, 64),
    });
    if (!socket.connected) return;
    if (!res.ok) {
      // Reconnecting gives the server a clean start at the handshake.
      later(() => socket.disconnect().connect());
      return;
    }
    attempt = 0;
    if (res.data.token) {
      token = res.data.token;
      storage.write({ token });
    }
    store.dispatch({ type: 'hello', site: res.data.site, conversation: res.data.conversation, email: res.data.email });
    store.dispatch({ type: 'connection', status: 'online' });
    if (res.data.status) store.dispatch({ type: 'status', status: res.data.status });
    sendIdentity();
    await sync();
  }

  socket.on('connect', () => void hello());
  socket.on('disconnect', (reason) => {
    store.dispatch({ type: 'connection', status: 'offline' });
    if (reason === 'io server disconnect') later(() => socket.connect());
  });
  socket.on('connect_error', (err) => {
    const data = (err as { data?: { code?: string; message?: string } }).data;
    if (data?.code === 'bad_token') {
      // The server no longer knows this visitor: start over as a new one.
      token = null;
      storage.write({ token: null, conversationId: null });
      store.dispatch({ type: 'reset' });
      socket.connect();
    } else if (socket.active) {
      store.dispatch({ type: 'connection', status: 'offline' });
    } else {
      store.dispatch({ type: 'connection', status: 'error', error: data?.message ?? err.message });
      // For the site's developer (an origin not allowed, an unknown site): the panel shows it too.
      console.warn(`Earshot: ${data?.message ?? err.message}`);
      if (isTransient(data?.code as SendError)) later(() => socket.connect());
    }
  });
  socket.on('message:new', (m) => {
    receive([m], true);
    if (m.seq > store.get().lastSeq + 1) void sync();
  });
  socket.on('typing', (t) => {
    if (t.from !== 'agent' || t.conversationId !== store.get().conversation?.id) return;
    store.dispatch({ type: 'typing', typing: t.typing, name: t.name });
    clearTimeout(typingTimer);
    // Typing events are volatile: a lost `false` must not leave the indicator on for ever.
    if (t.typing) typingTimer = setTimeout(() => store.dispatch({ type: 'typing', typing: false, name: null }), AGENT_TYPING_MS);
  });
  socket.on('conversation:status', (c) => store.dispatch({ type: 'conversation', conversation: c }));
  socket.on('message:updated', (message) => store.dispatch({ type: 'message/updated', message }));
  socket.on('site:status', (status) => store.dispatch({ type: 'status', status }));
  socket.on('site:settings', (site) => store.dispatch({ type: 'site', site }));

  const stopSender = startOutboxSender(store, socket, online, (m) => receive([m], false));
  const stopPersist = persistChat(store, storage);
  const stopReceipts = store.subscribe((s) => {
    const seq = seqToMarkRead(s);
    if (seq === null || !s.conversation) return;
    store.dispatch({ type: 'read', seq });
    void request(socket, 'conversation:read', { conversationId: s.conversation.id, seq });
  });

  const typing = createTypingSignal((value) => {
    const c = store.get().conversation;
    if (c && online()) void request(socket, 'typing:set', { conversationId: c.id, typing: value });
  });

  const onFocus = () => void sync();
  const onVisibility = () => {
    const visible = win.document.visibilityState === 'visible';
    store.dispatch({ type: 'view', visible });
    if (visible) void sync();
  };
  // Single-page sites move with pushState, which fires no event: a cheap look every few seconds
  // finds a new address (the title goes with it; a title that only changes, such as "(3) Inbox",
  // is no new page), and only a change is sent, again on the next look if it failed.
  const onNavigate = () => {
    const page = pageInfo(win);
    if (!online() || page.url === shownPage) return;
    shownPage = page.url;
    void request(socket, 'visitor:page', page).then((r) => {
      if (!r.ok && shownPage === page.url) shownPage = '';
    });
  };
  const pagePoll = setInterval(onNavigate, 3000);
  win.addEventListener('focus', onFocus);
  win.document.addEventListener('visibilitychange', onVisibility);
  win.addEventListener('popstate', onNavigate);
  win.addEventListener('hashchange', onNavigate);
  socket.connect();

  return {
    rejoin: () => void socket.disconnect().connect(),
    send(text, id) {
      typing.stop();
      store.dispatch({ type: 'outbox/add', id, text, createdAt: new Date().toISOString() });
    },
    retry: (id) => store.dispatch({ type: 'outbox/retry', id }),
    typing,
    identify(who) {
      // It comes from the page's script: keep only what the protocol knows.
      const p: Partial<Record<keyof Identity, unknown>> = who ?? {};
      identity = {};
      for (const [k, max] of [
        ['id', LIMITS.externalIdLength],
        ['name', LIMITS.nameLength],
        ['email', LIMITS.emailLength],
        ['phone', LIMITS.phoneLength],
        ['hash', 128],
      ] as const) {
        const value = p[k];
        if (typeof value === 'string' && value.trim()) identity[k] = value.slice(0, max);
      }
      sendIdentity();
    },
    // Never into socket.io's send buffer: a request sent on reconnect after its ack timed out would arrive twice.
    request: (event, payload) =>
      online() ? request(socket, event, payload) : Promise.resolve({ ok: false, code: 'offline', message: 'Not connected.' }),
    sync,
    stop() {
      stopSender();
      stopPersist();
      stopReceipts();
      typing.stop();
      clearTimeout(retryTimer);
      clearTimeout(typingTimer);
      win.removeEventListener('focus', onFocus);
      win.document.removeEventListener('visibilitychange', onVisibility);
      win.removeEventListener('popstate', onNavigate);
      win.removeEventListener('hashchange', onNavigate);
      clearInterval(pagePoll);
      socket.disconnect();
    },
  };
}
