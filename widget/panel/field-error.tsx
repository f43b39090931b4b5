/** What ties a field to its error `id` (and to a hint, if it has one) for assistive technology. */
export function describedBy(id: string, invalid: boolean, hint?: string) {
  const described = [invalid && id, hint].filter(Boolean).join(' ');
  return { 'aria-invalid': invalid ? (true as const) : undefined, 'aria-describedby': described || undefined };
}

export interface FieldErrorProps {
  id: string;
  /** The form's class for its errors. */
  class: string;
  /** The error in the panel's language; nothing is drawn without one. */
  text: string | null;
}

/** A field's error, right below it, with its mark; it is read out as the field's description. */
export function FieldError({ id, class: className, text }: FieldErrorProps) {
  if (text === null) return null;
  return (
    <p class={className} id={id}>
      <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
        <circle cx="12" cy="12" r="10" fill="currentColor" />
        <path d="M12 7v6M12 16.5v.5" stroke="#fff" stroke-width="2.4" stroke-linecap="round" />
      </svg>
      {text}
    </p>
  );
}
