import type { FeedbackReply } from '../../protocol/types';
import { PendingItem } from '../conversation/message-item';
import { fullDateTime } from '../format/time';
import type { PendingMessage } from '../state/types';
import { EMAIL_STATUS_LABEL } from './labels';

export interface ReplyThreadProps {
  replies: FeedbackReply[];
  /** Own replies the server has not stored yet, after the stored ones. */
  pending?: PendingMessage[];
  agentName?: string;
  onRetry?(id: string): void;
}

/** The answers sent to a piece of feedback, oldest first, each with where its email is, then those on their way. */
export function ReplyThread({ replies, pending = [], agentName = '', onRetry = () => undefined }: ReplyThreadProps) {
  if (replies.length === 0 && pending.length === 0) return <p class="muted">No replies yet.</p>;
  return (
    <ol class="msgs fb-replies">
      {replies.map((r) => (
        <li key={r.id} class="msg msg-agent" data-reply-id={r.id}>
          <div class="msg-meta">
            <span class="msg-author">{r.agentName}</span>
            <time dateTime={r.createdAt}>{fullDateTime(r.createdAt)}</time>
            <span class={`msg-state email-${r.emailStatus}`}>{EMAIL_STATUS_LABEL[r.emailStatus]}</span>
          </div>
          <p class="msg-text">{r.text}</p>
        </li>
      ))}
      {pending.map((p) => (
        <PendingItem key={p.id} pending={p} authorName={agentName} onRetry={onRetry} />
      ))}
    </ol>
  );
}
