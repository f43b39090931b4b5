import type { Message } from '../../protocol/types';

/** A stored message of conversation c1, number `seq`, from the visitor a minute after the one before; `over` replaces any of it. */
export function storedMessage(seq: number, over: Partial<Message> = {}): Message {
  return {
    id: `m${seq}`,
    conversationId: 'c1',
    seq,
    author: 'visitor',
    authorName: null,
    text: `message ${seq}`,
    createdAt: new Date(Date.UTC(2025, 0, 1, 10, seq)).toISOString(),
    ...over,
  };
}
