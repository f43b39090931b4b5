import { useMemo, useReducer, useRef } from 'preact/hooks';
import { withStrings } from '../i18n/with-strings';
import type { ViewProps } from '../panel/view-types';
import { FeedbackForm } from './feedback-form';
import { feedbackReducer, initialFeedback } from './feedback-state';
import { FeedbackThanks } from './feedback-thanks';
import { STRINGS } from './strings';
import { serverProblem, toFeedbackInput, validateFeedback } from './validate';

/**
 * The feedback screen's one connector: form state in a pure reducer, the form's own
 * checks first, then `feedback:send` over the panel's socket, its answer back into state.
 */
export function FeedbackView({ t: panelT, request, page, showView, newId, sendsEmail = true }: ViewProps) {
  // The view's words come with its chunk, not with every first chat.
  const t = useMemo(() => withStrings(panelT, STRINGS), [panelT]);
  const [s, dispatch] = useReducer(feedbackReducer, undefined, initialFeedback);
  // A second click before the first render of "sending" must not send twice.
  const busy = useRef(false);
  const again = useRef(false);
  // One id per piece of feedback, kept across retries: a send whose answer was lost is stored once.
  const sendId = useRef<string | null>(null);

  const submit = async () => {
    // A reply chosen before the hello said mail cannot go out is dropped: nobody could send it.
    const draft = sendsEmail ? s.draft : { ...s.draft, contact: 'anonymous' as const };
    const errors = validateFeedback(draft);
    if (Object.keys(errors).length > 0) return dispatch({ type: 'refused', errors });
    if (busy.current) return;
    busy.current = true;
    dispatch({ type: 'sending' });
    sendId.current ??= newId();
    const res = await request('feedback:send', toFeedbackInput(draft, page(), t('language_tag'), sendId.current));
    busy.current = false;
    dispatch(res.ok ? { type: 'sent', replyExpected: res.data.replyExpected } : { type: 'refused', ...serverProblem(res, draft) });
  };

  if (s.status === 'sent') {
    return (
      <FeedbackThanks
        t={t}
        replyExpected={s.replyExpected}
        onAgain={() => {
          again.current = true;
          sendId.current = null;
          dispatch({ type: 'again' });
        }}
        onChat={() => showView('chat')}
      />
    );
  }
  return (
    <FeedbackForm
      t={t}
      draft={s.draft}
      errors={s.errors}
      alert={s.alert}
      sending={s.status === 'sending'}
      refusals={s.refusals}
      focusFirst={again.current}
      canReply={sendsEmail}
      onChange={(change) => dispatch({ type: 'edit', change })}
      onSubmit={() => void submit()}
    />
  );
}
