import type { ConversationStatus, ErrorCode, Message, SitePublic, SiteStatus, VisitorConversation } from '../../protocol/types';

/** `connecting`: before the first hello; `online`: hello answered; `offline`: lost, retrying; `error`: refused. */
export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'error';

/** `queued`: waiting its turn or a connection; `sending`: awaiting the ack; `failed`: refused for good. */
export type OutboxState = 'queued' | 'sending' | 'failed';

/** Why a request failed: a server code, `timeout` for a lost ack, `offline` when nothing was sent for want of a connection. */
export type SendError = ErrorCode | 'timeout' | 'offline';

/** The panel's views, in `panel/views.ts`; a new view adds its id here. */
export type ViewId = 'chat' | 'callback' | 'feedback';

/** A visitor message the server has not confirmed yet. */
export interface OutboxEntry {
  id: string;
  text: string;
  createdAt: string;
  state: OutboxState;
  error: SendError | null;
}

export interface ChatState {
  connection: ConnectionStatus;
  /** Why the server refused the connection, as it said it. */
  error: string | null;
  site: SitePublic | null;
  /** `agentName`: who answers (the assignee's display name), once an agent has the chat. */
  conversation: { id: string; status: ConversationStatus; agentName?: string | null } | null;
  /** Held messages of the conversation, ordered by seq, each id once. */
  messages: Message[];
  /** Highest seq up to which every message is held; gaps above it are fetched. */
  lastSeq: number;
  /** Highest seq the visitor has read. */
  readSeq: number;
  outbox: OutboxEntry[];
  /** Set while an agent types. */
  agentTyping: { name: string | null } | null;
  /** True while the first page of history loads, so it is not read out message by message. */
  loadingHistory: boolean;
  open: boolean;
  /** Whether the tab is visible. */
  visible: boolean;
  /** The view the panel shows; only the chat view reads messages. */
  tab: ViewId;
  /** Who is there to answer, from the loader's request and `site:status` pushes; null while unknown. */
  status: SiteStatus | null;
  /** The visitor's email address, as the server knows it. */
  email: string | null;
  /** Set once the visitor left an address for the answer (leave a message, or after a long wait). */
  answerByEmail: string | null;
  /** The visitor left a message without an address (the server sends no email): the answer comes in this chat. */
  answerHere: boolean;
  /** A new chat waited longer than the site's `waitSeconds` for an agent. */
  waited: boolean;
}

export type Action =
  | { type: 'connection'; status: ConnectionStatus; error?: string }
  | { type: 'hello'; site: SitePublic; conversation: VisitorConversation | null; email?: string | null }
  | { type: 'status'; status: SiteStatus }
  /** An admin changed the site's settings. */
  | { type: 'site'; site: SitePublic }
  /** A stored message changed (an automatic answer was rated). */
  | { type: 'message/updated'; message: Message }
  /** The visitor gave an address; `answer`: they asked to be answered there. */
  | { type: 'email'; email: string; answer?: boolean }
  | { type: 'waited' }
  /** A message was left with no address: it is answered here. */
  | { type: 'left' }
  /** The saved token was refused: this is a new visitor who sees nothing of the old one. */
  | { type: 'reset' }
  /** `through`: a full answer to `message:list` said every message up to this seq is here (notes for agents leave gaps). */
  | { type: 'messages'; messages: Message[]; through?: { conversationId: string; seq: number } }
  | { type: 'history'; loading: boolean }
  | { type: 'conversation'; conversation: VisitorConversation }
  | { type: 'outbox/add'; id: string; text: string; createdAt: string }
  | { type: 'outbox/sending'; id: string }
  /** A transient failure: back in the queue, to be retried later. */
  | { type: 'outbox/queued'; id: string }
  | { type: 'outbox/failed'; id: string; error: SendError }
  | { type: 'outbox/retry'; id: string }
  | { type: 'typing'; typing: boolean; name: string | null }
  | { type: 'view'; open?: boolean; visible?: boolean }
  | { type: 'tab'; tab: ViewId }
  | { type: 'read'; seq: number };
