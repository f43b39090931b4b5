import type { AssignView, InboxFilter } from '../state/types';

const FILTERS: { value: InboxFilter; label: string }[] = [
  { value: 'active', label: 'Active' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'all', label: 'All' },
];

const VIEWS: { value: AssignView; label: string }[] = [
  { value: 'mine', label: 'Mine' },
  { value: 'unassigned', label: 'Unassigned' },
  { value: 'all', label: 'All' },
];

interface TabsProps<T extends string> {
  tabs: { value: T; label: string }[];
  value: T;
  /** Prefixes each tab's id (`${idPrefix}-${value}`). */
  idPrefix: string;
  label: string;
  /** A count shown in each tab. */
  counts?: Record<T, number>;
  onChange(value: T): void;
}

/** An ARIA tablist over the inbox: one tab stop, arrows move between tabs. */
function Tabs<T extends string>({ tabs, value, idPrefix, label, counts, onChange }: TabsProps<T>) {
  const at = tabs.findIndex((f) => f.value === value);
  const select = (i: number, list: HTMLElement | null) => {
    const next = tabs[(i + tabs.length) % tabs.length]!;
    onChange(next.value);
    list?.querySelector<HTMLElement>(`#${idPrefix}-${next.value}`)?.focus();
  };
  return (
    <div
      class="filters"
      role="tablist"
      aria-label={label}
      onKeyDown={(e) => {
        const keys: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 };
        const i = keys[e.key];
        if (i === undefined || e.altKey) return;
        e.preventDefault();
        select(i, e.currentTarget);
      }}
    >
      {tabs.map((f) => (
        <button
          key={f.value}
          id={`${idPrefix}-${f.value}`}
          type="button"
          role="tab"
          class="filter"
          aria-selected={value === f.value}
          aria-controls="inbox-panel"
          tabIndex={value === f.value ? 0 : -1}
          onClick={() => onChange(f.value)}
        >
          {f.label}
          {counts && <span class="filter-count"> {counts[f.value]}</span>}
        </button>
      ))}
    </div>
  );
}

export interface FilterTabsProps {
  filter: InboxFilter;
  onFilter(filter: InboxFilter): void;
}

/**
 * Status filter as an ARIA tablist. Tabs rather than buttons also keep "Resolved" from being
 * mistaken for the "Resolve" action.
 */
export function FilterTabs({ filter, onFilter }: FilterTabsProps) {
  return <Tabs tabs={FILTERS} value={filter} idPrefix="filter" label="Filter conversations" onChange={onFilter} />;
}

export interface ViewTabsProps {
  view: AssignView;
  counts: Record<AssignView, number>;
  onView(view: AssignView): void;
}

/** Mine, Unassigned, All, each with how many conversations it holds. */
export function ViewTabs({ view, counts, onView }: ViewTabsProps) {
  return <Tabs tabs={VIEWS} value={view} idPrefix="view" label="Whose conversations" counts={counts} onChange={onView} />;
}
