import { LIMITS } from '../../protocol/events';
import type { Translate } from '../i18n/t';
import { EmailInput } from '../panel/email-input';
import type { ContactMode, FeedbackDraft, FieldErrors } from './feedback-state';
import { FieldError, invalidProps } from './field-error';

export interface ContactFieldsProps {
  t: Translate;
  draft: FeedbackDraft;
  errors: FieldErrors;
  onChange(change: Partial<FeedbackDraft>): void;
}

const MODES: { mode: ContactMode; label: 'contact_reply' | 'contact_anonymous' }[] = [
  { mode: 'reply', label: 'contact_reply' },
  { mode: 'anonymous', label: 'contact_anonymous' },
];

/** "Reply to me" with name and email (both required), or "Stay anonymous" with what that means. */
export function ContactFields({ t, draft, errors, onChange }: ContactFieldsProps) {
  return (
    <fieldset class="contact">
      <legend>{t('feedback_contact')}</legend>
      <div class="choices">
        {MODES.map(({ mode, label }) => (
          <label class="choice" key={mode}>
            <input
              type="radio"
              name="earshot-contact"
              value={mode}
              checked={draft.contact === mode}
              onChange={() => onChange({ contact: mode })}
            />
            {t(label)}
          </label>
        ))}
      </div>
      {draft.contact === 'reply' ? (
        <>
          <div class="field">
            <label for="earshot-fb-name">{t('feedback_name')}</label>
            <input
              id="earshot-fb-name"
              type="text"
              autocomplete="name"
              required
              maxLength={LIMITS.nameLength}
              value={draft.name}
              onInput={(e) => onChange({ name: e.currentTarget.value })}
              {...invalidProps('name', errors.name)}
            />
            <FieldError t={t} field="name" problem={errors.name} />
          </div>
          <div class="field">
            <label for="earshot-fb-email">{t('feedback_email')}</label>
            <EmailInput
              id="earshot-fb-email"
              value={draft.email}
              onValue={(email) => onChange({ email })}
              {...invalidProps('email', errors.email)}
            />
            <FieldError t={t} field="email" problem={errors.email} />
          </div>
        </>
      ) : (
        <p class="note">{t('feedback_anonymous_note')}</p>
      )}
    </fieldset>
  );
}
