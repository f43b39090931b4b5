import type { SiteSettings } from '../../protocol/types';

export interface SiteFilterProps {
  sites: SiteSettings[] | null;
  /** The chosen site's id; null for every site. */
  value: string | null;
  onChange(siteId: string | null): void;
}

/** "Site: All sites / Demo shop / …", shown only when there is more than one site to tell apart. */
export function SiteFilter({ sites, value, onChange }: SiteFilterProps) {
  if (!sites || sites.length < 2) return null;
  return (
    <label class="fb-filter site-filter">
      <span>Site</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value || null)}>
        <option value="">All sites</option>
        {sites.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The site names rows show when there are several sites, keyed by id; empty with one site. */
export function siteNames(sites: SiteSettings[] | null): Record<string, string> {
  return sites && sites.length > 1 ? Object.fromEntries(sites.map((s) => [s.id, s.name])) : {};
}
