// @vitest-environment happy-dom
// @vitest-environment-options { "url": "http://localhost/console/" }
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Agent, SiteHoursState, SiteSettings } from '../../../protocol/types';
import { FakeSocket, row } from '../fake-socket';
import { renderSignedIn } from '../signed-in-app';
import { site } from '../settings/fixtures';
import { item } from '../feedback/fixtures';
import { callback } from '../callbacks/fixtures';
import { refusal, texts } from '../../helpers/texts';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/console/');
});

const admin: Agent = { id: 'a1', email: 'admin@example.com', name: 'Ada', role: 'admin' };
const agentOnly: Agent = { id: 'a2', email: 'petr@example.com', name: 'Petr', role: 'agent' };
const shop = site({ id: 'shop', name: 'Corner shop', hoursEnabled: false, allowedOrigins: [] });

/** The console at `path`, signed in as `agent`, with the server holding `sites`. */
async function openConsole(
  path: string,
  agent: Agent = admin,
  sites: SiteSettings[] = [site()],
  hours: SiteHoursState[] = [],
  publicUrl: string | null = null,
) {
  const socket = new FakeSocket();
  socket.answer('site:list', () => ({ ok: true, data: sites }));
  socket.answer('site:hours', () => ({ ok: true, data: hours }));
  socket.answer('server:status', () => ({ ok: true, data: { emailConfigured: false, publicUrl } }));
  const { store } = await renderSignedIn(agent, socket, { path, connect: false });
  return { store, socket };
}

/** An admin's settings, connected, with the New site form open. */
async function newSiteForm() {
  const { socket } = await openConsole('/console/settings');
  socket.serverConnect();
  fireEvent.click(await screen.findByRole('button', { name: 'New site' }));
  return { socket, form: within(screen.getByRole('form', { name: 'New site' })) };
}

describe('sites in the console settings', () => {
  it('creates a site from its name, suggesting the id, and shows its settings', async () => {
    const { socket, form } = await newSiteForm();
    fireEvent.input(form.getByRole('textbox', { name: 'Name' }), { target: { value: 'Corner Shop!' } });
    expect(form.getByRole<HTMLInputElement>('textbox', { name: 'Site id' }).value).toBe('corner-shop');
    socket.answer('site:create', (p) => ({ ok: true, data: { ...shop, id: p.id, name: p.name } }));
    const sent = socket.nextRequest('site:create');
    fireEvent.click(form.getByRole('button', { name: 'Create site' }));
    expect(await sent).toEqual({ id: 'corner-shop', name: 'Corner Shop!' });
    await waitFor(() => expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Site' }).value).toBe('corner-shop'));
    expect(screen.queryByRole('form', { name: 'New site' })).toBeNull();
    expect(screen.getByText('Open whenever an agent is online and not away.')).toBeTruthy();
  });

  it("shows the server's refusal of a taken id beside the id field", async () => {
    const { socket, form } = await newSiteForm();
    fireEvent.input(form.getByRole('textbox', { name: 'Site id' }), { target: { value: 'demo' } });
    socket.answer('site:create', () => refusal('site_exists', 'There is a site "demo" already. Choose another id.', 'id'));
    fireEvent.click(form.getByRole('button', { name: 'Create site' }));
    const id = form.getByRole('textbox', { name: 'Site id' });
    await waitFor(() => expect(id.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(id.getAttribute('aria-describedby')!)!.textContent).toBe(
      'There is a site "demo" already. Choose another id.',
    );
  });

  it('shows the install snippet for the chosen site, based on PUBLIC_URL, and copies it', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { socket } = await openConsole('/console/settings', admin, [site(), shop], [], 'https://chat.example.com');
    socket.serverConnect();
    const select = await screen.findByRole('combobox', { name: 'Site' });
    fireEvent.change(select, { target: { value: 'shop' } });
    const snippet = await screen.findByRole('textbox', { name: 'Install snippet' });
    await waitFor(() =>
      expect((snippet as HTMLTextAreaElement).value).toBe(
        '<script src="https://chat.example.com/earshot.js" data-site="shop" async></script>',
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Copy snippet' }));
    expect(await screen.findByText('Copied')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith('<script src="https://chat.example.com/earshot.js" data-site="shop" async></script>');
  });

  it('selects the snippet for copying by hand when the clipboard is refused', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      value: {
        writeText: async () => {
          throw new Error('denied');
        },
      },
      configurable: true,
    });
    const { socket } = await openConsole('/console/settings');
    socket.serverConnect();
    const snippet = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Install snippet' });
    expect(snippet.value).toBe('<script src="http://localhost/earshot.js" data-site="demo" async></script>');
    fireEvent.click(screen.getByRole('button', { name: 'Copy snippet' }));
    expect(await screen.findByText(/press Ctrl\+C/)).toBeTruthy();
    expect(document.activeElement).toBe(snippet);
  });

  it('asks before deleting a site, saying what goes with it, then deletes it', async () => {
    const { socket } = await openConsole('/console/settings', admin, [site(), shop]);
    socket.serverConnect();
    fireEvent.change(await screen.findByRole('combobox', { name: 'Site' }), { target: { value: 'shop' } });
    socket.answer('site:contents', () => ({ ok: true, data: { conversations: 3, callbacks: 1, feedback: 0, visitors: 5 } }));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Corner shop…' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete Corner shop for good?' });
    expect(dialog.textContent).toContain('3 conversations, 1 call back request, 0 pieces of feedback and 5 visitors');
    expect(socket.requests.some((r) => r.event === 'site:delete')).toBe(false);
    socket.answer('site:delete', () => ({ ok: true, data: { conversations: 3, callbacks: 1, feedback: 0, visitors: 5 } }));
    const sent = socket.nextRequest('site:delete');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete Corner shop and all of it' }));
    expect(await sent).toEqual({ siteId: 'shop' });
    // One site left: no site picker any more.
    await waitFor(() => expect(screen.queryByRole('combobox', { name: 'Site' })).toBeNull());
  });

  it('keeps the site when the admin says so', async () => {
    const { socket } = await openConsole('/console/settings', admin, [site(), shop]);
    socket.serverConnect();
    socket.answer('site:contents', () => ({ ok: true, data: { conversations: 0, callbacks: 0, feedback: 0, visitors: 0 } }));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Demo shop…' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Keep the site' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(socket.requests.some((r) => r.event === 'site:delete')).toBe(false);
    // The button the question replaced takes the focus back, instead of the page.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete Demo shop…' })));
  });

  it('offers agents neither creating nor deleting sites', async () => {
    const { socket } = await openConsole('/console/settings', agentOnly, [site(), shop]);
    socket.serverConnect();
    await screen.findByRole('form', { name: 'Site settings' });
    expect(screen.queryByRole('button', { name: 'New site' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Delete / })).toBeNull();
  });

  it('renames a site and turns opening hours on, sending only those fields', async () => {
    const { socket } = await openConsole('/console/settings', admin, [shop]);
    socket.serverConnect();
    const form = within(await screen.findByRole('form', { name: 'Site settings' }));
    expect(form.queryByRole('group', { name: 'Monday' })).toBeNull();
    fireEvent.input(form.getByRole('textbox', { name: 'Name' }), { target: { value: 'The corner shop' } });
    fireEvent.click(form.getByRole('checkbox', { name: 'Use opening hours' }));
    expect(form.getByRole('group', { name: 'Monday' })).toBeTruthy();
    socket.answer('site:update', (p) => ({ ok: true, data: { ...shop, ...p, id: 'shop' } }));
    const sent = socket.nextRequest('site:update');
    fireEvent.click(form.getByRole('button', { name: 'Save settings' }));
    expect(await sent).toEqual({ siteId: 'shop', name: 'The corner shop', hoursEnabled: true });
  });

  it('says beside the time zone when a zone is not one it knows', async () => {
    const { socket } = await openConsole('/console/settings', admin, [site()]);
    socket.serverConnect();
    const form = within(await screen.findByRole('form', { name: 'Site settings' }));
    const zone = form.getByRole('combobox', { name: 'Time zone' });
    expect(document.getElementById('set-zones')!.querySelector('option[value="Europe/Prague"]')).not.toBeNull();
    fireEvent.input(zone, { target: { value: 'Mars/Olympus' } });
    expect(zone.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(zone.getAttribute('aria-describedby')!)!.textContent).toContain('Not a time zone');
    fireEvent.input(zone, { target: { value: 'Asia/Yerevan' } });
    expect(zone.getAttribute('aria-invalid')).toBeNull();
    expect(document.getElementById(zone.getAttribute('aria-describedby')!)!.textContent).toMatch(/^\d\d:\d\d there now$/);
  });
});

describe('a site closed by its opening hours', () => {
  const closed: SiteHoursState[] = [{ siteId: 'demo', openNow: false, nextOpening: '2026-12-08T07:00:00.000Z' }];

  it('says so next to "You are online", with the next opening, and clears when the hours begin', async () => {
    const { socket } = await openConsole('/console/', admin, [site({ hours: { ...site().hours, timezone: 'Europe/Prague' } })], closed);
    socket.answer('agent:presence', () => ({ ok: true, data: [{ id: 'a1', name: 'Ada', online: true, away: false }] }));
    socket.answer('conversation:list', () => ({ ok: true, data: [] }));
    socket.serverConnect();
    const own = Intl.DateTimeFormat().resolvedOptions().timeZone === 'Europe/Prague' ? '' : ' Europe/Prague time';
    expect(await screen.findByText(`Demo shop is closed by its opening hours (opens 08:00 Tue${own})`)).toBeTruthy();
    expect(screen.getByText('You are online')).toBeTruthy();
    socket.push('site:hours', [{ siteId: 'demo', openNow: true, nextOpening: null }]);
    await waitFor(() => expect(screen.queryByText(/closed by its opening hours/)).toBeNull());
  });
});

describe('filtering by site', () => {
  it('shows a site filter in the inbox only with several sites, and each row names its site', async () => {
    const { socket } = await openConsole('/console/', admin, [site(), shop]);
    socket.answer('conversation:list', () => ({
      ok: true,
      data: [
        row('c1', { siteId: 'demo', siteName: 'Demo shop', visitorName: 'Ann' }),
        row('c2', { siteId: 'shop', siteName: 'Corner shop', visitorName: 'Bob' }),
      ],
    }));
    socket.serverConnect();
    const inbox = within(await screen.findByRole('navigation', { name: 'Inbox' }));
    const list = await inbox.findByRole('list', { name: 'Conversations' });
    await waitFor(() => expect(within(list).getAllByRole('link')).toHaveLength(2));
    expect(within(list).getByRole('link', { name: /Bob/ }).textContent).toContain('Corner shop');
    fireEvent.change(inbox.getByRole('combobox', { name: 'Site' }), { target: { value: 'shop' } });
    await waitFor(() => expect(texts(within(list).getAllByRole('link'))).toEqual([expect.stringContaining('Bob')]));
  });

  it('has no site filter with one site, and rows do not repeat its name', async () => {
    const { socket } = await openConsole('/console/', admin, [site()]);
    socket.answer('conversation:list', () => ({
      ok: true,
      data: [row('c1', { siteId: 'demo', siteName: 'Demo shop', visitorName: 'Ann' })],
    }));
    socket.serverConnect();
    const inbox = within(await screen.findByRole('navigation', { name: 'Inbox' }));
    const link = await inbox.findByRole('link', { name: /Ann/ });
    expect(inbox.queryByRole('combobox', { name: 'Site' })).toBeNull();
    expect(link.textContent).not.toContain('Demo shop');
  });

  it("filters the callback queue by site, naming each request's site", async () => {
    const { socket } = await openConsole('/console/callbacks', admin, [site(), shop]);
    socket.answer('callback:list', () => ({
      ok: true,
      data: [callback('cb1', { siteId: 'demo', visitorName: 'Ann' }), callback('cb2', { siteId: 'shop', visitorName: 'Bob' })],
    }));
    socket.serverConnect();
    const list = await screen.findByRole('list', { name: 'Call back requests' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    expect(within(list).getAllByRole('listitem')[1]!.textContent).toContain('Corner shop');
    fireEvent.change(screen.getByRole('combobox', { name: 'Site' }), { target: { value: 'demo' } });
    await waitFor(() => expect(texts(within(list).getAllByRole('listitem'))).toEqual([expect.stringContaining('Ann')]));
  });

  it("drops a deleted site's call back requests from the queue (and their count) at once", async () => {
    const { socket } = await openConsole('/console/callbacks', admin, [site(), shop]);
    let held = [callback('cb1', { siteId: 'demo', visitorName: 'Ann' }), callback('cb2', { siteId: 'shop', visitorName: 'Bob' })];
    socket.answer('callback:list', () => ({ ok: true, data: held }));
    socket.serverConnect();
    const list = await screen.findByRole('list', { name: 'Call back requests' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    held = held.filter((c) => c.siteId !== 'shop');
    socket.push('site:deleted', { siteId: 'shop' });
    await waitFor(() => expect(texts(within(list).getAllByRole('listitem'))).toEqual([expect.stringContaining('Ann')]));
  });

  it("asks the server for one site's feedback when the site filter is set", async () => {
    const { socket } = await openConsole('/console/feedback', admin, [site(), shop]);
    socket.answer('feedback:list', () => ({ ok: true, data: [item('f1', { siteId: 'shop' })] }));
    socket.serverConnect();
    const filters = within(await screen.findByRole('search', { name: 'Filter feedback' }));
    const sent = socket.nextRequest('feedback:list');
    fireEvent.change(filters.getByRole('combobox', { name: 'Site' }), { target: { value: 'shop' } });
    expect(await sent).toMatchObject({ siteId: 'shop' });
    expect((await screen.findByRole('link', { name: /text of f1/ })).textContent).toContain('Corner shop');
  });
});
