import type { FieldName, Problem } from './callback-state';
import type { Say } from './say';

/** The id of the message that stands next to a field. */
export const errorId = (field: FieldName) => `earshot-cb-${field}-error`;

/** What ties a field to its error (and to a hint, if it has one) for assistive technology. */
export function invalidProps(field: FieldName, problem: Problem | undefined, hint?: string) {
  const described = [problem && errorId(field), hint].filter(Boolean).join(' ');
  return { 'aria-invalid': problem ? (true as const) : undefined, 'aria-describedby': described || undefined };
}

export interface FieldErrorProps {
  say: Say;
  field: FieldName;
  problem: Problem | undefined;
}

/** A field's error, right below it; it is read out as the field's description. */
export function FieldError({ say, field, problem }: FieldErrorProps) {
  if (!problem) return null;
  return (
    <p class="cb-error" id={errorId(field)}>
      <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
        <circle cx="12" cy="12" r="10" fill="currentColor" />
        <path d="M12 7v6M12 16.5v.5" stroke="#fff" stroke-width="2.4" stroke-linecap="round" />
      </svg>
      {say(problem.key, problem.vars)}
    </p>
  );
}
