import type { Message } from '../../protocol/types';
import { clockTime, fullDateTime } from '../format/time';
import type { PendingMessage } from '../state/types';

/** A stored message: visitor on the left, agents on the right, system notes centred. */
export function MessageItem({ message, visitorName }: { message: Message; visitorName: string }) {
  const author = message.author === 'visitor' ? visitorName : message.author === 'agent' ? (message.authorName ?? 'Agent') : 'System';
  return (
    <li class={`msg msg-${message.author}`} data-seq={message.seq}>
      <div class="msg-meta">
        <span class="msg-author">{author}</span>
        <time dateTime={message.createdAt} title={fullDateTime(message.createdAt)}>{clockTime(message.createdAt)}</time>
        {message.author === 'agent' && <span class="msg-state">Sent</span>}
      </div>
      <p class="msg-text">{message.text}</p>
    </li>
  );
}

/** An own reply on its way, or failed with a way to try again under the same id. */
export function PendingItem({ pending, authorName, onRetry }: { pending: PendingMessage; authorName: string; onRetry(id: string): void }) {
  const failed = pending.state === 'failed';
  return (
    <li class={`msg msg-agent msg-${pending.state}`}>
      <div class="msg-meta">
        <span class="msg-author">{authorName}</span>
        {failed ? (
          <span class="msg-state msg-state-failed">Failed{pending.error ? `: ${pending.error}` : ''}</span>
        ) : (
          <span class="msg-state">Sending…</span>
        )}
      </div>
      <p class="msg-text">{pending.text}</p>
      {failed && (
        <button type="button" class="btn btn-small" onClick={() => onRetry(pending.id)}>
          Retry
        </button>
      )}
    </li>
  );
}
