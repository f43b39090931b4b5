import type { ConversationSummary, InboxCursor, Message, SiteSettings, TypingEvent } from '../../protocol/types';
import { callbackReducer, initialCallbacks } from './callback-reducer';
import type { CallbackAction } from './callback-types';
import { feedbackReducer, initialFeedback } from './feedback-reducer';
import type { FeedbackAction } from './feedback-types';
import { isSendAction, pendingReducer, withoutStored } from './pending-reducer';
import type { Action, ConsoleState, OpenConversation } from './types';

/** The state before anything is known. */
export function initialState(): ConsoleState {
  return {
    auth: 'checking',
    agent: null,
    notice: null,
    connection: 'connecting',
    filter: 'active',
    assignView: 'all',
    inbox: {},
    inboxLoaded: false,
    inboxComplete: false,
    inboxOlder: null,
    open: null,
    pending: {},
    typing: {},
    feedback: initialFeedback(),
    callbacks: initialCallbacks(),
    presence: null,
    sites: null,
    siteHours: [],
    publicUrl: null,
    siteFilter: null,
    surveyAlerts: [],
    mentionAlerts: [],
  };
}

/** Adds messages to a seq-ordered list, each id and each seq once. */
export function mergeMessages(held: Message[], incoming: Message[]): Message[] {
  const ids = new Set(held.map((m) => m.id));
  const seqs = new Set(held.map((m) => m.seq));
  const fresh = incoming.filter((m) => {
    if (ids.has(m.id) || seqs.has(m.seq)) return false;
    ids.add(m.id);
    seqs.add(m.seq);
    return true;
  });
  if (fresh.length === 0) return held;
  return [...held, ...fresh].sort((a, b) => a.seq - b.seq);
}

/** Highest seq up to which the list has no hole, counting from its first message. */
export function contiguousThrough(messages: Message[]): number {
  const first = messages[0];
  if (!first) return 0;
  // History normally starts at seq 1; if it does not, count from where it starts.
  let through = first.seq === 1 ? 1 : first.seq;
  for (const m of messages.slice(1)) {
    if (m.seq !== through + 1) break;
    through = m.seq;
  }
  return through;
}

/** Typer key of a typing event: one visitor per conversation, agents by id (two may share a name). */
export function typerKey(e: Pick<TypingEvent, 'from' | 'name' | 'agentId'>): string {
  return e.from === 'visitor' ? 'visitor' : `agent:${e.agentId ?? e.name ?? ''}`;
}

function withMessages(open: OpenConversation, incoming: Message[]): OpenConversation {
  const messages = mergeMessages(
    open.messages,
    incoming.filter((m) => m.conversationId === open.id),
  );
  return messages === open.messages ? open : { ...open, messages, through: contiguousThrough(messages) };
}

function withRow(state: ConsoleState, row: ConversationSummary): ConsoleState {
  const current = state.inbox[row.id];
  // Rows can arrive out of order (a list answer racing a push); never step back in time.
  if (current && (current.lastSeq > row.lastSeq || current.updatedAt > row.updatedAt)) return state;
  const open =
    state.open && state.open.history.some((h) => h.id === row.id)
      ? { ...state.open, history: state.open.history.map((h) => (h.id === row.id ? row : h)) }
      : state.open;
  return { ...state, inbox: { ...state.inbox, [row.id]: row }, open };
}

function withoutTyper(typing: ConsoleState['typing'], conversationId: string, key: string): ConsoleState['typing'] {
  const here = typing[conversationId];
  if (!here || !(key in here)) return typing;
  const { [key]: _gone, ...rest } = here;
  return { ...typing, [conversationId]: rest };
}

function onMessages(state: ConsoleState, messages: Message[]): ConsoleState {
  const pending = withoutStored(
    state.pending,
    messages.map((m) => m.id),
  );
  let typing = state.typing;
  for (const m of messages) {
    // A message ends its author's typing at once, not seconds later. A message names its agent
    // only by name: every agent of that name stops (the other, if typing on, says so again soon).
    if (m.author === 'visitor') typing = withoutTyper(typing, m.conversationId, 'visitor');
    if (m.author === 'agent') {
      for (const [key, name] of Object.entries(typing[m.conversationId] ?? {})) {
        if (key.startsWith('agent:') && name === m.authorName) typing = withoutTyper(typing, m.conversationId, key);
      }
    }
  }
  const open = state.open ? withMessages(state.open, messages) : null;
  return { ...state, pending, typing, open };
}

function isFeedbackAction(action: Action): action is FeedbackAction {
  return action.type.startsWith('feedback/');
}

function isCallbackAction(action: Action): action is CallbackAction {
  return action.type.startsWith('callbacks/');
}

function withSite(sites: ConsoleState['sites'], site: SiteSettings): SiteSettings[] {
  const list = sites ?? [];
  return list.some((s) => s.id === site.id) ? list.map((s) => (s.id === site.id ? site : s)) : [...list, site];
}

/** The console's whole state change, pure. */
export function reducer(state: ConsoleState, action: Action): ConsoleState {
  if (isSendAction(action)) {
    const pending = pendingReducer(state.pending, action);
    return pending === state.pending ? state : { ...state, pending };
  }
  // A reply the outbox sent is a reply of the thread now.
  if (action.type === 'feedback/replied') state = { ...state, pending: withoutStored(state.pending, [action.reply.id]) };
  if (isFeedbackAction(action)) {
    const feedback = feedbackReducer(state.feedback, action);
    return feedback === state.feedback ? state : { ...state, feedback };
  }
  if (isCallbackAction(action)) {
    const callbacks = callbackReducer(state.callbacks, action);
    return callbacks === state.callbacks ? state : { ...state, callbacks };
  }
  switch (action.type) {
    case 'auth/checked':
      return action.agent ? { ...state, auth: 'signed-in', agent: action.agent } : { ...state, auth: 'signed-out', agent: null };
    case 'auth/signed-in':
      return {
        ...initialState(),
        auth: 'signed-in',
        agent: action.agent,
        filter: state.filter,
        assignView: state.assignView,
        siteFilter: state.siteFilter,
        feedback: { ...initialFeedback(), view: state.feedback.view },
        callbacks: { ...initialCallbacks(), view: state.callbacks.view },
      };
    case 'auth/signed-out':
      // Nothing of the previous session may stay on screen.
      return { ...initialState(), auth: 'signed-out', notice: action.notice ?? null };
    case 'auth/agent-updated':
      return { ...state, agent: action.agent };
    case 'connection':
      return state.connection === action.status ? state : { ...state, connection: action.status };
    case 'filter':
      return { ...state, filter: action.filter };
    case 'assign-view':
      return { ...state, assignView: action.view };
    case 'inbox/loaded': {
      const inbox: ConsoleState['inbox'] = {};
      for (const row of action.rows) inbox[row.id] = row;
      const end = action.rows.at(-1);
      for (const row of Object.values(state.inbox)) {
        const listed = inbox[row.id];
        // A row pushed while the list was on its way can be newer than the list's copy.
        if (listed && listed.lastSeq < row.lastSeq) inbox[row.id] = row;
        // Older pages loaded before stay: a refresh (every wake) must not take them away.
        if (!listed && !action.complete && end && isOlder(row, end)) inbox[row.id] = row;
      }
      // What was loaded below the first page is still there, and so is its end.
      const complete = action.complete || (state.inboxComplete && Object.keys(inbox).length > action.rows.length);
      // Otherwise paging starts again below this page: pages loaded before come again, no gap.
      return { ...state, inbox, inboxLoaded: true, inboxComplete: complete, inboxOlder: complete ? null : cursorAfter(action.rows) };
    }
    case 'inbox/older': {
      // Rows held already (pushed or listed since) are at least as fresh as an older page's.
      const inbox = { ...state.inbox };
      for (const row of action.rows) inbox[row.id] ??= row;
      // Only the page that continues from the current cursor moves it: a first page answered
      // meanwhile (a reconnect) started the run again, and jumping past it could leave a gap.
      const older = state.inboxOlder;
      if (!older || older.updatedAt !== action.before.updatedAt || older.id !== action.before.id) return { ...state, inbox };
      return { ...state, inbox, inboxComplete: action.complete, inboxOlder: action.complete ? null : cursorAfter(action.rows) };
    }
    case 'inbox/updated':
      return withRow(state, action.row);
    case 'open/requested':
      if (state.open?.id === action.id) return { ...state, open: { ...state.open, loading: true, error: null } };
      return { ...state, open: { id: action.id, loading: true, error: null, messages: [], through: 0, visitor: null, history: [] } };
    case 'open/loaded': {
      if (state.open?.id !== action.conversation.id) return state;
      const open = withMessages(
        { ...state.open, loading: false, error: null, visitor: action.visitor, history: action.history },
        action.messages,
      );
      // A reply whose ack was lost (a dropped connection marks it failed) may be stored after all.
      return withRow(
        {
          ...state,
          open,
          pending: withoutStored(
            state.pending,
            action.messages.map((m) => m.id),
          ),
        },
        action.conversation,
      );
    }
    case 'open/failed':
      if (state.open?.id !== action.id) return state;
      return { ...state, open: { ...state.open, loading: false, error: action.error } };
    case 'open/closed':
      return { ...state, open: null };
    case 'messages':
      return onMessages(state, action.messages);
    case 'visitor/updated':
      if (state.open?.visitor?.id !== action.visitor.id) return state;
      return { ...state, open: { ...state.open, visitor: action.visitor } };
    case 'read/sent': {
      const row = state.inbox[action.conversationId];
      // Only a read up to the row's last message clears its count; the server confirms either way.
      if (!row || row.unread === 0 || action.seq < row.lastSeq) return state;
      return { ...state, inbox: { ...state.inbox, [row.id]: { ...row, unread: 0 } } };
    }
    case 'typing': {
      const { conversationId, typing, name } = action.event;
      const key = typerKey(action.event);
      if (!typing) return { ...state, typing: withoutTyper(state.typing, conversationId, key) };
      if (state.typing[conversationId]?.[key] === name) return state;
      return { ...state, typing: { ...state.typing, [conversationId]: { ...state.typing[conversationId], [key]: name } } };
    }
    case 'typing/expired':
      return { ...state, typing: withoutTyper(state.typing, action.conversationId, action.key) };
    case 'message/updated': {
      const { open } = state;
      if (!open?.messages.some((m) => m.id === action.message.id)) return state;
      return { ...state, open: { ...open, messages: open.messages.map((m) => (m.id === action.message.id ? action.message : m)) } };
    }
    case 'presence': {
      // A new display name given in another tab reaches this one's top bar with the presence list.
      const self = state.agent && action.agents.find((a) => a.id === state.agent!.id);
      const agent = self && self.name !== state.agent!.name ? { ...state.agent!, name: self.name } : state.agent;
      return { ...state, presence: action.agents, agent };
    }
    case 'sites/listed':
      return { ...state, sites: action.sites };
    case 'sites/updated':
      return { ...state, sites: withSite(state.sites, action.site) };
    case 'sites/deleted':
      return {
        ...state,
        sites: state.sites && state.sites.filter((s) => s.id !== action.siteId),
        siteHours: state.siteHours.filter((h) => h.siteId !== action.siteId),
        siteFilter: state.siteFilter === action.siteId ? null : state.siteFilter,
        // Its conversations are gone with it.
        inbox: Object.fromEntries(Object.entries(state.inbox).filter(([, r]) => r.siteId !== action.siteId)),
      };
    case 'sites/hours':
      return { ...state, siteHours: action.states };
    case 'sites/public-url':
      return { ...state, publicUrl: action.url };
    case 'site-filter':
      return { ...state, siteFilter: action.siteId };
    case 'survey/received': {
      // A repeated push must not alert twice; a new rating of the same chat replaces the old.
      const rest = state.surveyAlerts.filter((a) => a.conversationId !== action.survey.conversationId);
      if (!action.survey.unhappy) return rest.length === state.surveyAlerts.length ? state : { ...state, surveyAlerts: rest };
      return { ...state, surveyAlerts: [action.survey, ...rest] };
    }
    case 'survey/alert-dismissed':
      return { ...state, surveyAlerts: state.surveyAlerts.filter((a) => a.conversationId !== action.conversationId) };
    case 'mention/received':
      if (state.mentionAlerts.some((m) => m.messageId === action.mention.messageId)) return state;
      return { ...state, mentionAlerts: [action.mention, ...state.mentionAlerts] };
    case 'mention/dismissed':
      return { ...state, mentionAlerts: state.mentionAlerts.filter((m) => m.messageId !== action.messageId) };
  }
}

/** Where the page after `page` starts: its last row (the server sends list order). */
function cursorAfter(page: ConversationSummary[]): InboxCursor | null {
  const last = page.at(-1);
  return last ? { updatedAt: last.updatedAt, id: last.id } : null;
}

/** Whether `row` comes after `than` in the inbox's order (newest activity first, then id). */
export function isOlder(row: ConversationSummary, than: ConversationSummary): boolean {
  return row.updatedAt < than.updatedAt || (row.updatedAt === than.updatedAt && row.id < than.id);
}
