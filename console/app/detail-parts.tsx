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

/** What a section's detail area says while it has no item to show. */
export interface DetailTexts {
  /** The empty states' heading id, unique on the screen. */
  id: string;
  /** Before a choice: what to do. */
  pick: { title: string; message: string };
  /** The chosen item while it loads. */
  loading: { title: string; message: string };
  /** The heading over `error`. */
  refusedTitle: string;
}

export interface DetailSlotProps extends DetailTexts {
  /** Whether the URL names an item. */
  chosen: boolean;
  /** Why the chosen item cannot be shown, if it cannot. */
  error: string | null | undefined;
  /** The item, drawn once it and its details are here; nothing (false) until then. */
  children: ComponentChildren;
}

/** The detail area of a list section (callbacks, feedback): a hint before a choice, the item, why it cannot be shown, or "Loading…". */
export function DetailSlot({ id, chosen, error, pick, loading, refusedTitle, children }: DetailSlotProps) {
  if (!chosen) return <EmptyDetail id={id} {...pick} />;
  if (children) return <>{children}</>;
  if (error) return <EmptyDetail id={id} title={refusedTitle} message={error} error />;
  return <EmptyDetail id={id} {...loading} />;
}
