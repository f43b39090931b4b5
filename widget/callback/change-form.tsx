import { useLayoutEffect, useRef } from 'preact/hooks';
import type { CallbackState } from './callback-state';
import { focusFirstInvalid } from './focus';
import { WhenFields, type WhenFieldsProps } from './when-fields';
import { ViewForm } from '../panel/view-form';

export interface ChangeFormProps extends Omit<WhenFieldsProps, 'problem' | 'draft' | 'slots' | 'slotsStatus'> {
  state: CallbackState;
  onSubmit(): void;
  onKeep(): void;
}

/** "Pick another time" for an open request: the same choice as the form, then `callback:change`. */
export function ChangeForm(p: ChangeFormProps) {
  const { say, state: s } = p;
  const form = useRef<HTMLFormElement>(null);
  // The visitor asked for this screen: focus goes to the current choice.
  useLayoutEffect(() => form.current?.querySelector<HTMLElement>('input:checked')?.focus(), []);
  useLayoutEffect(() => focusFirstInvalid(form.current), [s.refusals]);
  return (
    <ViewForm formRef={form} class="cb" headingId="earshot-cb-change-heading" heading={say('change')} busy={s.busy} onSubmit={p.onSubmit}>
      <WhenFields {...p} draft={s.draft} slots={s.slots} slotsStatus={s.slotsStatus} problem={s.errors.when} />
      {s.alert && (
        <p class="cb-alert" role="alert">
          {say(s.alert.key, s.alert.vars)}
        </p>
      )}
      <div class="cb-actions">
        <button type="submit" class="send" aria-disabled={s.busy || undefined}>
          {s.busy ? say('sending') : say('change_save')}
        </button>
        <button type="button" class="cb-secondary" onClick={p.onKeep}>
          {say('change_keep')}
        </button>
      </div>
    </ViewForm>
  );
}
