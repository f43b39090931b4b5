import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { RatingField } from '../../feedback/rating-field';
import { STRINGS as RATING_STRINGS } from '../../feedback/strings';
import { withStrings } from '../../i18n/with-strings';
import { EmailForm } from './email-form';
import { failure } from './problem';
import { STRINGS } from './strings';
import type { ExtraProps } from './types';

export interface AfterChatProps extends ExtraProps {
  conversationId: string;
  /** The site asks for a rating. */
  survey: boolean;
}

/** Under a resolved conversation: the satisfaction survey (when the site asks) and the transcript. */
export function AfterChat(p: AfterChatProps) {
  // The rating faces are the feedback form's, with its words.
  const t = withStrings(withStrings(p.t, RATING_STRINGS), STRINGS);
  const box = useRef<HTMLDivElement>(null);
  // Drawn below the history, it shrinks it: keep the last messages in view above it.
  useLayoutEffect(() => {
    const history = box.current?.parentElement?.querySelector('.scroll');
    if (history) history.scrollTop = history.scrollHeight;
  }, []);
  return (
    <div class="extra after" ref={box}>
      {p.survey && <Survey {...p} t={t} />}
      {p.sendsEmail && <Transcript {...p} t={t} />}
    </div>
  );
}

/**
 * Rating 1 to 5 (the feedback form's faces) and an optional comment, sent with `survey:send`.
 * Compact under the history: one row of faces; the comment and the button follow the choice.
 */
function Survey({ t, request, conversationId }: AfterChatProps) {
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  if (sent) return <Done text={t('x_survey_thanks')} />;
  const submit = async () => {
    if (!rating) return setProblem(t('x_error_rating'));
    if (busy) return;
    setBusy(true);
    const text = comment.trim();
    const res = await request('survey:send', { conversationId, rating, ...(text ? { comment: text } : {}) });
    setBusy(false);
    if (res.ok) setSent(true);
    else setProblem(failure(t, res));
  };
  return (
    <form
      class="extra-form"
      noValidate
      aria-labelledby="earshot-survey-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div class="survey-head">
        <h3 id="earshot-survey-heading">{t('x_survey_heading')}</h3>
        <RatingField
          t={t}
          name="earshot-survey"
          value={rating}
          problem={undefined}
          onChange={(value) => {
            setRating(value);
            setProblem(null);
          }}
        />
      </div>
      {rating !== null && (
        <>
          <div class="field">
            <label for="earshot-survey-comment">{t('x_comment')}</label>
            <textarea
              id="earshot-survey-comment"
              rows={1}
              maxLength={2000}
              value={comment}
              onInput={(e) => setComment(e.currentTarget.value)}
            />
          </div>
          <button type="submit" class="send" aria-disabled={busy || undefined}>
            {t('x_send_rating')}
          </button>
        </>
      )}
      {problem && (
        <p class="form-alert" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

/** "Email me the transcript": straight away to the address the server knows, else after asking for one. */
function Transcript({ t, request, conversationId, email, onEmail }: AfterChatProps) {
  const [asking, setAsking] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const send = async (to: string) => {
    const res = await request('transcript:send', { conversationId, email: to });
    if (res.ok) {
      setSentTo(to);
      if (!email) onEmail(to, false);
    }
    return res;
  };
  if (sentTo) return <Done text={t('x_transcript_sent', { email: sentTo })} />;
  if (asking) return <EmailForm t={t} id="earshot-transcript-email" submit="x_transcript" initial={null} focus onSubmit={send} />;
  return (
    <>
      <button
        type="button"
        class="secondary"
        onClick={() => {
          if (!email) return setAsking(true);
          void send(email).then((res) => setProblem(res.ok ? null : failure(t, res)));
        }}
      >
        {t('x_transcript')}
      </button>
      {problem && (
        <p class="form-alert" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}

/** What replaces a form once it has done its job: it takes the focus the form's button had, and is read out. */
function Done({ text }: { text: string }) {
  const line = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => line.current?.focus(), []);
  return (
    <p class="thanks-line" role="status" tabIndex={-1} ref={line}>
      {text}
    </p>
  );
}
