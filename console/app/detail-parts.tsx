import type { ComponentChildren } from 'preact';

/** One label and its value in a details list (`<dl class="facts">`). */
export function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="facts-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export interface EmptyDetailProps {
  /** The heading's id, unique on the screen. */
  id: string;
  title: string;
  message: string;
  /** The message says why the item cannot be shown: announced as an alert, not a status. */
  error?: boolean;
}

/** What a detail area shows before an item is chosen, or when it cannot be shown. */
export function EmptyDetail({ id, title, message, error }: EmptyDetailProps) {
  return (
    <main class="conversation conversation-empty" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p role={error ? 'alert' : 'status'}>{message}</p>
    </main>
  );
}
