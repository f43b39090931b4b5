import type { Message } from '../../protocol/types';
import type { Action, ChatState, OutboxEntry, OutboxState } from './types';

/** The state of a fresh widget, with the outbox a previous page left behind. */
export function initialState(outbox: OutboxEntry[] = [], visible = true): ChatState {
  return {
    connection: 'connecting',
    error: null,
    site: null,
    conversation: null,
    messages: [],
    lastSeq: 0,
    readSeq: 0,
    outbox,
    agentTyping: null,
    loadingHistory: false,
    open: false,
    visible,
    tab: 'chat',
    status: null,
    email: null,
    answerByEmail: null,
    answerHere: false,
    waited: false,
  };
}

/** Inserts messages by seq, skipping ids already held. */
function merge(held: Message[], incoming: Message[]): Message[] {
  const ids = new Set(held.map((m) => m.id));
  const fresh = incoming.filter((m) => !ids.has(m.id) && (ids.add(m.id), true));
  if (fresh.length === 0) return held;
  return [...held, ...fresh].sort((a, b) => a.seq - b.seq);
}

/** Highest seq with no gap below it. */
function contiguous(messages: Message[], from: number): number {
  let last = from;
  for (const m of messages) if (m.seq === last + 1) last = m.seq;
  return last;
}

function receive(s: ChatState, incoming: Message[], through?: { conversationId: string; seq: number }): ChatState {
  if (incoming.length === 0) {
    const skip = through && s.conversation?.id === through.conversationId && through.seq > s.lastSeq;
    return skip ? { ...s, lastSeq: through.seq } : s;
  }
  let state = s;
  const convId = incoming[0]!.conversationId;
  if (!state.conversation) state = { ...state, conversation: { id: convId, status: 'pending' } };
  else if (state.conversation.id !== convId) {
    // The server started another conversation: the old one's messages no longer apply.
    state = { ...state, conversation: { id: convId, status: 'pending' }, messages: [], lastSeq: 0, readSeq: 0, waited: false };
  }
  const mine = incoming.filter((m) => m.conversationId === convId);
  const messages = merge(state.messages, mine);
  const ids = new Set(mine.map((m) => m.id));
  const outbox = state.outbox.some((e) => ids.has(e.id)) ? state.outbox.filter((e) => !ids.has(e.id)) : state.outbox;
  const agentSpoke = mine.some((m) => m.author === 'agent');
  const held = through?.conversationId === convId ? through.seq : 0;
  if (messages === state.messages && outbox === state.outbox && held <= state.lastSeq) return state;
  return {
    ...state,
    messages,
    outbox,
    lastSeq: Math.max(contiguous(messages, state.lastSeq), held),
    agentTyping: agentSpoke ? null : state.agentTyping,
    waited: state.waited && !agentSpoke,
  };
}

function setOutbox(s: ChatState, id: string, state: OutboxState, from: OutboxState[], error: OutboxEntry['error'] = null): ChatState {
  const entry = s.outbox.find((e) => e.id === id);
  if (!entry || !from.includes(entry.state)) return s;
  return { ...s, outbox: s.outbox.map((e) => (e === entry ? { ...e, state, error } : e)) };
}

/** The chat's one state transition function: pure, so it is tested without a DOM or a socket. */
export function reducer(s: ChatState, a: Action): ChatState {
  switch (a.type) {
    case 'connection':
      return { ...s, connection: a.status, error: a.error ?? null };
    case 'hello': {
      const c = a.conversation;
      const same = c && s.conversation?.id === c.id;
      const base = same ? s : { ...s, messages: [], lastSeq: 0, readSeq: 0, waited: false };
      return {
        ...base,
        site: a.site,
        email: a.email ?? s.email,
        conversation: c && { id: c.id, status: c.status, agentName: c.agentName },
        readSeq: c ? Math.max(base.readSeq, c.visitorReadSeq) : 0,
      };
    }
    case 'reset':
      return { ...initialState(s.outbox, s.visible), open: s.open, connection: s.connection, tab: s.tab, status: s.status };
    case 'messages':
      return receive(s, a.messages, a.through);
    case 'history':
      return { ...s, loadingHistory: a.loading };
    case 'conversation':
      if (s.conversation && s.conversation.id !== a.conversation.id) return s;
      return {
        ...s,
        // A status change without a name keeps the one known.
        conversation: {
          id: a.conversation.id,
          status: a.conversation.status,
          agentName: a.conversation.agentName === undefined ? s.conversation?.agentName : a.conversation.agentName,
        },
        waited: s.waited && a.conversation.status === 'pending',
        // Read in another tab of the visitor's: the unread count here goes down too.
        readSeq: Math.max(s.readSeq, a.conversation.visitorReadSeq),
      };
    case 'outbox/add':
      if (s.outbox.some((e) => e.id === a.id)) return s;
      return { ...s, outbox: [...s.outbox, { id: a.id, text: a.text, createdAt: a.createdAt, state: 'queued', error: null }] };
    case 'outbox/sending':
      return setOutbox(s, a.id, 'sending', ['queued']);
    case 'outbox/queued':
      return setOutbox(s, a.id, 'queued', ['sending']);
    case 'outbox/failed':
      return setOutbox(s, a.id, 'failed', ['sending', 'queued'], a.error);
    case 'outbox/retry':
      return setOutbox(s, a.id, 'queued', ['failed']);
    case 'typing':
      return { ...s, agentTyping: a.typing ? { name: a.name } : null };
    case 'view':
      return { ...s, open: a.open ?? s.open, visible: a.visible ?? s.visible };
    case 'tab':
      return a.tab === s.tab ? s : { ...s, tab: a.tab };
    case 'read':
      return a.seq > s.readSeq ? { ...s, readSeq: a.seq } : s;
    case 'status':
      return { ...s, status: a.status };
    case 'site':
      return { ...s, site: a.site };
    case 'message/updated': {
      const m = a.message;
      return s.messages.some((h) => h.id === m.id) ? { ...s, messages: s.messages.map((h) => (h.id === m.id ? m : h)) } : s;
    }
    case 'email':
      return { ...s, email: a.email, answerByEmail: a.answer ? a.email : s.answerByEmail };
    case 'left':
      return { ...s, answerHere: true };
    case 'waited':
      return s.waited ? s : { ...s, waited: true };
  }
}
