// @vitest-environment happy-dom
// @vitest-environment-options { "url": "http://localhost/console/" }
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../console/app/app';
import type { AuthApi } from '../../../console/net/rest';
import { initialState, reducer } from '../../../console/state/reducer';
import { createStore } from '../../../console/state/store';
import { fakePage } from '../fake-page';
import { FakeSocket, msg, profile, row } from '../fake-socket';

afterEach(() => {
  cleanup();
  // The URL names the open conversation; start each test at the inbox.
  history.replaceState(null, '', '/console/');
});

const agent = { id: 'a1', email: 'alex@example.com', name: 'Alex', role: 'agent' as const };
const unauthorized = { ok: false as const, code: 'unauthorized', message: 'Sign in first.' };

function renderApp(api: Partial<AuthApi>) {
  const store = createStore(reducer, initialState());
  const socket = new FakeSocket();
  const fullApi: AuthApi = {
    me: async () => unauthorized,
    login: async () => ({ ok: true, data: agent }),
    logout: async () => ({ ok: true, data: null }),
    ...api,
  };
  render(<App store={store} api={fullApi} connect={() => socket.asSocket()} page={fakePage()} />);
  return { store, socket };
}

/** Signs in through `me`, lets the fake server answer the inbox, and connects. */
async function signedIn(rows = [row('a', { visitorName: 'Amber Marten', updatedAt: '2025-01-01T10:00:00.000Z' })]) {
  const ctx = renderApp({ me: async () => ({ ok: true, data: agent }) });
  ctx.socket
    .answer('conversation:list', () => ({ ok: true, data: rows }))
    .answer('conversation:get', (p) => ({
      ok: true,
      data: {
        conversation: rows.find((r) => r.id === p.conversationId)!,
        messages: [msg(1, { conversationId: p.conversationId })],
        visitor: profile(),
        history: [],
      },
    }));
  await vi.waitFor(() => expect(ctx.socket.active).toBe(true));
  ctx.socket.serverConnect();
  await screen.findByRole('link', { name: /Amber Marten/ });
  return ctx;
}

const inboxLinks = () => within(screen.getByRole('navigation', { name: 'Inbox' })).getAllByRole('link');

describe('console app', () => {
  it("shows the server's message when sign-in is refused", async () => {
    const login = vi.fn(async () => ({ ok: false as const, code: 'bad_credentials', message: 'Wrong email or password.' }));
    renderApp({ login });
    fireEvent.input(await screen.findByLabelText('Email'), { target: { value: 'alex@example.com' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong email or password.');
    expect(login).toHaveBeenCalledWith('alex@example.com', 'nope');
  });

  it('puts a conversation pushed by conversation:updated at the top of the inbox without a reload', async () => {
    const { socket } = await signedIn();
    socket.push('conversation:updated', row('b', { visitorName: 'Coral Swan', unread: 1, updatedAt: '2025-01-01T11:00:00.000Z' }));
    await screen.findByRole('link', { name: /Coral Swan/ });
    expect(inboxLinks().map((a) => a.textContent)).toEqual([
      expect.stringContaining('Coral Swan'),
      expect.stringContaining('Amber Marten'),
    ]);
  });

  it('appends a live message to the open conversation', async () => {
    const { socket } = await signedIn();
    fireEvent.click(inboxLinks()[0]!);
    const log = within(await screen.findByRole('log'));
    await log.findByText('message 1');
    socket.push('message:new', msg(2, { conversationId: 'a', text: 'Are you there?' }));
    expect(await log.findByText('Are you there?')).toBeTruthy();
  });

  it('opens the next conversation with j', async () => {
    await signedIn();
    fireEvent.keyDown(document.body, { key: 'j' });
    expect(await screen.findByRole('heading', { name: 'Amber Marten' })).toBeTruthy();
    expect(location.pathname).toBe('/console/c/a');
  });

  it('moves the keyboard focus with j to the row of the conversation it opens, each time', async () => {
    await signedIn([
      row('a', { visitorName: 'Amber Marten', updatedAt: '2025-01-01T12:00:00.000Z' }),
      row('b', { visitorName: 'Brave Otter', updatedAt: '2025-01-01T11:00:00.000Z' }),
      row('c', { visitorName: 'Coral Swan', updatedAt: '2025-01-01T10:00:00.000Z' }),
    ]);
    for (const [id, name] of [
      ['a', 'Amber Marten'],
      ['b', 'Brave Otter'],
      ['c', 'Coral Swan'],
    ] as const) {
      fireEvent.keyDown(document.body, { key: 'j' });
      expect(await screen.findByRole('heading', { name })).toBeTruthy();
      expect(location.pathname).toBe(`/console/c/${id}`);
      await vi.waitFor(() => expect((document.activeElement as HTMLElement | null)?.dataset.conversationId).toBe(id));
    }
  });

  it('returns to sign-in when the server refuses the session', async () => {
    const { socket } = await signedIn();
    socket.push('connect_error', Object.assign(new Error('refused'), { data: { code: 'unauthorized', message: 'Please sign in again.' } }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByText('Please sign in again.')).toBeTruthy();
  });
});
