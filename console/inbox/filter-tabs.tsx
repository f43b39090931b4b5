import type { InboxFilter } from '../state/types';

const FILTERS: { value: InboxFilter; label: string }[] = [
  { value: 'active', label: 'Active' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'all', label: 'All' },
];

export interface FilterTabsProps {
  filter: InboxFilter;
  onFilter(filter: InboxFilter): void;
}

/**
 * Status filter as an ARIA tablist: one tab stop, arrows move between tabs. Tabs rather
 * than buttons also keep "Resolved" from being mistaken for the "Resolve" action.
 */
export function FilterTabs({ filter, onFilter }: FilterTabsProps) {
  const at = FILTERS.findIndex((f) => f.value === filter);
  const select = (i: number, tabs: HTMLElement | null) => {
    const next = FILTERS[(i + FILTERS.length) % FILTERS.length]!;
    onFilter(next.value);
    tabs?.querySelector<HTMLElement>(`#filter-${next.value}`)?.focus();
  };
  return (
    <div
      class="filters"
      role="tablist"
      aria-label="Filter conversations"
      onKeyDown={(e) => {
        const keys: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: FILTERS.length - 1 };
        const i = keys[e.key];
        if (i === undefined || e.altKey) return;
        e.preventDefault();
        select(i, e.currentTarget);
      }}
    >
      {FILTERS.map((f) => (
        <button
          key={f.value}
          id={`filter-${f.value}`}
          type="button"
          role="tab"
          class="filter"
          aria-selected={filter === f.value}
          aria-controls="inbox-panel"
          tabIndex={filter === f.value ? 0 : -1}
          onClick={() => onFilter(f.value)}
        >
          {f.label}
        </button>
      ))}
    </div>
  );
}
