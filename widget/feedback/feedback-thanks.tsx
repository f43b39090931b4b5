import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Translate } from '../i18n/t';

export interface FeedbackThanksProps {
  t: Translate;
  /** The visitor left an address: say when the answer comes. */
  replyExpected: boolean;
  onAgain(): void;
  onChat(): void;
}

/** The thank-you after a send; it takes the focus the vanished form had, so it is read out. */
export function FeedbackThanks({ t, replyExpected, onAgain, onChat }: FeedbackThanksProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), []);
  return (
    <div class="feedback thanks">
      <svg viewBox="0 0 24 24" width="48" height="48" aria-hidden="true">
        <circle cx="12" cy="12" r="10" />
        <path d="M7.5 12.5l3 3 6-6.5" />
      </svg>
      <h3 tabIndex={-1} ref={heading}>
        {t(replyExpected ? 'feedback_thanks_reply' : 'feedback_thanks')}
      </h3>
      <div class="actions">
        <button type="button" class="send" onClick={onAgain}>
          {t('feedback_again')}
        </button>
        <button type="button" class="secondary" onClick={onChat}>
          {t('back_to_chat')}
        </button>
      </div>
    </div>
  );
}
