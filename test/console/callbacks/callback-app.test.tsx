// @vitest-environment happy-dom
// @vitest-environment-options { "url": "http://localhost/console/" }
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Payload } from '../../../client/request';
import type { AgentClientEvents } from '../../../protocol/events';
import type { CallbackAttempt, CallbackItem, ConversationSummary } from '../../../protocol/types';
import type { DesktopAlerts } from '../../../console/net/desktop-alerts';
import { fakeDesktop } from '../fake-desktop';
import { FakeSocket, row } from '../fake-socket';
import { renderSignedIn } from '../signed-in-app';
import { attempt, callback, serveCallbacks } from './fixtures';
import { refusal } from '../../helpers/texts';

// Numbers are grouped once the lazily loaded formatter is in; load it up front.
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  // Outcomes wait in the saved outbox like replies: one test's must not be sent in the next.
  localStorage.clear();
  history.replaceState(null, '', '/console/');
});

const agent = { id: 'a1', email: 'alex@example.com', name: 'Alex', role: 'agent' as const };
const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

/** Signs in at `path` with a fake server holding `all` requests, and connects. */
async function signedIn(
  all: CallbackItem[],
  opts: {
    path?: string;
    desktop?: DesktopAlerts;
    attempts?: Record<string, CallbackAttempt[]>;
    conversations?: Record<string, ConversationSummary[]>;
  } = {},
) {
  const socket = new FakeSocket();
  socket.answer('conversation:list', () => ({ ok: true, data: [row('c', { visitorName: 'Amber Marten' })] }));
  serveCallbacks(socket, all, opts.attempts, opts.conversations);
  const { store } = await renderSignedIn(agent, socket, { path: opts.path ?? '/console/callbacks', desktop: opts.desktop });
  return { store, socket };
}

const queueRows = () => within(screen.getByRole('list', { name: 'Call back requests' })).getAllByRole('listitem');
const detail = () => within(screen.getByRole('main'));
/** Ana's request pane once loaded; the loading pane before it is another element. */
async function loadedDetail() {
  await screen.findByRole('heading', { name: 'Call Ana' });
  return detail();
}

/** Answers an action with the changed item, as the server does, and pushes it to every console. */
function serveAction<E extends 'callback:outcome' | 'callback:reschedule'>(
  socket: FakeSocket,
  all: CallbackItem[],
  event: E,
  change: (c: CallbackItem, p: Payload<AgentClientEvents, E>) => Partial<CallbackItem>,
) {
  socket.answer(event, (p) => {
    const i = all.findIndex((c) => c.id === (p as { callbackId: string }).callbackId);
    all[i] = { ...all[i]!, ...change(all[i]!, p), updatedAt: new Date(Date.parse(all[i]!.updatedAt) + 1000).toISOString() };
    return { ok: true, data: all[i] };
  });
}

describe('console callbacks section', () => {
  it('counts open and overdue requests beside the Callbacks link and opens the queue from it', async () => {
    await signedIn([callback('late', { dueAt: minutes(-12) }), callback('soon', { dueAt: minutes(30) })], { path: '/console/' });
    const link = within(screen.getByRole('navigation', { name: 'Sections' })).getByRole('link', { name: 'Callbacks' });
    await waitFor(() => expect(document.getElementById('callbacks-count')?.textContent).toBe('2 open1 overdue'));
    expect(link.getAttribute('aria-describedby')).toBe('callbacks-count');
    fireEvent.click(link);
    expect(location.pathname).toBe('/console/callbacks');
    expect(screen.getByRole('region', { name: 'Callbacks' })).toBeTruthy();
    await waitFor(() => expect(queueRows()).toHaveLength(2));
    expect(queueRows()[0]!.textContent).toContain('Overdue by 12 min');
  });

  it('claims a request with callback:claim and shows who claimed it from the push', async () => {
    const all = [callback('a', { dueAt: minutes(10) })];
    const { socket } = await signedIn(all, { path: '/console/callbacks/a' });
    socket.answer('callback:claim', () => new Promise(() => {}));
    const claimed = socket.nextRequest('callback:claim');
    fireEvent.click((await loadedDetail()).getByRole('button', { name: 'Claim' }));
    expect(await claimed).toEqual({ callbackId: 'a' });
    socket.push('callback:updated', { ...all[0]!, claimedBy: { id: 'a1', name: 'Alex' }, updatedAt: minutes(0) });
    await waitFor(() => expect(queueRows()[0]!.textContent).toContain('Claimed by Alex'));
  });

  it('offers to take over a request another agent has claimed, and asks the server to on purpose', async () => {
    const all = [callback('a', { dueAt: minutes(10), claimedBy: { id: 'ag2', name: 'Petr' } })];
    const { socket } = await signedIn(all, { path: '/console/callbacks/a' });
    socket.answer('callback:claim', () => new Promise(() => {}));
    const claimed = socket.nextRequest('callback:claim');
    expect((await loadedDetail()).queryByRole('button', { name: 'Claim' })).toBeNull();
    fireEvent.click(detail().getByRole('button', { name: 'Take over from Petr' }));
    expect(await claimed).toEqual({ callbackId: 'a', takeOverFrom: 'ag2' });
  });

  it('records Reached with the note, and the request leaves the open queue', async () => {
    const all = [callback('a', { dueAt: minutes(-1) }), callback('b', { name: 'Bo', visitorName: 'Bo', dueAt: minutes(20) })];
    const { socket } = await signedIn(all, { path: '/console/callbacks/a' });
    serveAction(socket, all, 'callback:outcome', (c, p) => ({
      status: p.outcome === 'reached' ? 'called' : c.status,
      attempts: c.attempts + 1,
    }));
    fireEvent.input((await loadedDetail()).getByRole('textbox', { name: 'Note (optional)' }), { target: { value: 'Sent a new parcel' } });
    const sent = socket.nextRequest('callback:outcome');
    fireEvent.click(detail().getByRole('button', { name: 'Reached' }));
    expect(await sent).toEqual({ id: expect.any(String), callbackId: 'a', outcome: 'reached', note: 'Sent a new parcel' });
    await waitFor(() => expect(queueRows().map((r) => r.textContent)).toEqual([expect.stringContaining('Bo')]));
    expect(detail().getByText('Called')).toBeTruthy();
  });

  it('records No answer and shows the new attempt count pushed by callback:updated', async () => {
    const all = [callback('a', { dueAt: minutes(-1) })];
    const { socket } = await signedIn(all, { path: '/console/callbacks/a' });
    socket.answer('callback:outcome', () => new Promise(() => {}));
    const sent = socket.nextRequest('callback:outcome');
    fireEvent.click((await loadedDetail()).getByRole('button', { name: 'No answer' }));
    expect(await sent).toEqual({ id: expect.any(String), callbackId: 'a', outcome: 'no_answer' });
    socket.push('callback:updated', { ...all[0]!, attempts: 1, updatedAt: minutes(0) });
    await waitFor(() => expect(queueRows()[0]!.textContent).toContain('1 attempt'));
  });

  it('keeps an outcome recorded offline, says it is not sent yet, and sends it with its note when the connection is back', async () => {
    const all = [callback('a', { dueAt: minutes(-1) })];
    const { socket } = await signedIn(all, { path: '/console/callbacks/a' });
    serveAction(socket, all, 'callback:outcome', (c) => ({ attempts: c.attempts + 1 }));
    fireEvent.input((await loadedDetail()).getByRole('textbox', { name: 'Note (optional)' }), { target: { value: 'Voicemail' } });
    socket.drop();
    fireEvent.click(detail().getByRole('button', { name: 'No answer' }));
    expect((await detail().findByRole('status')).textContent).toBe('Not sent yet: it goes out when the connection is back.');
    expect(detail().getByRole<HTMLButtonElement>('button', { name: 'No answer' }).disabled).toBe(true);
    const sent = socket.nextRequest('callback:outcome');
    socket.serverConnect();
    expect(await sent).toEqual({ id: expect.any(String), callbackId: 'a', outcome: 'no_answer', note: 'Voicemail' });
    await waitFor(() => expect(detail().getByRole<HTMLTextAreaElement>('textbox', { name: 'Note (optional)' }).value).toBe(''));
    expect(detail().queryByText(/Not sent yet/)).toBeNull();
  });

  it("reschedules to the time picked on the agent's clock, sent in UTC", async () => {
    const all = [callback('a', { dueAt: minutes(-1) })];
    const { socket } = await signedIn(all, { path: '/console/callbacks/a' });
    serveAction(socket, all, 'callback:reschedule', (_c, p) => ({ status: 'rescheduled', dueAt: p.dueAt }));
    fireEvent.click((await loadedDetail()).getByRole('button', { name: 'Reschedule' }));
    const local = '2099-03-04T15:45';
    fireEvent.input(detail().getByLabelText('New time (your time)'), { target: { value: local } });
    const sent = socket.nextRequest('callback:reschedule');
    fireEvent.click(detail().getByRole('button', { name: 'Confirm reschedule' }));
    expect(await sent).toEqual({ id: expect.any(String), callbackId: 'a', dueAt: new Date(local).toISOString() });
    await waitFor(() => expect(queueRows()[0]!.textContent).toMatch(/Due in \d+ days/));
    await waitFor(() => expect(detail().queryByLabelText('New time (your time)')).toBeNull());
  });

  it("shows the server's message when an action is refused", async () => {
    const { socket } = await signedIn([callback('a')], { path: '/console/callbacks/a' });
    socket.answer('callback:reschedule', () => refusal('slot_unavailable', 'Pick a time in the future.', 'dueAt'));
    fireEvent.click((await loadedDetail()).getByRole('button', { name: 'Reschedule' }));
    fireEvent.click(detail().getByRole('button', { name: 'Confirm reschedule' }));
    expect((await detail().findByRole('alert')).textContent).toBe('Pick a time in the future.');
  });

  it("shows the attempts and links the visitor's chats", async () => {
    const chat = row('c9', { lastMessage: { text: 'Where is my parcel?', author: 'visitor', createdAt: '2025-01-01T08:00:00.000Z' } });
    await signedIn([callback('a')], {
      path: '/console/callbacks/a',
      attempts: { a: [attempt('t1', { note: 'Voicemail' })] },
      conversations: { a: [chat] },
    });
    expect((await loadedDetail()).getByText('Voicemail')).toBeTruthy();
    fireEvent.click(detail().getByRole('link', { name: /Where is my parcel\?/ }));
    expect(location.pathname).toBe('/console/c/c9');
  });

  it('asks for every request when closed ones are to be shown', async () => {
    const all = [callback('a'), callback('x', { name: 'Old', visitorName: 'Old', status: 'cancelled' })];
    const { socket } = await signedIn(all);
    await waitFor(() => expect(queueRows()).toHaveLength(1));
    const asked = socket.nextRequest('callback:list');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show closed requests' }));
    expect(await asked).toEqual({ status: 'all' });
    await waitFor(() => expect(queueRows()).toHaveLength(2));
    expect(queueRows()[1]!.textContent).toContain('Cancelled');
  });

  it('raises an alert and a desktop notification when a request falls due, once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: Date.parse('2025-01-01T09:55:00.000Z') });
    const desktop = fakeDesktop('granted');
    await signedIn([callback('a', { dueAt: '2025-01-01T10:00:00.000Z' })], { path: '/console/', desktop });
    await waitFor(() => expect(document.getElementById('callbacks-count')).toBeTruthy());
    expect(screen.queryByRole('alert')).toBeNull();
    vi.advanceTimersByTime(5 * 60_000);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Call back due: Ana, +420 602 123 456');
    expect(desktop.shown.map((n) => n.body)).toEqual(['Call back due: Ana, +420 602 123 456']);
    vi.advanceTimersByTime(60 * 60_000);
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(desktop.shown).toHaveLength(1);
    fireEvent.click(within(alert).getByRole('link', { name: 'Open request' }));
    expect(location.pathname).toBe('/console/callbacks/a');
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});
