/** One choice of a completion list. */
export interface Suggestion {
  key: string;
  /** What the option reads as (a shortcut, a name). */
  label: string;
  /** A second line: the reply's text, an email. */
  detail?: string;
}

export interface SuggestListProps {
  /** The listbox's id; each option's id is `${id}-${index}` (the text box points at the active one). */
  id: string;
  label: string;
  items: Suggestion[];
  active: number;
  /** Shown when nothing matches. */
  empty: string;
  onPick(index: number): void;
}

/** The id of the option at `index` in the list `id`, for the text box's `aria-activedescendant`. */
export const optionId = (id: string, index: number) => `${id}-${index}`;

/**
 * A completion list under a text box that keeps the focus: arrows move `active`, Enter picks it, Escape closes
 * (the box handles the keys, see `useSuggestKeys`); a click picks too.
 */
export function SuggestList({ id, label, items, active, empty, onPick }: SuggestListProps) {
  return (
    <div class="suggest">
      <ul class="suggest-list" role="listbox" id={id} aria-label={label}>
        {items.map((s, i) => (
          <li
            key={s.key}
            id={optionId(id, i)}
            role="option"
            aria-selected={i === active}
            class={i === active ? 'is-active' : undefined}
            // Before the box's blur: a click must not close the list first.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(i)}
          >
            <span class="suggest-label">{s.label}</span>
            {s.detail && <span class="suggest-detail">{s.detail}</span>}
          </li>
        ))}
      </ul>
      <p class={items.length === 0 ? 'suggest-empty' : 'sr-only'} role="status">
        {items.length === 0
          ? empty
          : `${items.length} ${items.length === 1 ? 'choice' : 'choices'}: Up and Down to move, Enter to insert, Escape to close`}
      </p>
    </div>
  );
}

/**
 * The keys of an open completion list, for the text box's keydown: true when the key was the list's
 * (the box must not act on it too).
 */
export function suggestKey(
  key: string,
  state: { count: number; active: number },
  act: { move(active: number): void; pick(index: number): void; close(): void },
): boolean {
  if (key === 'ArrowDown' || key === 'ArrowUp') {
    if (state.count > 0) act.move((state.active + (key === 'ArrowDown' ? 1 : state.count - 1)) % state.count);
    return true;
  }
  if (key === 'Enter' && state.count > 0) {
    act.pick(state.active);
    return true;
  }
  if (key === 'Escape') {
    act.close();
    return true;
  }
  return false;
}
