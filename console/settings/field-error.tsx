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

/** A whole number as typed (kept as text, so a half-typed one is not lost), tied to the error `errorId` names. */
export function NumberField(p: {
  id: string;
  label: string;
  value: string;
  errorId: string;
  error: string | undefined;
  onInput(value: string): void;
}) {
  return (
    <label class="field set-narrow">
      <span>{p.label}</span>
      <input
        id={p.id}
        type="number"
        inputMode="numeric"
        value={p.value}
        onInput={(e) => p.onInput(e.currentTarget.value)}
        {...errorProps(p.errorId, p.error)}
      />
    </label>
  );
}
