import type { ComponentChildren } from 'preact';

export interface LoadedListProps<T> {
  /** Null while loading. */
  items: T[] | null;
  loading: string;
  empty: string;
  /** The list's accessible name. */
  label: string;
  class?: string;
  children(item: T): ComponentChildren;
}

/** A section's list as it loads: "Loading …" (announced), a note when there is nothing, else the labelled list. */
export function LoadedList<T>({ items, loading, empty, label, class: cls = 'team-invites', children }: LoadedListProps<T>) {
  if (items === null)
    return (
      <p role="status" class="muted">
        {loading}
      </p>
    );
  if (items.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ul class={cls} aria-label={label}>
      {items.map(children)}
    </ul>
  );
}
