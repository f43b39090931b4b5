import type { FeedbackReply } from '../../protocol/types';
import { fullDateTime } from '../format/time';
import { EMAIL_STATUS_LABEL } from './labels';

/** The answers sent to a piece of feedback, oldest first, each with where its email is. */
export function ReplyThread({ replies }: { replies: FeedbackReply[] }) {
  if (replies.length === 0) return <p class="muted">No replies yet.</p>;
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
    </ol>
  );
}
