import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Message } from '../../protocol/types';
import type { PendingMessage } from '../state/types';
import { MessageItem, PendingItem } from './message-item';

export interface MessageLogProps {
  messages: Message[];
  pending: PendingMessage[];
  visitorName: string;
  agentName: string;
  onRetry(id: string): void;
}

/** How close to the bottom still counts as "following the conversation". */
const STICKY_PX = 80;

/** The conversation's history in seq order, then own replies still on their way. */
export function MessageLog({ messages, pending, visitorName, agentName, onRetry }: MessageLogProps) {
  const box = useRef<HTMLDivElement>(null);
  const stuck = useRef(true);
  const count = messages.length + pending.length;

  // Follow new messages only when the agent is already at the bottom; never yank them
  // away from something they scrolled up to read.
  useLayoutEffect(() => {
    const el = box.current;
    if (el && stuck.current) el.scrollTop = el.scrollHeight;
  }, [count]);

  return (
    <div
      class="log"
      role="log"
      aria-label="Messages"
      tabIndex={0}
      ref={box}
      onScroll={(e) => {
        const el = e.currentTarget;
        stuck.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICKY_PX;
      }}
    >
      {count === 0 ? (
        <p class="log-empty">No messages yet.</p>
      ) : (
        <ol class="msgs">
          {messages.map((m) => (
            <MessageItem key={m.id} message={m} visitorName={visitorName} />
          ))}
          {pending.map((p) => (
            <PendingItem key={p.id} pending={p} authorName={agentName} onRetry={onRetry} />
          ))}
        </ol>
      )}
    </div>
  );
}
