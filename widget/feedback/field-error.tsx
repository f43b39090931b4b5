import type { Translate } from '../i18n/t';
import type { FieldName, Problem } from './feedback-state';

/** The id of the message that stands next to a field. */
export const errorId = (field: FieldName) => `earshot-fb-${field}-error`;

/** What ties a field to its error for assistive technology: nothing while it has none. */
export function invalidProps(field: FieldName, problem: Problem | undefined) {
  return problem ? { 'aria-invalid': true as const, 'aria-describedby': errorId(field) } : {};
}

export interface FieldErrorProps {
  t: Translate;
  field: FieldName;
  problem: Problem | undefined;
}

/** A field's error, right below it; it is read out as the field's description. */
export function FieldError({ t, field, problem }: FieldErrorProps) {
  if (!problem) return null;
  return (
    <p class="field-error" id={errorId(field)}>
      <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
        <circle cx="12" cy="12" r="10" fill="currentColor" />
        <path d="M12 7v6M12 16.5v.5" stroke="#fff" stroke-width="2.4" stroke-linecap="round" />
      </svg>
      {t(problem.key, problem.vars)}
    </p>
  );
}
