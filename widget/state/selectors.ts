import type { Message } from '../../protocol/types';
import type { ChatState, OutboxEntry, SendError, ViewId } from './types';

/** Agent messages the visitor has not read yet. */
export function unreadCount(s: ChatState): number {
  return s.messages.filter((m) => m.author === 'agent' && m.seq > s.readSeq).length;
}

/** The highest seq held, gap or not. */
export function newestSeq(s: ChatState): number {
  return s.messages.at(-1)?.seq ?? 0;
}

/** The view on screen: the one chosen, unless the site has switched its channel off since; then the chat. */
export function shownView(s: Pick<ChatState, 'tab' | 'site'>): ViewId {
  return s.tab !== 'chat' && s.site?.channels[s.tab] ? s.tab : 'chat';
}

/** The seq to report as read, when the visitor is looking at a conversation with news; else null. */
export function seqToMarkRead(s: ChatState): number | null {
  if (!s.open || !s.visible || shownView(s) !== 'chat' || !s.conversation || s.connection !== 'online') return null;
  const seq = newestSeq(s);
  return seq > s.readSeq ? seq : null;
}

/** The next message to send, oldest first; null while one is in flight, so order holds. */
export function nextToSend(s: ChatState): OutboxEntry | null {
  if (s.outbox.some((e) => e.state === 'sending')) return null;
  return s.outbox.find((e) => e.state === 'queued') ?? null;
}

/** One row of the message list, whether stored or still on its way. */
export interface TimelineItem {
  id: string;
  author: 'visitor' | 'agent' | 'system';
  authorName: string | null;
  text: string;
  createdAt: string;
  /** Delivery state of the visitor's own messages; null for others'. */
  delivery: 'sent' | 'sending' | 'failed' | null;
  error: SendError | null;
  /** Set on an automatic answer. */
  faq?: Message['faq'];
}

/** Stored messages by seq, then the outbox in the order it was written. */
export function timeline(s: ChatState): TimelineItem[] {
  const stored: TimelineItem[] = s.messages.map((m) => ({
    id: m.id,
    author: m.author,
    authorName: m.authorName,
    text: m.text,
    createdAt: m.createdAt,
    delivery: m.author === 'visitor' ? 'sent' : null,
    error: null,
    faq: m.faq,
  }));
  const pending: TimelineItem[] = s.outbox.map((e) => ({
    id: e.id,
    author: 'visitor',
    authorName: null,
    text: e.text,
    createdAt: e.createdAt,
    delivery: e.state === 'failed' ? 'failed' : 'sending',
    error: e.error,
  }));
  return [...stored, ...pending];
}

/**
 * What the chat view offers: `off` when the site switched chat off, `leave` ("Leave a
 * message") when nobody is available and the visitor has no conversation yet, else the chat.
 * A connection the relay refused (an origin the site does not allow, an unknown site) carries
 * no left message either: the chat says why.
 */
export function chatMode(s: ChatState): 'off' | 'leave' | 'chat' {
  if (s.connection === 'error') return 'chat';
  if (s.conversation || s.outbox.length > 0) return 'chat';
  if (s.site && !s.site.channels.chat) return 'off';
  return s.status?.available === false ? 'leave' : 'chat';
}

/** Whether a new chat is waiting for its first agent reply (and has not been told it waited too long). */
export function isWaiting(s: ChatState): boolean {
  if (!s.site || s.waited || s.answerByEmail || (s.conversation && s.conversation.status !== 'pending')) return false;
  if (s.messages.some((m) => m.author === 'agent')) return false;
  return s.outbox.length > 0 || s.messages.some((m) => m.author === 'visitor');
}
