import { nanoid } from 'nanoid';
import type { AuthorKind, ConversationChannel, ConversationStatus, MessagePage } from '../../protocol/types';
import { LIMITS } from '../../protocol/events';
import { AppError } from '../errors';
import { ownsConversation } from './identity';
import { personOf } from './visitors';
import type { AgentRow, AppendResult, ConversationRow, SiteRow, Store, VisitorRow } from '../store/types';
import { messageEvents, withWebhooks } from './webhooks/events';

/**
 * Status after a new message: a visitor reopens a resolved chat, an agent's reply takes it on,
 * an automatic answer changes nothing.
 */
export function statusAfterMessage(author: AuthorKind, c: Pick<ConversationRow, 'status' | 'firstResponseAt'>): ConversationStatus {
  if (author === 'agent') return 'open';
  if (author === 'system') return c.status;
  if (c.status === 'resolved') return c.firstResponseAt ? 'open' : 'pending';
  return c.status;
}

/** A conversation the visitor owns; any other id looks exactly like a missing one. */
export async function visitorConversation(store: Store, visitor: VisitorRow, conversationId: string): Promise<ConversationRow> {
  const c = await store.getConversation(conversationId);
  if (!c || !(await ownsConversation(store, visitor, c.visitorId))) throw new AppError('not_found', 'No such conversation.');
  return c;
}

/** A conversation any agent may work on. */
export async function agentConversation(store: Store, conversationId: string): Promise<ConversationRow> {
  const c = await store.getConversation(conversationId);
  if (!c) throw new AppError('not_found', 'No such conversation.');
  return c;
}

const CHAT_OFF = 'Chat is turned off for this site.';

/** With chat turned off a visitor leaves no message (it would start or reopen a conversation). */
export function refuseChatOff(site: SiteRow): void {
  if (!site.options.channels.chat) throw new AppError('forbidden', CHAT_OFF);
}

/**
 * With chat turned off a visitor's message may only go on with a conversation going on
 * (pending or open: someone is there); it starts none and reopens no resolved one.
 */
export async function refuseChatOffUnlessGoingOn(
  store: Store,
  site: SiteRow,
  visitor: VisitorRow,
  conversationId: string | null,
): Promise<void> {
  if (site.options.channels.chat) return;
  const c = conversationId ? await store.getConversation(conversationId) : await store.latestConversation(visitor.id);
  if (!c || c.status === 'resolved' || !(await ownsConversation(store, visitor, c.visitorId))) throw new AppError('forbidden', CHAT_OFF);
}

/** Stores a visitor's message (starting a conversation when needed) before anyone is told. */
export async function sendVisitorMessage(
  store: Store,
  visitor: VisitorRow,
  p: { id: string; conversationId: string | null; text: string },
  channel: ConversationChannel = 'chat',
): Promise<AppendResult> {
  const now = new Date().toISOString();
  const conversationId = p.conversationId ?? (await store.latestOrNewConversation(visitor.id, visitor.siteId, nanoid(), now, channel)).id;
  // A verified person's browsers write in each other's conversations; the store checks the owner.
  const owner =
    p.conversationId && personOf(visitor) ? (await visitorConversation(store, visitor, p.conversationId)).visitorId : visitor.id;
  const m = {
    id: p.id,
    conversationId,
    author: 'visitor' as const,
    agentId: null,
    authorName: visitor.name,
    text: p.text,
    now,
    visitorId: owner,
  };
  return withWebhooks(store, messageEvents, (events) => store.appendMessage(m, events));
}

/** Stores an agent's reply, or an internal note (`note`), which no webhook ever carries. */
export async function sendAgentMessage(
  store: Store,
  agent: AgentRow,
  p: { id: string; conversationId: string; text: string; note?: boolean },
): Promise<AppendResult> {
  const m = {
    id: p.id,
    conversationId: p.conversationId,
    author: 'agent' as const,
    agentId: agent.id,
    authorName: agent.name,
    text: p.text,
    now: new Date().toISOString(),
    ...(p.note ? { note: true } : {}),
  };
  return withWebhooks(store, messageEvents, (events) => store.appendMessage(m, events));
}

/** Messages after `after`, in order, one page at a time; notes only for agents (`withNotes`). */
export async function messagesAfter(store: Store, c: ConversationRow, after: number, withNotes = false): Promise<MessagePage> {
  const messages = await store.listMessages(c.id, after, LIMITS.pageSize, withNotes);
  return { conversationId: c.id, messages, lastSeq: c.lastSeq };
}
