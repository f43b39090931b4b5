import type { ContactSummary } from '../../protocol/contacts';
import { OlderButton } from '../app/older-button';
import { contactPath } from '../app/route';
import { inApp } from '../app/in-app';
import { fullDateTime, shortAgo } from '../format/time';

export interface ContactListProps {
  items: ContactSummary[];
  loaded: boolean;
  more: boolean;
  search: string;
  selectedId: string | null;
  now: number;
  siteNames: Record<string, string>;
  error: string | null;
  onSearch(text: string): void;
  onNavigate(href: string): void;
  onOlder(): Promise<void>;
}

/** ↓ and ↑ move between the rows' links, as in a list box; Tab still leaves the list. */
function moveFocus(e: KeyboardEvent) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const links = [...(e.currentTarget as HTMLElement).querySelectorAll<HTMLAnchorElement>('a')];
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next = links[Math.min(links.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)))];
  if (!next) return;
  e.preventDefault();
  next.focus();
}

/** The Contacts list: a search by name, email or phone, and the people last seen first. */
export function ContactList({
  items,
  loaded,
  more,
  search,
  selectedId,
  now,
  siteNames,
  error,
  onSearch,
  onNavigate,
  onOlder,
}: ContactListProps) {
  return (
    <nav class="inbox contact-list" aria-labelledby="contacts-title">
      <div class="inbox-head">
        <h2 id="contacts-title">Contacts</h2>
        <input
          type="search"
          class="contact-search"
          aria-label="Search contacts by name, email or phone"
          placeholder="Name, email or phone"
          value={search}
          onInput={(e) => onSearch(e.currentTarget.value)}
        />
      </div>
      <div class="inbox-body">
        {error ? (
          <p class="inbox-empty" role="alert">
            {error}
          </p>
        ) : !loaded ? (
          <p class="inbox-empty" role="status">
            Loading contacts…
          </p>
        ) : items.length === 0 ? (
          <p class="inbox-empty" role="status">
            {search ? 'No contact matches this search.' : 'No contacts yet. Every visitor becomes one.'}
          </p>
        ) : (
          <ul class="inbox-list" aria-label="Contacts, last seen first" onKeyDown={moveFocus}>
            {items.map((c) => (
              <li key={c.id} class="contact-row">
                <a
                  href={contactPath(c.id)}
                  aria-current={c.id === selectedId ? 'page' : undefined}
                  onClick={inApp(() => onNavigate(contactPath(c.id)))}
                >
                  <span class="row-top">
                    <span class="row-name">{c.name ?? c.email ?? c.phone ?? 'Anonymous visitor'}</span>
                    {c.verified && <span class="badge badge-open">verified</span>}
                    <time class="row-time" dateTime={c.lastSeenAt} title={fullDateTime(c.lastSeenAt)}>
                      {shortAgo(c.lastSeenAt, now)}
                    </time>
                  </span>
                  <span class="row-preview">{[c.email, c.phone].filter(Boolean).join(' · ') || 'No email or phone'}</span>
                  <span class="row-bottom">
                    <span>{c.visitorCount === 1 ? '1 browser' : `${c.visitorCount} browsers`}</span>
                    {siteNames[c.siteId] && <span class="row-site">{siteNames[c.siteId]}</span>}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        )}
        {loaded && more && <OlderButton label="Show more contacts" busyLabel="Loading more contacts…" onOlder={onOlder} />}
      </div>
    </nav>
  );
}
