import { describedBy, FieldError as Shared } from '../panel/field-error';
import type { FieldName, Problem } from './callback-state';
import type { Say } from './say';

/** The id of the message that stands next to a field. */
const errorId = (field: FieldName) => `earshot-cb-${field}-error`;

/** What ties a field to its error (and to a hint, if it has one) for assistive technology. */
export const invalidProps = (field: FieldName, problem: Problem | undefined, hint?: string) => describedBy(errorId(field), !!problem, hint);

/** A field's error, right below it. */
export function FieldError({ say, field, problem }: { say: Say; field: FieldName; problem: Problem | undefined }) {
  return <Shared id={errorId(field)} class="cb-error" text={problem ? say(problem.key, problem.vars) : null} />;
}
