import type { Translate } from '../i18n/t';
import { describedBy, FieldError as Shared } from '../panel/field-error';
import type { FieldName, Problem } from './feedback-state';

/** The id of the message that stands next to a field. */
const errorId = (field: FieldName) => `earshot-fb-${field}-error`;

/** What ties a field to its error for assistive technology. */
export const invalidProps = (field: FieldName, problem: Problem | undefined) => describedBy(errorId(field), !!problem);

/** A field's error, right below it. */
export function FieldError({ t, field, problem }: { t: Translate; field: FieldName; problem: Problem | undefined }) {
  return <Shared id={errorId(field)} class="field-error" text={problem ? t(problem.key, problem.vars) : null} />;
}
