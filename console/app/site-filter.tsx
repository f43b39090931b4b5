import type { SiteSettings } from '../../protocol/types';

export interface SiteFilterProps {
  sites: SiteSettings[] | null;
  /** The chosen site's id; null for every site. */
  value: string | null;
  onChange(siteId: string | null): void;
}

export interface SiteSelectProps {
  class: string;
  sites: SiteSettings[];
  /** The chosen site's id, or '' for the `allLabel` choice. */
  value: string;
  /** Offers every site at once under this name, as the value ''. */
  allLabel?: string;
  onChange(value: string): void;
}

/** "Site: Demo shop / …": a choice among the sites by name. */
export function SiteSelect({ class: cls, sites, value, allLabel, onChange }: SiteSelectProps) {
  return (
    <label class={cls}>
      <span>Site</span>
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {sites.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** "Site: All sites / Demo shop / …", shown only when there is more than one site to tell apart. */
export function SiteFilter({ sites, value, onChange }: SiteFilterProps) {
  if (!sites || sites.length < 2) return null;
  return (
    <SiteSelect
      class="fb-filter site-filter"
      sites={sites}
      value={value ?? ''}
      allLabel="All sites"
      onChange={(id) => onChange(id || null)}
    />
  );
}

/** The site names rows show when there are several sites, keyed by id; empty with one site. */
export function siteNames(sites: SiteSettings[] | null): Record<string, string> {
  return sites && sites.length > 1 ? Object.fromEntries(sites.map((s) => [s.id, s.name])) : {};
}
