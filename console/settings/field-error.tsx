import type { ComponentChildren } from 'preact';

/** Props that tie an input to its error, so a screen reader reads the error with the field. */
export function errorProps(id: string, error: string | undefined) {
  return error ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};
}

/** The server's word about one field, right under it. */
export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={`${id}-error`} class="field-error">
      {error}
    </p>
  ) : null;
}

export interface CheckedFieldProps {
  /** The control's id; its error's id is `${id}-error`. */
  id: string;
  label: ComponentChildren;
  /** The server's word about the field, if it refused it. */
  error: string | undefined;
  /** More classes for the label, e.g. `set-narrow`. */
  class?: string;
  /** Drawn between the field and its error, e.g. a hint. */
  hint?: ComponentChildren;
  /** Draws the control; spread `control` last: its id, and while refused aria-invalid and the error as its description. */
  children(control: { id: string } & ReturnType<typeof errorProps>): ComponentChildren;
}

/** A labelled control with the server's word about it right under it, tied to it for screen readers. */
export function CheckedField({ id, label, error, class: cls, hint, children }: CheckedFieldProps) {
  return (
    <>
      <label class={cls ? `field ${cls}` : 'field'}>
        <span>{label}</span>
        {children({ id, ...errorProps(id, error) })}
      </label>
      {hint}
      <FieldError id={id} error={error} />
    </>
  );
}
