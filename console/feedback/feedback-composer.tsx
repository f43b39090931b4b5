import { useRef, useState } from 'preact/hooks';
import { nanoid } from 'nanoid';
import { LIMITS } from '../../protocol/events';

export interface FeedbackComposerProps {
  /** Who the email goes to, e.g. "Ana <ana@example.com>". */
  to: string;
  busy: boolean;
  /** The server's message when the last reply was refused. */
  error: string | null;
  /**
   * Sends the reply under `id`, the same on every try of one reply (so a retry after a lost answer
   * is stored and emailed once); resolves true once the server took it, so the box empties.
   */
  onSend(text: string, id: string): Promise<boolean>;
}

/** The email reply box: Ctrl/Cmd+Enter or the button sends; Enter is a new line, as in any email. */
export function FeedbackComposer({ to, busy, error, onSend }: FeedbackComposerProps) {
  const [text, setText] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  const replyId = useRef<string | null>(null);
  const submit = async () => {
    const body = text.trim();
    if (!body || busy) return;
    replyId.current ??= nanoid();
    if (!(await onSend(body, replyId.current))) return;
    replyId.current = null;
    setText('');
    // The emptied box disables the button that had the focus; keep it in the form.
    box.current?.focus();
  };
  return (
    <form
      class="reply fb-composer"
      aria-busy={busy}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label for="fb-reply" class="fb-composer-label">Reply by email</label>
      <p id="fb-reply-to" class="fb-composer-to muted">To {to}. Ctrl+Enter sends.</p>
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
            void submit();
          }
        }}
      />
      <button type="submit" class="btn btn-primary" aria-disabled={busy} disabled={!text.trim()}>
        Send reply
      </button>
      {error && <p class="conv-error fb-composer-error" role="alert">{error}</p>}
    </form>
  );
}
