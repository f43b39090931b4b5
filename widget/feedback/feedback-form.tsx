import { useLayoutEffect, useRef } from 'preact/hooks';
import { FEEDBACK_CATEGORIES, type FeedbackCategory } from '../../protocol/types';
import type { Translate } from '../i18n/t';
import { ContactFields } from './contact-fields';
import type { FeedbackDraft, FieldErrors, Problem } from './feedback-state';
import { FieldError, invalidProps } from './field-error';
import { RatingField } from './rating-field';
import { ViewForm } from '../panel/view-form';

export interface FeedbackFormProps {
  t: Translate;
  draft: FeedbackDraft;
  errors: FieldErrors;
  alert: Problem | null;
  sending: boolean;
  /** Changes on every refused send: focus then moves to the first field at fault. */
  refusals: number;
  /** Takes focus when drawn, for a visitor who asked for a new form (not on a tab switch). */
  focusFirst?: boolean;
  /** The server sends email: only then is "Reply to me" offered, as an answer could not reach the visitor otherwise. */
  canReply: boolean;
  onChange(change: Partial<FeedbackDraft>): void;
  onSubmit(): void;
}

/** The feedback form: rating, category, words, and whether (and where) to answer where answers can be sent. */
export function FeedbackForm({ t, draft, errors, alert, sending, refusals, focusFirst, canReply, onChange, onSubmit }: FeedbackFormProps) {
  const form = useRef<HTMLFormElement>(null);
  // Layout effects: focus moves with the render that drew the errors, not a frame later.
  useLayoutEffect(() => {
    if (focusFirst) form.current?.querySelector('input')?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- focus only as it is drawn; a later change of the flag must not move it
  }, []);
  useLayoutEffect(() => {
    const bad = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    // The rating group is a fieldset: its chosen face, or its first, takes the focus.
    const target = bad?.matches('fieldset') ? bad.querySelector<HTMLElement>('input:checked, input') : bad;
    target?.focus();
  }, [refusals]);
  return (
    <ViewForm
      formRef={form}
      class="feedback"
      headingId="earshot-fb-heading"
      heading={t('feedback_heading')}
      busy={sending}
      onSubmit={onSubmit}
    >
      <RatingField t={t} value={draft.rating} problem={errors.rating} onChange={(rating) => onChange({ rating })} />
      <div class="field">
        <label for="earshot-fb-category">{t('feedback_category')}</label>
        <select
          id="earshot-fb-category"
          value={draft.category}
          onChange={(e) => onChange({ category: e.currentTarget.value as FeedbackCategory })}
        >
          {FEEDBACK_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`category_${c}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="earshot-fb-text">{t('feedback_text')}</label>
        <textarea
          id="earshot-fb-text"
          rows={5}
          value={draft.text}
          onInput={(e) => onChange({ text: e.currentTarget.value })}
          {...invalidProps('text', errors.text)}
        />
        <FieldError t={t} field="text" problem={errors.text} />
      </div>
      {canReply ? (
        <ContactFields t={t} draft={draft} errors={errors} onChange={onChange} />
      ) : (
        <p class="note">{t('feedback_no_reply_note')}</p>
      )}
      <p class="note">{t('feedback_page_note')}</p>
      {alert && (
        <p class="form-alert" role="alert">
          {t(alert.key, alert.vars)}
        </p>
      )}
      <button type="submit" class="send" aria-disabled={sending || undefined}>
        {sending ? t('sending') : t('feedback_send')}
      </button>
    </ViewForm>
  );
}
