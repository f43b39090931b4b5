export interface AlertProps {
  /** The refusal; nothing is drawn while there is none. */
  text: string | null | undefined;
  class: string;
  id?: string;
}

/** A refusal, read out at once. */
export function Alert({ text, class: cls, id }: AlertProps) {
  if (!text) return null;
  return (
    <p id={id} class={cls} role="alert">
      {text}
    </p>
  );
}

/** A section's last refusal (read out at once) and its last success (read out politely). */
export function FormMessages({ error, notice }: { error: string | null; notice: string | null }) {
  return (
    <>
      <Alert class="field-error" text={error} />
      {notice && (
        <p class="set-notice" role="status">
          {notice}
        </p>
      )}
    </>
  );
}
