/** A section's last refusal (read out at once) and its last success (read out politely). */
export function FormMessages({ error, notice }: { error: string | null; notice: string | null }) {
  return (
    <>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p class="set-notice" role="status">
          {notice}
        </p>
      )}
    </>
  );
}
