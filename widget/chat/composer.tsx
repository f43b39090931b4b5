import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import { LIMITS } from '../../protocol/events';
import type { Translate } from '../i18n/t';

export interface ComposerProps {
  t: Translate;
  /** Offline: looks muted, but typing and queueing still work. */
  offline: boolean;
  inputRef?: Ref<HTMLTextAreaElement>;
  onSend(text: string): void;
  onInput(): void;
}

/** The message box: Enter sends, Shift+Enter starts a new line. */
export function Composer({ t, offline, inputRef, onSend, onInput }: ComposerProps) {
  const [text, setText] = useState('');
  const submit = () => {
    const value = text.trim();
    if (!value) return;
    onSend(value);
    setText('');
  };
  return (
    <form
      class={offline ? 'composer offline' : 'composer'}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label class="vh" for="earshot-input">
        {t('message_label')}
      </label>
      <textarea
        id="earshot-input"
        ref={inputRef}
        rows={1}
        maxLength={LIMITS.messageLength}
        placeholder={t('message_placeholder')}
        aria-describedby={offline ? 'earshot-notice' : undefined}
        value={text}
        onInput={(e) => {
          setText(e.currentTarget.value);
          onInput();
        }}
        onKeyDown={(e) => {
          // An IME confirms its candidate with Enter; that Enter is not a send.
          if (e.key !== 'Enter' || e.shiftKey || e.isComposing) return;
          e.preventDefault();
          submit();
        }}
      />
      <button type="submit" class="send">
        {t('send')}
      </button>
    </form>
  );
}
