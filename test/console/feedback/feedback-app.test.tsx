// @vitest-environment happy-dom
// @vitest-environment-options { "url": "http://localhost/console/" }
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FeedbackItem } from '../../../protocol/types';
import { FEEDBACK_PAGE } from '../../../console/net/feedback-commands';
import type { DesktopAlerts } from '../../../console/net/desktop-alerts';
import { fakeDesktop } from '../fake-desktop';
import { FakeSocket, row } from '../fake-socket';
import { renderSignedIn } from '../signed-in-app';
import { item, reply, serveFeedback } from './fixtures';
import { refusal } from '../../helpers/texts';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/console/');
  // The outbox saves unsent replies there; each test starts with none.
  localStorage.clear();
});

const agent = { id: 'a1', email: 'alex@example.com', name: 'Alex', role: 'agent' as const };

/** Signs in at `path`, with a fake server holding `all` feedback, and connects. */
async function signedIn(all: FeedbackItem[], opts: { path?: string; emailConfigured?: boolean; desktop?: DesktopAlerts } = {}) {
  const socket = new FakeSocket();
  socket.answer('conversation:list', () => ({ ok: true, data: [row('c', { visitorName: 'Amber Marten' })] }));
  serveFeedback(socket, all, { emailConfigured: opts.emailConfigured, replies: { a: [] } });
  const { store, desktop } = await renderSignedIn(agent, socket, { path: opts.path ?? '/console/', desktop: opts.desktop });
  return { store, socket, desktop };
}

const sections = () => screen.getByRole('navigation', { name: 'Sections' });
const feedbackRows = () => within(screen.getByRole('list', { name: 'Feedback items' })).getAllByRole('link');

describe('console feedback section', () => {
  it('opens from the Feedback link, which carries the count of new feedback', async () => {
    await signedIn([item('a'), item('b', { rating: 5, category: 'praise' }), item('c', { status: 'answered' })]);
    const link = within(sections()).getByRole('link', { name: 'Feedback' });
    await waitFor(() => expect(link.getAttribute('aria-describedby')).toBe('feedback-new-count'));
    expect(document.getElementById('feedback-new-count')!.textContent).toBe('2 new');
    fireEvent.click(link);
    expect(location.pathname).toBe('/console/feedback');
    expect(await screen.findByRole('heading', { name: 'Feedback' })).toBeTruthy();
    expect(link.getAttribute('aria-current')).toBe('page');
    await waitFor(() => expect(feedbackRows()).toHaveLength(2));
  });

  it('counts all new feedback on the Feedback link, past the page the console loaded, and follows the server', async () => {
    const many = Array.from({ length: FEEDBACK_PAGE + 50 }, (_, i) => item(`n${i}`));
    const { socket } = await signedIn(many);
    await waitFor(() => expect(document.getElementById('feedback-new-count')?.textContent).toBe(`${FEEDBACK_PAGE + 50} new`));
    socket.push('feedback:newCount', 0);
    await waitFor(() => expect(document.getElementById('feedback-new-count')).toBeNull());
  });

  it('hides a rating of 4 under the Unhappy filter and asks the server for unhappy only', async () => {
    const { socket } = await signedIn(
      [item('low', { rating: 1, text: 'Broken' }), item('ok', { rating: 4, category: 'idea', text: 'Nice' })],
      { path: '/console/feedback' },
    );
    await waitFor(() => expect(feedbackRows()).toHaveLength(2));
    const asked = socket.nextRequest('feedback:list');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Unhappy' }));
    expect(await asked).toMatchObject({ unhappy: true });
    expect(feedbackRows().map((a) => a.textContent)).toEqual([expect.stringContaining('Broken')]);
  });

  it('shows older feedback on request, asking for the page after the last one loaded', async () => {
    // One more page than fits, answered, plus an ancient new item the first view (new feedback) brought in:
    // the next page starts after the first page's last item, not after that ancient one.
    const minute = (i: number) => new Date(Date.UTC(2025, 0, 2, 12) - i * 60_000).toISOString();
    const answered = Array.from({ length: FEEDBACK_PAGE + 5 }, (_, i) =>
      item(`f${String(i).padStart(3, '0')}`, { status: 'answered', createdAt: minute(i), updatedAt: minute(i) }),
    );
    const ancient = item('ancient', { createdAt: '2024-01-01T10:00:00.000Z', updatedAt: '2024-01-01T10:00:00.000Z' });
    const { socket } = await signedIn([...answered, ancient], { path: '/console/feedback' });
    await waitFor(() => expect(feedbackRows()).toHaveLength(1));
    expect(screen.queryByRole('button', { name: 'Show older feedback' })).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'all' } });
    const older = await screen.findByRole('button', { name: 'Show older feedback' });
    expect(feedbackRows()).toHaveLength(FEEDBACK_PAGE + 1);
    const asked = socket.nextRequest('feedback:list');
    fireEvent.click(older);
    const last = answered[FEEDBACK_PAGE - 1]!;
    expect(await asked).toEqual({ status: 'all', limit: FEEDBACK_PAGE, before: { createdAt: last.createdAt, id: last.id } });
    await waitFor(() => expect(screen.queryByRole('button', { name: /older feedback/ })).toBeNull());
    const rows = feedbackRows();
    expect(rows).toHaveLength(FEEDBACK_PAGE + 6);
    expect(rows.at(-2)!.textContent).toContain(`text of f${FEEDBACK_PAGE + 4}`);
    expect(rows.at(-1)!.textContent).toContain('text of ancient');
  });

  it('adds feedback pushed by feedback:new to the list, and follows feedback:updated', async () => {
    const { socket } = await signedIn([], { path: '/console/feedback' });
    await screen.findByText(/No new feedback/);
    socket.push('feedback:new', item('n', { rating: 5, category: 'praise', text: 'Love it' }));
    expect((await screen.findByRole('link', { name: /Love it/ })).textContent).toContain('New');
    socket.push(
      'feedback:updated',
      item('n', { rating: 5, category: 'praise', text: 'Love it', status: 'archived', updatedAt: '2025-01-01T12:00:00.000Z' }),
    );
    await waitFor(() => expect(screen.queryByRole('link', { name: /Love it/ })).toBeNull());
  });

  it('sends a reply with feedback:reply, shows it in the thread and the item as answered', async () => {
    const { socket } = await signedIn([item('a', { text: 'Where is my order?' })], { path: '/console/feedback/a' });
    socket.answer('feedback:reply', (p) => ({ ok: true, data: reply('r1', p.feedbackId, { text: p.text }) }));
    fireEvent.input(await screen.findByRole('textbox', { name: 'Reply by email' }), { target: { value: 'On its way!' } });
    const sent = socket.nextRequest('feedback:reply');
    fireEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    expect(await sent).toEqual({ id: expect.any(String), feedbackId: 'a', text: 'On its way!' });
    const main = within(screen.getByRole('main'));
    expect(await main.findByText('On its way!')).toBeTruthy();
    expect(main.getByText('Email queued')).toBeTruthy();
    expect(main.getByText('Answered')).toBeTruthy();
  });

  it('sends a reply again under the same id by itself after a transient failure, and a new reply under a new one', async () => {
    const { socket } = await signedIn([item('a')], { path: '/console/feedback/a' });
    let calls = 0;
    socket.answer('feedback:reply', (p) =>
      ++calls === 1
        ? { ok: false, code: 'internal', message: 'Something went wrong.' }
        : { ok: true, data: reply(`r${calls}`, p.feedbackId, { text: p.text }) },
    );
    const box = await screen.findByRole('textbox', { name: 'Reply by email' });
    fireEvent.input(box, { target: { value: 'Sorry about that' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    // The box empties at once: the outbox holds the text, shown as sending meanwhile.
    expect((box as HTMLTextAreaElement).value).toBe('');
    expect(within(screen.getByRole('main')).getByText('Sending…')).toBeTruthy();
    await vi.waitFor(() => expect(calls).toBe(2), { timeout: 5000 });
    fireEvent.input(box, { target: { value: 'One more thing' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    await vi.waitFor(() => expect(calls).toBe(3));
    const ids = socket.sent('feedback:reply').map((p) => p.id);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it("shows a refused reply as failed with the server's message, and Retry sends it under the same id", async () => {
    const { socket } = await signedIn([item('a')], { path: '/console/feedback/a' });
    socket.answer('feedback:reply', () =>
      refusal('email_not_configured', 'Email is not configured on this server (set SMTP_URL), so replies cannot be sent.'),
    );
    fireEvent.input(await screen.findByRole('textbox', { name: 'Reply by email' }), { target: { value: 'Hi' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    expect((await screen.findByText(/^Failed: .*set SMTP_URL/)).textContent).toContain('replies cannot be sent');
    socket.answer('feedback:reply', (p) => ({ ok: true, data: reply(p.id!, p.feedbackId, { text: p.text }) }));
    const again = socket.nextRequest('feedback:reply');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    const first = socket.sent('feedback:reply')[0]!.id;
    expect((await again).id).toBe(first);
    await waitFor(() => expect(screen.queryByText(/^Failed/)).toBeNull());
  });

  it('explains that email is not configured when server:status says so', async () => {
    await signedIn([item('a')], { path: '/console/feedback/a', emailConfigured: false });
    expect(await screen.findByText('Email is not configured on this server: set SMTP_URL to answer feedback by email.')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Reply by email' })).toBeNull();
  });

  it('alerts on unhappy feedback wherever the agent is, and opens it from the alert', async () => {
    const all: FeedbackItem[] = [];
    const { socket } = await signedIn(all);
    await screen.findByRole('link', { name: /Amber Marten/ });
    all.push(item('bad', { text: 'Charged twice!' }));
    socket.push('feedback:new', all[0]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('New complaint (rating 1) from Ana: Charged twice!');
    fireEvent.click(within(alert).getByRole('link', { name: 'Open feedback' }));
    expect(location.pathname).toBe('/console/feedback/bad');
    expect(await screen.findByRole('heading', { name: 'Complaint from Ana' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('does not alert on happy feedback, and lets the agent dismiss an alert', async () => {
    const { socket } = await signedIn([]);
    socket.push('feedback:new', item('good', { rating: 5, category: 'praise' }));
    socket.push('feedback:new', item('bad', { rating: 2, category: 'question', name: null, email: null, text: 'Meh' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('New question (rating 2) from an anonymous visitor: Meh');
    fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks for desktop alerts only on the click, then notifies about unhappy feedback', async () => {
    const desktop = fakeDesktop();
    const { socket } = await signedIn([], { desktop });
    expect(desktop.request).not.toHaveBeenCalled();
    fireEvent.click(await screen.findByRole('button', { name: 'Enable desktop alerts' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Enable desktop alerts' })).toBeNull());
    expect(desktop.request).toHaveBeenCalledOnce();
    socket.push('feedback:new', item('bad', { text: 'Charged twice!' }));
    expect(desktop.shown).toHaveLength(1);
    expect(desktop.shown[0]!.body).toContain('Charged twice!');
    desktop.shown[0]!.click();
    await waitFor(() => expect(location.pathname).toBe('/console/feedback/bad'));
  });

  it('draws the charts from feedback:stats', async () => {
    await signedIn([], { path: '/console/feedback' });
    const chart = await screen.findByRole('img', { name: /Average rating per day/ });
    const bars = [...chart.querySelectorAll('rect[data-date]')].map((r) => Number(r.getAttribute('height')));
    expect(bars[0]).toBe(2 * bars[1]!);
    expect(screen.getByRole('img', { name: /Complaint 2, Praise 1, Idea 0, Question 0/ })).toBeTruthy();
  });
});
