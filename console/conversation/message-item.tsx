import type { Message } from '../../protocol/types';
import { clockTime, fullDateTime } from '../format/time';
import type { PendingMessage } from '../state/types';

/** What the visitor said about an automatic answer, or null while they have not. */
export function helpfulText(helpful: boolean | null): string | null {
  if (helpful === null) return null;
  return helpful ? 'Visitor: that answers it' : 'Visitor: still needs a person';
}

/**
 * A stored message: visitor on the left, agents on the right, system notes centred. An
 * automatic answer is set apart from agents' replies, since no person wrote it.
 */
export function MessageItem({ message, visitorName }: { message: Message; visitorName: string }) {
  const faq = message.author === 'system' ? message.faq : undefined;
  const author = faq
    ? 'Automatic answer'
    : message.author === 'visitor'
      ? visitorName
      : message.author === 'agent'
        ? (message.authorName ?? 'Agent')
        : 'System';
  const verdict = faq ? helpfulText(faq.helpful) : null;
  return (
    <li class={`msg msg-${faq ? 'faq' : message.author}${message.note ? ' msg-note' : ''}`} data-seq={message.seq}>
      <div class="msg-meta">
        {message.note && <NoteBadge />}
        <span class="msg-author">{author}</span>
        <time dateTime={message.createdAt} title={fullDateTime(message.createdAt)}>
          {clockTime(message.createdAt)}
        </time>
        {message.author === 'agent' && !message.note && <span class="msg-state">Sent</span>}
      </div>
      <p class="msg-text">{message.text}</p>
      {verdict && <p class={`msg-verdict${faq!.helpful ? ' is-helpful' : ' is-unhelpful'}`}>{verdict}</p>}
    </li>
  );
}

/** Marks an internal note, in words (not only colour): the visitor never sees it. */
function NoteBadge() {
  return <span class="msg-note-badge">Internal note</span>;
}

/** An own reply on its way, or failed with a way to try again under the same id. */
export function PendingItem({ pending, authorName, onRetry }: { pending: PendingMessage; authorName: string; onRetry(id: string): void }) {
  const failed = pending.state === 'failed';
  return (
    <li class={`msg msg-agent msg-${pending.state}${pending.note ? ' msg-note' : ''}`}>
      <div class="msg-meta">
        {pending.note && <NoteBadge />}
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
