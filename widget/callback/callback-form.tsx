import { useLayoutEffect, useRef } from 'preact/hooks';
import { LIMITS } from '../../protocol/events';
import type { CallbackState } from './callback-state';
import { FieldError, invalidProps } from './field-error';
import { focusFirstInvalid } from './focus';
import { WhenFields, type WhenFieldsProps } from './when-fields';
import { ViewForm } from '../panel/view-form';

export interface CallbackFormProps extends Omit<WhenFieldsProps, 'problem' | 'draft' | 'slots' | 'slotsStatus'> {
  state: CallbackState;
  /** The default country of a national number, by name, to say how the number is read. */
  countryName: string | undefined;
  /** Takes the focus when drawn, for a visitor who asked for a new request (not on a tab switch). */
  focusFirst: boolean;
  onSubmit(): void;
}

const PHONE_HINT = 'earshot-cb-phone-hint';

/** The request form: phone (required), name and topic (optional), and when to call. */
export function CallbackForm(p: CallbackFormProps) {
  const { say, state: s, onChange } = p;
  const form = useRef<HTMLFormElement>(null);
  useLayoutEffect(() => {
    if (p.focusFirst) form.current?.querySelector('input')?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- focus only as it is drawn; a later change of the flag must not move it
  }, []);
  // A layout effect, so focus moves with the render that drew the errors.
  useLayoutEffect(() => focusFirstInvalid(form.current), [s.refusals]);
  const text = (field: 'name' | 'topic') => ({
    id: `earshot-cb-${field}`,
    value: s.draft[field],
    onInput: (e: { currentTarget: { value: string } }) => onChange({ [field]: e.currentTarget.value }),
    ...invalidProps(field, s.errors[field]),
  });
  const label = (field: 'name' | 'topic') => (
    <div class="cb-label">
      <label for={`earshot-cb-${field}`}>{say(field)}</label>
      {/* Outside the label, so the field's name stays "Name"; the field not being required says the same. */}
      <span class="cb-optional">{say('optional')}</span>
    </div>
  );
  return (
    <ViewForm formRef={form} class="cb" headingId="earshot-cb-heading" heading={say('heading')} busy={s.busy} onSubmit={p.onSubmit}>
      <p class="cb-note">{say('intro')}</p>
      <div class="cb-field">
        <label for="earshot-cb-phone">{say('phone')}</label>
        <input
          id="earshot-cb-phone"
          type="tel"
          autocomplete="tel"
          inputMode="tel"
          required
          maxLength={LIMITS.phoneLength}
          value={s.draft.phone}
          onInput={(e) => onChange({ phone: e.currentTarget.value })}
          {...invalidProps('phone', s.errors.phone, PHONE_HINT)}
        />
        <p class="cb-note" id={PHONE_HINT}>
          {p.countryName ? say('phone_hint_country', { country: p.countryName }) : say('phone_hint')}
        </p>
        <FieldError say={say} field="phone" problem={s.errors.phone} />
      </div>
      <div class="cb-field">
        {label('name')}
        <input type="text" autocomplete="name" maxLength={LIMITS.nameLength} {...text('name')} />
        <FieldError say={say} field="name" problem={s.errors.name} />
      </div>
      <div class="cb-field">
        {label('topic')}
        <textarea rows={2} maxLength={LIMITS.topicLength} {...text('topic')} />
        <FieldError say={say} field="topic" problem={s.errors.topic} />
      </div>
      <WhenFields {...p} draft={s.draft} slots={s.slots} slotsStatus={s.slotsStatus} problem={s.errors.when} />
      <p class="cb-note">{say('page_note')}</p>
      {s.alert && (
        <p class="cb-alert" role="alert">
          {say(s.alert.key, s.alert.vars)}
        </p>
      )}
      <button type="submit" class="send" aria-disabled={s.busy || undefined}>
        {s.busy ? say('sending') : say('submit')}
      </button>
    </ViewForm>
  );
}
