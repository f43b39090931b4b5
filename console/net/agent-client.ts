import type { ConversationStatus, ConversationSummary } from '../../protocol/types';
import type { ConsoleStore } from '../state/store';
import type { ListStorage } from '../../client/outbox/saved';
import { agentOutboxStorage, bindAgentOutbox, type SavedReply } from './agent-outbox';
import type { AgentSocket, Result } from './agent-socket';
import { createCallbackCommands, type CallbackCommands } from './callback-commands';
import { bindCallbackDue } from './callback-due';
import { bindCallbackSync } from './callback-sync';
import { createCommands, type Commands } from './commands';
import { createCannedCommands, type CannedCommands } from './canned-commands';
import { createTagCommands, type TagCommands } from './tag-commands';
import { createContactCommands, type ContactCommands } from './contact-commands';
import { createFeedbackCommands, type FeedbackCommands } from './feedback-commands';
import { bindFeedbackSync } from './feedback-sync';
import { createHeldMailCommands, type HeldMailCommands } from './held-mail';
import { bindLiveSync } from './live-sync';
import type { PageSignals } from './page';
import { createPresence, type PresenceCommands } from './presence';
import { bindReadMarker } from './read-marker';
import { createSiteSettings, type SiteCommands } from './site-settings';
import { createTypingSignal, type TypingSignal } from '../../client/typing';

/** Everything the signed-in console asks of the server. */
export interface AgentClient {
  open(conversationId: string): void;
  /** Loads the inbox's next page of older conversations. */
  loadOlder(): Promise<void>;
  /** `note`: an internal note, for agents only. */
  send(conversationId: string, text: string, note?: boolean): void;
  /** Sends a reply (chat or feedback) the server refused once more, under the same id. */
  retry(messageId: string): void;
  setStatus(conversationId: string, status: ConversationStatus): Promise<Result<ConversationSummary>>;
  assign: Commands['assign'];
  /** A keystroke in the reply box of a conversation. */
  typing(conversationId: string): void;
  /** The reply was sent or left: stop the typing hint. */
  stopTyping(): void;
  /** The feedback section's requests. */
  feedback: FeedbackCommands;
  /** The callback queue's requests. */
  callbacks: CallbackCommands;
  /** The Contacts section's requests. */
  contacts: ContactCommands;
  /** Canned replies (the reply box and Settings). */
  canned: CannedCommands;
  /** Tags of conversations, callback requests and feedback. */
  tags: TagCommands;
  /** Own availability. */
  presence: Pick<PresenceCommands, 'setAway'>;
  /** Site settings (changes are for admins). */
  sites: Pick<SiteCommands, 'update' | 'create' | 'contents' | 'remove' | 'identity' | 'rotateIdentity' | 'requireVerification'>;
  /** Emailed replies held for review (admins). */
  heldMail: HeldMailCommands;
  /** Disconnects and detaches every listener. */
  close(): void;
}

export interface AgentClientOptions {
  page: PageSignals;
  onUnauthorized(message: string): void;
  /** Where the outbox of the signed-in agent is saved; this browser's localStorage, under a key of the agent and the relay. */
  outboxStorage?: ListStorage<SavedReply>;
}

/** Wires a socket to the store: commands, live pushes, read marks, typing, feedback, callbacks, presence, sites. Connects it. */
export function createAgentClient(socket: AgentSocket, store: ConsoleStore, opts: AgentClientOptions): AgentClient {
  const commands = createCommands(socket, store);
  const callbacks = createCallbackCommands(socket, store);
  const storage = opts.outboxStorage ?? agentOutboxStorage(globalThis.location?.origin ?? '', store.get().agent?.id ?? '');
  const unbindOutbox = bindAgentOutbox(socket, store, storage, callbacks.stored);
  const unbindLive = bindLiveSync(socket, store, commands, opts);
  const unbindRead = bindReadMarker(store, commands.markRead, opts.page);
  const feedback = createFeedbackCommands(socket, store);
  const unbindFeedback = bindFeedbackSync(socket, store, feedback, { page: opts.page });
  const unbindCallbacks = bindCallbackSync(socket, store, callbacks, opts.page);
  const unbindDue = bindCallbackDue(store);
  const presence = createPresence(socket, store);
  const sites = createSiteSettings(socket, store);
  let typing: { conversationId: string; signal: TypingSignal } | null = null;

  const stopTyping = () => {
    typing?.signal.stop();
    typing = null;
  };
  socket.connect();

  return {
    open(conversationId) {
      if (typing && typing.conversationId !== conversationId) stopTyping();
      void commands.open(conversationId);
    },
    send(conversationId, text, note) {
      stopTyping();
      commands.send(conversationId, text, note);
    },
    loadOlder: commands.loadOlderInbox,
    retry: commands.retry,
    setStatus: commands.setStatus,
    assign: commands.assign,
    typing(conversationId) {
      if (typing?.conversationId !== conversationId) {
        stopTyping();
        typing = { conversationId, signal: createTypingSignal((t) => commands.setTyping(conversationId, t)) };
      }
      typing.signal.input();
    },
    stopTyping,
    feedback,
    callbacks,
    contacts: createContactCommands(socket),
    canned: createCannedCommands(socket),
    tags: createTagCommands(socket),
    presence,
    sites,
    heldMail: createHeldMailCommands(socket),
    close() {
      stopTyping();
      sites.close();
      presence.close();
      unbindDue();
      unbindCallbacks();
      unbindFeedback();
      unbindRead();
      unbindLive();
      unbindOutbox();
      socket.disconnect();
    },
  };
}
