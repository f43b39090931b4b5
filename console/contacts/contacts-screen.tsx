import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ContactDetail, ContactSummary } from '../../protocol/contacts';
import type { SiteSettings } from '../../protocol/types';
import { EmptyDetail } from '../app/detail-parts';
import { siteNames } from '../app/site-filter';
import { useNow } from '../app/use-store';
import type { AgentClient } from '../net/agent-client';
import type { Result } from '../net/agent-socket';
import { ContactList } from './contact-list';
import { ContactView } from './contact-view';

export interface ContactsScreenProps {
  client: Pick<AgentClient, 'contacts'>;
  /** The contact the URL names, or null for the list alone. */
  contactId: string | null;
  sites: SiteSettings[] | null;
  onNavigate(href: string): void;
  /** The admins' export and erase of the open contact. */
  privacy?: (contact: ContactDetail) => ComponentChildren;
}

const PAGE = 50;

/** Connector of the Contacts section: the searchable list and the open contact. */
export function ContactsScreen({ client, contactId, sites, onNavigate, privacy }: ContactsScreenProps) {
  const now = useNow();
  const [search, setSearch] = useState('');
  const [list, setList] = useState<{ items: ContactSummary[]; loaded: boolean; more: boolean; error: string | null }>({
    items: [],
    loaded: false,
    more: false,
    error: null,
  });
  const [open, setOpen] = useState<{ detail: ContactDetail | null; error: string | null }>({ detail: null, error: null });
  const [action, setAction] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const asked = useRef(0);

  const load = useCallback(
    async (text: string) => {
      const n = ++asked.current;
      const r = await client.contacts.list({ search: text.trim() || undefined });
      // A newer search was typed meanwhile: its answer is the one to show.
      if (n !== asked.current) return;
      setList(
        r.ok
          ? { items: r.data, loaded: true, more: r.data.length === PAGE, error: null }
          : { items: [], loaded: true, more: false, error: r.message },
      );
    },
    [client],
  );
  const older = async () => {
    const last = list.items.at(-1);
    if (!last) return;
    const r = await client.contacts.list({ search: search.trim() || undefined, before: { lastSeenAt: last.lastSeenAt, id: last.id } });
    if (r.ok) setList((l) => ({ ...l, items: [...l.items, ...r.data], more: r.data.length === PAGE }));
  };
  useEffect(() => void load(search), [search, load]);
  useEffect(() => {
    setAction({ busy: false, error: null });
    setOpen({ detail: null, error: null });
    if (!contactId) return;
    void client.contacts.get(contactId).then((r) => setOpen(r.ok ? { detail: r.data, error: null } : { detail: null, error: r.message }));
  }, [contactId, client]);

  const run = async (call: Promise<Result<ContactDetail>>) => {
    setAction({ busy: true, error: null });
    const r = await call;
    setAction({ busy: false, error: r.ok ? null : r.message });
    if (!r.ok) return;
    setOpen({ detail: r.data, error: null });
    void load(search);
  };

  const detail = open.detail && open.detail.id === contactId ? open.detail : null;
  return (
    <div class={`panes${contactId ? ' has-open' : ''}`}>
      <div class="inbox-pane">
        <ContactList
          items={list.items}
          loaded={list.loaded}
          more={list.more}
          search={search}
          selectedId={contactId}
          now={now}
          siteNames={siteNames(sites)}
          error={list.error}
          onSearch={setSearch}
          onNavigate={onNavigate}
          onOlder={older}
        />
      </div>
      {!contactId ? (
        <EmptyDetail
          id="contact-empty-title"
          title="Pick a contact"
          message="Choose a person to see everything they did, on every channel."
        />
      ) : detail ? (
        <ContactView
          contact={detail}
          busy={action.busy}
          error={action.error}
          onMerge={(fromId) => void run(client.contacts.merge(fromId, detail.id))}
          onUndo={() => void run(client.contacts.undoMerge(detail.id))}
          onSplit={(visitorId) => void run(client.contacts.split(visitorId))}
          onSaveNotes={(notes) => void run(client.contacts.saveNotes(detail.id, notes))}
          onNavigate={onNavigate}
          privacy={privacy?.(detail)}
        />
      ) : open.error ? (
        <EmptyDetail id="contact-empty-title" title="Cannot show this contact" message={open.error} error />
      ) : (
        <EmptyDetail id="contact-empty-title" title="Contact" message="Loading the contact…" />
      )}
    </div>
  );
}
