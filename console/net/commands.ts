import { nanoid } from 'nanoid';
import type { ConversationStatus, ConversationSummary } from '../../protocol/types';
import type { ConsoleStore } from '../state/store';
import { request, type AgentSocket, type Result } from './agent-socket';

/** Requests the console makes; each updates the store with the answer. */
export interface Commands {
  /** Loads the first page of the inbox (again). */
  refreshInbox(): Promise<void>;
  /** Loads the inbox's next older page. */
  loadOlderInbox(): Promise<void>;
  /** Loads a conversation (again) in full: messages, visitor, history. */
  open(conversationId: string): Promise<void>;
  /** Fetches whatever the open conversation misses after its last contiguous seq. */
  fetchMissing(): Promise<void>;
  /** Queues a reply in the outbox, which sends it once connected. */
  /** `note`: an internal note, for agents only. */
  send(conversationId: string, text: string, note?: boolean): void;
  /** Queues a reply the server refused again, under the same id. */
  retry(messageId: string): void;
  setStatus(conversationId: string, status: ConversationStatus): Promise<Result<ConversationSummary>>;
  /** Gives the chat to `agentId` (null: Unassigned) if it is still `from`'s (null: nobody's), with a note for the new agent. */
  assign(conversationId: string, agentId: string | null, from: string | null, note?: string): Promise<Result<ConversationSummary>>;
  /** Resolves whether the server took it. */
  markRead(conversationId: string, seq: number): Promise<boolean>;
  setTyping(conversationId: string, typing: boolean): void;
}

const MAX_PAGES = 50;
/** Conversations per inbox page. */
export const INBOX_PAGE = 200;

/** Commands over the agent socket. */
export function createCommands(socket: AgentSocket, store: ConsoleStore, newId: () => string = nanoid): Commands {
  const { dispatch } = store;
  let fetching: Promise<void> | null = null;
  let again = false;

  async function fetchLoop(): Promise<void> {
    for (let page = 0; page < MAX_PAGES; page++) {
      const open = store.get().open;
      if (!open || open.loading) return;
      const r = await request(socket, 'message:list', { conversationId: open.id, after: open.through });
      if (!r.ok) return;
      dispatch({ type: 'messages', messages: r.data.messages });
      const now = store.get().open;
      if (!now || now.id !== open.id || now.through >= r.data.lastSeq || now.through === open.through) return;
    }
  }

  return {
    async refreshInbox() {
      const r = await request(socket, 'conversation:list', { status: 'all', limit: INBOX_PAGE });
      if (r.ok) dispatch({ type: 'inbox/loaded', rows: r.data, complete: r.data.length < INBOX_PAGE });
    },
    async loadOlderInbox() {
      // The cursor the state kept, not the oldest row held (see `inboxOlder`).
      const before = store.get().inboxOlder;
      if (!before) return;
      const r = await request(socket, 'conversation:list', { status: 'all', limit: INBOX_PAGE, before });
      if (r.ok) dispatch({ type: 'inbox/older', before, rows: r.data, complete: r.data.length < INBOX_PAGE });
    },
    async open(conversationId) {
      dispatch({ type: 'open/requested', id: conversationId });
      const r = await request(socket, 'conversation:get', { conversationId });
      if (r.ok) dispatch({ type: 'open/loaded', ...r.data });
      else dispatch({ type: 'open/failed', id: conversationId, error: r.message });
    },
    fetchMissing() {
      // One catch-up at a time; a call during it (a new gap) runs one more round after it.
      if (fetching) {
        again = true;
        return fetching;
      }
      const run = async (): Promise<void> => {
        do {
          again = false;
          await fetchLoop();
        } while (again);
      };
      fetching = run().finally(() => {
        fetching = null;
      });
      return fetching;
    },
    send(conversationId, text, note) {
      // Into the outbox (see `agent-outbox.ts`), which sends it under this id until the server answers.
      dispatch({ type: 'send/started', id: newId(), conversationId, text, ...(note ? { note } : {}), createdAt: new Date().toISOString() });
    },
    retry(messageId) {
      dispatch({ type: 'send/retried', id: messageId });
    },
    async setStatus(conversationId, status) {
      const r = await request(socket, 'conversation:setStatus', { conversationId, status });
      if (r.ok) dispatch({ type: 'inbox/updated', row: r.data });
      return r;
    },
    async assign(conversationId, agentId, from, note) {
      const r = await request(socket, 'conversation:assign', { conversationId, agentId, from, ...(note ? { note } : {}) });
      if (r.ok) dispatch({ type: 'inbox/updated', row: r.data });
      return r;
    },
    async markRead(conversationId, seq) {
      dispatch({ type: 'read/sent', conversationId, seq });
      return (await request(socket, 'conversation:read', { conversationId, seq })).ok;
    },
    setTyping(conversationId, typing) {
      // Typing is a hint; a lost one is healed by the next keystroke.
      void request(socket, 'typing:set', { conversationId, typing }, 5000);
    },
  };
}
