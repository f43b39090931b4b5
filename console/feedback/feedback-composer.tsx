import { LIMITS } from '../../protocol/events';
import { useSendBox } from '../format/send-box';

export interface FeedbackComposerProps {
  /** Who the email goes to, e.g. "Ana <ana@example.com>". */
  to: string;
  /** Queues the reply in the outbox (the thread shows it as sending, or refused with Retry), so the box empties at once. */
  onSend(text: string): void;
}

/** The email reply box: Ctrl/Cmd+Enter or the button sends; Enter is a new line, as in any email. */
export function FeedbackComposer({ to, onSend }: FeedbackComposerProps) {
  const { text, setText, box, submit, onSubmit } = useSendBox('', onSend);
  return (
    <form class="reply fb-composer" onSubmit={onSubmit}>
      <label for="fb-reply" class="fb-composer-label">
        Reply by email
      </label>
      <p id="fb-reply-to" class="fb-composer-to muted">
        To {to}. Ctrl+Enter sends.
      </p>
      <textarea
        id="fb-reply"
        ref={box}
        rows={4}
        value={text}
        maxLength={LIMITS.messageLength}
        aria-describedby="fb-reply-to"
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing) {
            e.preventDefault();
            submit();
          }
        }}
      />
      <button type="submit" class="btn btn-primary" disabled={!text.trim()}>
        Send reply
      </button>
    </form>
  );
}
