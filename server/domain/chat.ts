import { nanoid } from 'nanoid';
import type { AuthorKind, ConversationStatus, Message, MessagePage } from '../../protocol/types';
import { AppError } from '../errors';
import type { AgentRow, AppendResult, ConversationRow, Store, VisitorRow } from '../store/types';

export const PAGE_SIZE = 200;

/** Status after a new message: a visitor reopens a resolved chat, an agent's reply takes it on. */
export function statusAfterMessage(author: AuthorKind, c: ConversationRow): ConversationStatus {
  if (author === 'agent') return 'open';
  if (c.status === 'resolved') return c.firstResponseAt ? 'open' : 'pending';
  return c.status;
}

/** A conversation the visitor owns; any other id looks exactly like a missing one. */
export async function visitorConversation(store: Store, visitor: VisitorRow, conversationId: string): Promise<ConversationRow> {
  const c = await store.getConversation(conversationId);
  if (!c || c.visitorId !== visitor.id) throw new AppError('not_found', 'No such conversation.');
  return c;
}

/** A conversation any agent may work on. */
export async function agentConversation(store: Store, conversationId: string): Promise<ConversationRow> {
  const c = await store.getConversation(conversationId);
  if (!c) throw new AppError('not_found', 'No such conversation.');
  return c;
}

/** A retried id is answered with the stored message, but only to its own author. */
async function knownMessage(store: Store, id: string, owns: (m: Message) => Promise<boolean>): Promise<Message | null> {
  const known = await store.getMessage(id);
  if (!known) return null;
  if (!(await owns(known))) throw new AppError('duplicate_id', 'That message id is already taken; send with a new id.');
  return known;
}

/** Stores a visitor's message (starting a conversation when needed) before anyone is told. */
export async function sendVisitorMessage(
  store: Store,
  visitor: VisitorRow,
  p: { id: string; conversationId: string | null; text: string },
): Promise<AppendResult> {
  const known = await knownMessage(store, p.id, async (m) => {
    const c = await store.getConversation(m.conversationId);
    return m.author === 'visitor' && c?.visitorId === visitor.id;
  });
  const now = new Date().toISOString();
  const conversation = known
    ? await visitorConversation(store, visitor, known.conversationId)
    : p.conversationId
      ? await visitorConversation(store, visitor, p.conversationId)
      : await store.latestOrNewConversation(visitor.id, visitor.siteId, nanoid(), now);
  if (known) return { message: known, created: false, conversation };
  return store.appendMessage(
    { id: p.id, conversationId: conversation.id, author: 'visitor', agentId: null, authorName: visitor.name, text: p.text, now },
    (c) => statusAfterMessage('visitor', c),
  );
}

/** Stores an agent's reply. */
export async function sendAgentMessage(
  store: Store,
  agent: AgentRow,
  p: { id: string; conversationId: string; text: string },
): Promise<AppendResult> {
  const known = await knownMessage(store, p.id, async (m) => m.author === 'agent' && m.conversationId === p.conversationId);
  const conversation = await agentConversation(store, p.conversationId);
  if (known) return { message: known, created: false, conversation };
  return store.appendMessage(
    { id: p.id, conversationId: conversation.id, author: 'agent', agentId: agent.id, authorName: agent.name, text: p.text, now: new Date().toISOString() },
    (c) => statusAfterMessage('agent', c),
  );
}

/** Messages after `after`, in order, one page at a time. */
export async function messagesAfter(store: Store, c: ConversationRow, after: number): Promise<MessagePage> {
  const messages = await store.listMessages(c.id, after, PAGE_SIZE);
  return { conversationId: c.id, messages, lastSeq: c.lastSeq };
}
