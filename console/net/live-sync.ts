import type { ConversationSummary, Message, TypingEvent, VisitorProfile } from '../../protocol/types';
import type { SurveyEvent } from '../state/types';
import { lastHeldSeq } from '../state/selectors';
import { typerKey } from '../state/reducer';
import type { ConsoleStore } from '../state/store';
import type { AgentSocket } from './agent-socket';
import type { Commands } from './commands';
import { listen } from './listen';
import type { PageSignals } from './page';

export interface LiveSyncOptions {
  page: PageSignals;
  /** The server refused the session: show sign-in with its message. */
  onUnauthorized(message: string): void;
  /** How long a typing hint lasts without a repeat (the sender repeats every 2 s). */
  typingTtlMs?: number;
  /** Delay before reconnecting after the server refused a connection for another reason. */
  retryMs?: number;
}

/**
 * Keeps the store in step with the server: pushes in, and a full catch-up on every
 * (re)connect, focus and visibility change, because the database, not the socket, is the truth.
 */
export function bindLiveSync(socket: AgentSocket, store: ConsoleStore, commands: Commands, opts: LiveSyncOptions): () => void {
  const { dispatch } = store;
  const typingTtl = opts.typingTtlMs ?? 6000;
  const typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  let retry: ReturnType<typeof setTimeout> | undefined;

  const catchUp = (full: boolean) => {
    void commands.refreshInbox();
    const open = store.get().open;
    if (!open) return;
    // After a disconnect the visitor's profile and history may have changed too.
    if (full || open.error) void commands.open(open.id);
    else if (!open.loading) void commands.fetchMissing();
  };

  const gapCheck = () => {
    const open = store.get().open;
    if (open && !open.loading && open.through < lastHeldSeq(open.messages)) void commands.fetchMissing();
  };

  const onConnect = () => {
    clearTimeout(retry);
    dispatch({ type: 'connection', status: 'online' });
    catchUp(true);
  };
  const onDisconnect = (reason: string) => {
    dispatch({ type: 'connection', status: 'offline' });
    // socket.io does not come back by itself after a server-side kick; asking again lets
    // the server say why (e.g. `unauthorized` after a sign-out elsewhere).
    if (reason === 'io server disconnect') retry = setTimeout(() => socket.connect(), opts.retryMs ?? 5000);
  };
  const onConnectError = (err: Error & { data?: { code?: string; message?: string } }) => {
    if (err.data?.code === 'unauthorized') return opts.onUnauthorized(err.data.message ?? 'Please sign in again.');
    dispatch({ type: 'connection', status: 'offline' });
    // A refusal by the server's middleware is not retried by socket.io itself.
    if (!socket.active) retry = setTimeout(() => socket.connect(), opts.retryMs ?? 5000);
  };
  const onMessage = (m: Message, row?: ConversationSummary) => {
    dispatch({ type: 'messages', messages: [m] });
    gapCheck();
    if (row) onRow(row);
  };
  function onRow(row: ConversationSummary) {
    dispatch({ type: 'inbox/updated', row });
    // A row ahead of what we hold means a push was missed.
    const open = store.get().open;
    if (open && open.id === row.id && !open.loading && row.lastSeq > open.through) void commands.fetchMissing();
  }
  const onVisitor = (visitor: VisitorProfile) => dispatch({ type: 'visitor/updated', visitor });
  const onMessageUpdated = (message: Message) => dispatch({ type: 'message/updated', message });
  const onSurvey = (survey: SurveyEvent) => dispatch({ type: 'survey/received', survey });
  const onTyping = (event: TypingEvent) => {
    dispatch({ type: 'typing', event });
    const key = `${event.conversationId}|${typerKey(event)}`;
    clearTimeout(typingTimers.get(key));
    typingTimers.delete(key);
    if (!event.typing) return;
    // A lost `false` must not leave "is typing…" on screen for ever.
    typingTimers.set(
      key,
      setTimeout(() => {
        typingTimers.delete(key);
        dispatch({ type: 'typing/expired', conversationId: event.conversationId, key: typerKey(event) });
      }, typingTtl),
    );
  };

  const unlisten = listen(socket, {
    connect: onConnect,
    disconnect: onDisconnect,
    connect_error: onConnectError,
    'message:new': onMessage,
    'conversation:updated': onRow,
    'visitor:updated': onVisitor,
    'message:updated': onMessageUpdated,
    'survey:received': onSurvey,
    'note:mention': (mention) => dispatch({ type: 'mention/received', mention }),
    typing: onTyping,
  });
  const offWake = opts.page.onWake(() => {
    if (socket.connected) catchUp(false);
  });

  return () => {
    offWake();
    clearTimeout(retry);
    for (const t of typingTimers.values()) clearTimeout(t);
    unlisten();
  };
}
