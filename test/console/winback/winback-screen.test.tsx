// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { WinBackApi, WinBackItem } from '../../../console/net/winback-api';
import { WinBackScreen } from '../../../console/winback/winback-screen';
import { SectionNav } from '../../../console/app/section-nav';
import { ContactPrivacy } from '../../../console/winback/privacy-actions';

afterEach(cleanup);

const eve = (): WinBackItem => ({
  contactId: 'ct_eve',
  siteId: 'demo',
  name: 'Eve <b>Unique</b>',
  email: 'eve@example.test',
  phone: '+420602987321',
  reasons: [
    { kind: 'callback_no_answer', at: '2026-12-05T10:00:00Z', ref: 'cb1' },
    { kind: 'complaint', at: '2026-12-04T10:00:00Z', ref: 'f1', rating: 1 },
    { kind: 'low_rating', at: '2026-12-04T10:00:00Z', ref: 'f1', rating: 1 },
  ],
  latestAt: '2026-12-05T10:00:00Z',
  status: 'open',
  assignedTo: null,
  followUp: null,
});

/** A Win back API over an in-memory list, like the server's: a settled contact leaves the list. */
function fakeApi(): WinBackApi & { calls: string[] } {
  let items = [eve()];
  const calls: string[] = [];
  const ok = { ok: true as const, data: null };
  return {
    calls,
    async list(wait) {
      calls.push(`list ${wait}`);
      return { ok: true, data: { items: items.map((i) => ({ ...i })), agents: [{ id: 'a1', name: 'Ann' }] } };
    },
    async count() {
      return { ok: true, data: items.length };
    },
    async change(id, c) {
      calls.push(`change ${id} ${JSON.stringify(c)}`);
      if (c.status) items = items.filter((i) => i.contactId !== id);
      if (c.assignTo !== undefined) items = items.map((i) => ({ ...i, assignedTo: c.assignTo ? { id: 'a1', name: 'Ann' } : null }));
      return ok;
    },
    async callBack(id) {
      calls.push(`callback ${id}`);
      return ok;
    },
    async email(id, subject, text) {
      calls.push(`email ${id} ${subject} ${text}`);
      return { ok: false, code: 'email_not_configured', message: 'Email is not configured on this server (set SMTP_URL).' };
    },
    async erase(id) {
      calls.push(`erase ${id}`);
      items = items.filter((i) => i.contactId !== id);
      return ok;
    },
    async audit() {
      return { ok: true, data: [] };
    },
  };
}

describe('Win back', () => {
  it('lists a contact with every reason, their name as text, and assigns, calls back and settles them', async () => {
    const api = fakeApi();
    let changed = 0;
    render(<WinBackScreen api={api} isAdmin={false} onChanged={() => changed++} />);
    const card = await screen.findByRole('listitem', { name: 'Eve <b>Unique</b>' });
    const reasons = within(card).getByRole('list', { name: 'Why Eve <b>Unique</b> is unhappy' });
    expect(within(reasons).getAllByRole('listitem')).toHaveLength(3);
    expect(reasons.textContent).toContain('Called back, no answer');
    expect(reasons.textContent).toContain('Complained');
    expect(reasons.textContent).toContain('Rated 1 of 5');
    // Only admins export or erase.
    expect(within(card).queryByRole('button', { name: 'Erase…' })).toBeNull();

    fireEvent.change(within(card).getByRole('combobox', { name: 'Assigned to' }), { target: { value: 'a1' } });
    expect(await screen.findByText('Eve <b>Unique</b> is assigned.')).toBeTruthy();
    fireEvent.click(within(screen.getByRole('listitem', { name: 'Eve <b>Unique</b>' })).getByRole('button', { name: 'Call back' }));
    expect(await screen.findByText('A call back task for Eve <b>Unique</b> is in the queue.')).toBeTruthy();
    fireEvent.click(within(screen.getByRole('listitem', { name: 'Eve <b>Unique</b>' })).getByRole('button', { name: 'Won back' }));
    expect(await screen.findByText('Nobody to win back right now.')).toBeTruthy();
    expect(api.calls).toEqual([
      'list 5',
      'change ct_eve {"assignTo":"a1"}',
      'list 5',
      'callback ct_eve',
      'list 5',
      'change ct_eve {"status":"won"}',
      'list 5',
    ]);
    expect(changed).toBe(3);
  });

  it("writes the owner's email and shows the server's refusal; admins erase after confirming", async () => {
    const api = fakeApi();
    render(<WinBackScreen api={api} isAdmin onChanged={() => undefined} />);
    const card = await screen.findByRole('listitem', { name: 'Eve <b>Unique</b>' });
    fireEvent.click(within(card).getByRole('button', { name: 'Email…' }));
    const form = within(card).getByRole('form', { name: 'Email Eve <b>Unique</b>' });
    fireEvent.input(within(form).getByRole('textbox', { name: 'Subject' }), { target: { value: 'Sorry' } });
    fireEvent.input(within(form).getByRole('textbox', { name: 'Message' }), { target: { value: 'Code SORRY20' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Send email' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Email is not configured');
    expect(api.calls).toContain('email ct_eve Sorry Code SORRY20');

    expect(within(card).getByRole('link', { name: "Export Eve <b>Unique</b>'s data" }).getAttribute('href')).toBe(
      '/api/privacy/contacts/ct_eve/export',
    );
    fireEvent.click(within(card).getByRole('button', { name: 'Erase…' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Erase Eve <b>Unique</b>' }));
    expect(await screen.findByText("Eve <b>Unique</b>'s data is erased.")).toBeTruthy();
    expect(api.calls).toContain('erase ct_eve');
  });

  it('shows the count beside Win back in the nav, described as to win back', () => {
    render(
      <SectionNav
        section="winback"
        conversationsHref="/console/"
        callbacks={{ open: 0, overdue: 0 }}
        newFeedback={0}
        winBack={2}
        onNavigate={() => undefined}
      />,
    );
    const link = screen.getByRole('link', { name: 'Win back' });
    expect(link.getAttribute('aria-current')).toBe('page');
    expect(link.getAttribute('aria-describedby')).toBe('winback-count');
    expect(document.getElementById('winback-count')?.textContent).toBe('2 to win back');
  });

  it("lets an admin export and read a contact's data from the contact view, and erase it only after confirming", async () => {
    const api = fakeApi();
    let erased = 0;
    const failing: WinBackApi = { ...api, erase: async () => ({ ok: false, code: 'contact_erased', message: 'This contact was erased.' }) };
    const { unmount } = render(<ContactPrivacy api={failing} contactId="ct_eve" who="Eve" onErased={() => erased++} />);
    const privacy = screen.getByRole('region', { name: 'Privacy' });
    expect(within(privacy).getByRole('link', { name: "Read Eve's data" }).getAttribute('href')).toBe(
      '/api/privacy/contacts/ct_eve/export?format=html',
    );
    expect(within(privacy).queryByRole('button', { name: 'Erase Eve' })).toBeNull();
    fireEvent.click(within(privacy).getByRole('button', { name: 'Erase…' }));
    fireEvent.click(within(privacy).getByRole('button', { name: 'Erase Eve' }));
    expect((await screen.findByRole('alert')).textContent).toBe('This contact was erased.');
    expect(erased).toBe(0);
    unmount();
    render(<ContactPrivacy api={api} contactId="ct_eve" who="Eve" onErased={() => erased++} />);
    fireEvent.click(screen.getByRole('button', { name: 'Erase…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Erase Eve' }));
    await waitFor(() => expect(erased).toBe(1));
    expect(api.calls).toEqual(['erase ct_eve']);
  });
});
