// @vitest-environment happy-dom
// @vitest-environment-options { "url": "http://localhost/console/contacts" }
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContactDetail, ContactSummary } from '../../../protocol/contacts';
import { ContactsScreen } from '../../../console/contacts/contacts-screen';
import type { ContactCommands } from '../../../console/net/contact-commands';

afterEach(cleanup);

const T = '2026-12-06T10:00:00.000Z';
const summary = (id: string, over: Partial<ContactSummary> = {}): ContactSummary => ({
  id,
  siteId: 'demo',
  name: null,
  email: null,
  phone: null,
  externalId: null,
  emailVerified: false,
  verified: false,
  visitorCount: 1,
  lastSeenAt: T,
  createdAt: T,
  ...over,
});
const ana: ContactDetail = {
  ...summary('c1', { name: 'Ana', email: 'ana@example.test', externalId: 'user-42', verified: true, visitorCount: 2 }),
  attributes: { plan: 'pro', seats: 3 },
  notes: null,
  visitors: [
    { id: 'v1', displayName: 'Ana', verified: true, pageUrl: null, pageTitle: null, lastSeenAt: T },
    { id: 'v2', displayName: 'Calm Otter', verified: true, pageUrl: null, pageTitle: null, lastSeenAt: T },
  ],
  timeline: [
    { kind: 'feedback', at: T, id: 'f1', rating: 2, category: 'complaint', text: '<img src=x onerror=alert(1)>late' },
    { kind: 'callback', at: T, id: 'b1', status: 'waiting', phone: '+420602123456', topic: null },
    { kind: 'conversation', at: T, id: 'k1', status: 'open', preview: 'Where is my parcel?', visitorId: 'v1' },
  ],
  pages: [{ url: 'https://shop.test/cart', title: 'Cart' }],
  ratings: [{ at: T, rating: 2, source: 'feedback' }],
  suggestions: [{ contact: summary('c2', { name: 'Claimer', email: 'ana@example.test' }), email: 'ana@example.test', phone: null }],
  lastMerge: null,
};
const ok = <T,>(data: T) => Promise.resolve({ ok: true as const, data });

function commands(over: Partial<ContactCommands> = {}): ContactCommands {
  return {
    list: vi.fn(() =>
      ok([summary('c1', { name: 'Ana', email: 'ana@example.test', verified: true }), summary('c3', { phone: '+420777000111' })]),
    ),
    get: vi.fn(() => ok(ana)),
    merge: vi.fn(() =>
      ok({ ...ana, visitorCount: 3, suggestions: [], lastMerge: { id: 'm1', fromId: 'c2', reason: 'agent' as const, createdAt: T } }),
    ),
    undoMerge: vi.fn(() => ok(ana)),
    split: vi.fn(() =>
      Promise.resolve({ ok: false as const, code: 'invalid_payload' as const, message: 'This is the contact’s only browser.' }),
    ),
    saveNotes: vi.fn(() => ok({ ...ana, notes: 'Call after 5' })),
    ...over,
  };
}

describe('ContactsScreen', () => {
  it('lists contacts, searches as the agent types, and moves through the rows with the arrow keys', async () => {
    const contacts = commands();
    const onNavigate = vi.fn();
    render(<ContactsScreen client={{ contacts }} contactId={null} sites={null} onNavigate={onNavigate} />);
    const list = await screen.findByRole('list', { name: 'Contacts, last seen first' });
    const links = within(list).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual([expect.stringContaining('Ana'), expect.stringContaining('+420777000111')]);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search contacts by name, email or phone' }), { target: { value: 'ana' } });
    await waitFor(() => expect(contacts.list).toHaveBeenLastCalledWith({ search: 'ana' }));
    links[0]!.focus();
    fireEvent.keyDown(links[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(within(list).getAllByRole('link')[1]);
    fireEvent.click(within(list).getAllByRole('link')[0]!);
    expect(onNavigate).toHaveBeenCalledWith('/console/contacts/c1');
  });

  it('shows one timeline as text, attributes and suggestions; merges, and says why a split is refused', async () => {
    const contacts = commands();
    render(<ContactsScreen client={{ contacts }} contactId="c1" sites={null} onNavigate={vi.fn()} />);
    const view = await screen.findByRole('main', { name: 'Ana' });
    const timeline = within(view).getByRole('list', { name: 'Timeline, newest first' });
    expect(within(timeline).getAllByRole('listitem')).toHaveLength(3);
    expect(within(timeline).getByText('<img src=x onerror=alert(1)>late')).toBeTruthy();
    expect(view.querySelector('img')).toBeNull();
    expect(within(view).getByText('plan').closest('.facts-row')?.textContent).toContain('pro');
    fireEvent.click(within(view).getByRole('button', { name: 'Merge Claimer into this contact' }));
    expect(contacts.merge).toHaveBeenCalledWith('c2', 'c1');
    await within(view).findByRole('button', { name: 'Undo last merge' });
    fireEvent.click(within(view).getByRole('button', { name: 'Split Calm Otter off' }));
    expect((await within(view).findByRole('alert')).textContent).toBe('This is the contact’s only browser.');
    expect(contacts.split).toHaveBeenCalledWith('v2');
  });
});
