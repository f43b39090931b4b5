// @vitest-environment happy-dom
// @vitest-environment-options { "url": "http://localhost/console/" }
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Agent, SiteSettings } from '../../../protocol/types';
import { FakeSocket } from '../fake-socket';
import { renderSignedIn } from '../signed-in-app';
import { site } from './fixtures';
import { refusal } from '../../helpers/texts';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/console/');
});

const admin: Agent = { id: 'a1', email: 'admin@example.com', name: 'Ada', role: 'admin' };

/** Opens /console/settings signed in as `agent`, with the server holding `sites`. */
async function openSettings(agent: Agent = admin, sites: SiteSettings[] = [site()]) {
  const socket = new FakeSocket();
  socket.answer('site:list', () => ({ ok: true, data: sites }));
  const { store } = await renderSignedIn(agent, socket, { path: '/console/settings' });
  const form = await screen.findByRole('form', { name: 'Site settings' });
  return { store, socket, form: within(form) };
}

/** The text of what describes an input, as a screen reader reads it after the label. */
const description = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();

describe('console settings', () => {
  it('saves only what the admin changed', async () => {
    const { socket, form } = await openSettings();
    fireEvent.input(form.getByRole('textbox', { name: 'Greeting' }), { target: { value: 'Hello from the shop!' } });
    fireEvent.click(form.getByRole('checkbox', { name: 'Call back' }));
    const answer = within(form.getByRole('group', { name: 'Scripted answer 1' }));
    fireEvent.input(answer.getByRole('textbox', { name: 'Keywords' }), { target: { value: 'shipping, parcel' } });
    socket.answer('site:update', (p) => ({ ok: true, data: { ...site(), ...p, id: 'demo' } }));
    const sent = socket.nextRequest('site:update');
    fireEvent.click(form.getByRole('button', { name: 'Save settings' }));
    expect(await sent).toEqual({
      siteId: 'demo',
      greeting: 'Hello from the shop!',
      channels: { chat: true, callback: false, feedback: true },
      faqs: [{ id: 'shipping', question: 'How long does shipping take?', keywords: ['shipping', 'parcel'], answer: 'Two days.' }],
    });
    expect(await form.findByText('Settings saved.')).toBeTruthy();
  });

  it('sets how many days conversations are kept, and shows the server refusing a bad number beside the field', async () => {
    const { socket, form } = await openSettings();
    const keep = form.getByRole('spinbutton', { name: 'Keep conversations (days)' });
    expect((keep as HTMLInputElement).value).toBe('0');
    fireEvent.input(keep, { target: { value: '-3' } });
    socket.answer('site:update', () =>
      refusal('invalid_payload', 'keepConversationsDays must be 0 (keep) or more days', 'keepConversationsDays'),
    );
    const refused = socket.nextRequest('site:update');
    fireEvent.click(form.getByRole('button', { name: 'Save settings' }));
    expect(await refused).toEqual({ siteId: 'demo', keepConversationsDays: -3 });
    await waitFor(() => expect(description(keep)).toContain('Must be 0 (keep) or more days'));
    fireEvent.input(keep, { target: { value: '90' } });
    socket.answer('site:update', (p) => ({ ok: true, data: { ...site(), ...p, id: 'demo' } }));
    const sent = socket.nextRequest('site:update');
    fireEvent.click(form.getByRole('button', { name: 'Save settings' }));
    expect(await sent).toEqual({ siteId: 'demo', keepConversationsDays: 90 });
  });

  it("shows the server's field error beside that scripted answer's keywords", async () => {
    const { socket, form } = await openSettings(admin, [
      site({ faqs: [...site().faqs, { id: 'returns', question: 'Returns?', keywords: ['return'], answer: '30 days.' }] }),
    ]);
    const second = within(form.getByRole('group', { name: 'Scripted answer 2' }));
    fireEvent.input(second.getByRole('textbox', { name: 'Keywords' }), { target: { value: ' , ' } });
    socket.answer('site:update', () => refusal('invalid_payload', 'faqs.1.keywords needs at least one keyword', 'faqs.1.keywords'));
    fireEvent.click(form.getByRole('button', { name: 'Save settings' }));
    const keywords = second.getByRole('textbox', { name: 'Keywords' });
    await waitFor(() => expect(keywords.getAttribute('aria-invalid')).toBe('true'));
    expect(description(keywords)).toBe('Needs at least one keyword');
    const first = within(form.getByRole('group', { name: 'Scripted answer 1' })).getByRole('textbox', { name: 'Keywords' });
    expect(first.getAttribute('aria-invalid')).toBeNull();
    expect(form.getByRole('alert').textContent).toContain('Not saved');
    await waitFor(() => expect(document.activeElement).toBe(keywords));
  });

  it('puts an origin error on the origins field, naming the bad origin', async () => {
    const { socket, form } = await openSettings();
    const origins = form.getByRole('textbox', { name: /one origin a line/ });
    fireEvent.input(origins, { target: { value: 'https://shop.example\nshop.example/cart' } });
    socket.answer('site:update', () =>
      refusal('invalid_payload', 'allowedOrigins.1 must be an origin such as https://shop.example.com', 'allowedOrigins.1'),
    );
    fireEvent.click(form.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(description(origins)).toBe('shop.example/cart must be an origin such as https://shop.example.com'));
  });

  it('shows an error without a field as a form-level alert', async () => {
    const { socket, form } = await openSettings();
    fireEvent.input(form.getByRole('textbox', { name: 'Away message' }), { target: { value: 'Back soon' } });
    socket.answer('site:update', () => ({ ok: false, code: 'forbidden', message: 'Only admins can change site settings.' }));
    fireEvent.click(form.getByRole('button', { name: 'Save settings' }));
    expect((await form.findByRole('alert')).textContent).toBe('Only admins can change site settings.');
  });

  it("suggests more hours after the day's last ones, never overlapping them", async () => {
    const { form } = await openSettings();
    const tuesday = within(form.getByRole('group', { name: 'Tuesday' }));
    fireEvent.click(tuesday.getByRole('button', { name: 'Add hours on Tuesday' }));
    expect(tuesday.getByLabelText<HTMLInputElement>('Tuesday from (hours 2)').value).toBe('20:00');
    expect(tuesday.getByLabelText<HTMLInputElement>('Tuesday to (hours 2)').value).toBe('22:00');
  });

  it('edits business hours per weekday and sends them whole with the time zone', async () => {
    const { socket, form } = await openSettings();
    fireEvent.input(form.getByRole('combobox', { name: 'Time zone' }), { target: { value: 'Asia/Yerevan' } });
    const saturday = within(form.getByRole('group', { name: 'Saturday' }));
    fireEvent.click(saturday.getByRole('button', { name: 'Add hours on Saturday' }));
    fireEvent.input(saturday.getByLabelText('Saturday to'), { target: { value: '12:30' } });
    const monday = within(form.getByRole('group', { name: 'Monday' }));
    fireEvent.click(monday.getByRole('button', { name: 'Remove Monday hours 1' }));
    socket.answer('site:update', (p) => ({ ok: true, data: { ...site(), ...p, id: 'demo' } }));
    const sent = socket.nextRequest('site:update');
    fireEvent.click(form.getByRole('button', { name: 'Save settings' }));
    const hours = (await sent).hours!;
    expect(hours.timezone).toBe('Asia/Yerevan');
    expect(hours.weekly.sat).toEqual([{ from: '09:00', to: '12:30' }]);
    expect(hours.weekly.mon).toEqual([]);
    expect(hours.weekly.tue).toEqual([{ from: '08:00', to: '20:00' }]);
  });

  it('lets an agent who is not an admin read the settings but not change them', async () => {
    const { form } = await openSettings({ ...admin, role: 'agent' });
    expect(screen.getByText(/Only admins can change site settings/)).toBeTruthy();
    expect(form.getByRole<HTMLTextAreaElement>('textbox', { name: 'Greeting' }).value).toBe('Hi there!');
    expect(form.getByRole('textbox', { name: 'Greeting' }).closest('fieldset[disabled]')).toBeTruthy();
    expect(form.queryByRole('button', { name: 'Save settings' })).toBeNull();
    expect(screen.queryByText('API tokens')).toBeNull();
  });

  it('shows admins the API tokens section, closed until they open it', async () => {
    await openSettings();
    expect(screen.getByText('API tokens').closest('details')?.open).toBe(false);
  });

  it('follows site:updated while the form is untouched', async () => {
    const { socket, form } = await openSettings();
    socket.push('site:updated', site({ greeting: 'Changed by Ben' }));
    await waitFor(() => expect(form.getByRole<HTMLTextAreaElement>('textbox', { name: 'Greeting' }).value).toBe('Changed by Ben'));
  });
});
