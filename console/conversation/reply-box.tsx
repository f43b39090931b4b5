import { useEffect } from 'preact/hooks';
import { LIMITS } from '../../protocol/events';
import { useSendBox } from '../format/send-box';

export interface ReplyBoxProps {
  /** Text to start with, e.g. a draft kept while the agent looked elsewhere. */
  draft: string;
  autoFocus?: boolean;
  onDraft(text: string): void;
  onSend(text: string): void;
  onTyping(): void;
  /** Escape: leave the box without losing the draft. */
  onEscape(): void;
}

/** The reply box: Enter sends, Shift+Enter breaks the line, Escape leaves. */
export function ReplyBox({ draft, autoFocus, onDraft, onSend, onTyping, onEscape }: ReplyBoxProps) {
  const { text, setText, box, submit, onSubmit } = useSendBox(draft, onSend, () => onDraft(''));
  // Preact does not move focus for `autoFocus` after the first page load, so do it here.
  useEffect(() => {
    if (autoFocus) box.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only as the box appears (it is keyed by conversation), never later
  }, []);
  return (
    <form class="reply" onSubmit={onSubmit}>
      <label for="reply" class="sr-only">
        Reply
      </label>
      <textarea
        id="reply"
        rows={3}
        placeholder="Write a reply… (Enter to send, Shift+Enter for a new line)"
        value={text}
        ref={box}
        maxLength={LIMITS.messageLength}
        onInput={(e) => {
          const value = e.currentTarget.value;
          setText(value);
          onDraft(value);
          if (value.trim()) onTyping();
        }}
        onKeyDown={(e) => {
          // isComposing: Enter that confirms an IME candidate must not send.
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && !e.altKey) {
            e.preventDefault();
            submit();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onEscape();
          }
        }}
      />
      <button type="submit" class="btn btn-primary" disabled={!text.trim()}>
        Send
      </button>
    </form>
  );
}
