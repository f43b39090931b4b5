// @vitest-environment happy-dom
// @vitest-environment-options { "url": "http://localhost/console/" }
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgentPresence } from '../../../protocol/types';
import { FakeSocket } from '../fake-socket';
import { renderSignedIn } from '../signed-in-app';

afterEach(cleanup);

const agent = { id: 'a1', email: 'alex@example.com', name: 'Alex', role: 'agent' as const };
const team = (selfAway: boolean): AgentPresence[] => [
  { id: 'a1', name: 'Alex', online: true, away: selfAway },
  { id: 'b1', name: 'Ben', online: true, away: false },
  { id: 'c1', name: 'Cleo', online: false, away: false },
];

async function signedIn() {
  const socket = new FakeSocket();
  socket.answer('agent:presence', () => ({ ok: true, data: team(false) }));
  await renderSignedIn(agent, socket);
  return { socket };
}

const others = () => screen.getByLabelText('Other agents').textContent;

describe('presence in the top bar', () => {
  it('shows who else is online, leaving out those offline', async () => {
    await signedIn();
    await waitFor(() => expect(others()).toBe('Also here: Ben'));
    expect(screen.getByText('You are online')).toBeTruthy();
  });

  it('sets the agent away with agent:setAway and offers to come back', async () => {
    const { socket } = await signedIn();
    socket.answer('agent:setAway', (p) => ({ ok: true, data: team(p.away) }));
    const sent = socket.nextRequest('agent:setAway');
    fireEvent.click(await screen.findByRole('button', { name: 'Set away' }));
    expect(await sent).toEqual({ away: true });
    expect(await screen.findByRole('button', { name: 'Set online' })).toBeTruthy();
    expect(screen.getByText('You are away')).toBeTruthy();
    const back = socket.nextRequest('agent:setAway');
    fireEvent.click(screen.getByRole('button', { name: 'Set online' }));
    expect(await back).toEqual({ away: false });
  });

  it("shows the server's message when the change is refused", async () => {
    const { socket } = await signedIn();
    socket.answer('agent:setAway', () => ({ ok: false, code: 'rate_limited', message: 'Too many changes; wait a moment.' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Set away' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Too many changes; wait a moment.');
  });

  it('follows the presence push', async () => {
    const { socket } = await signedIn();
    await waitFor(() => expect(others()).toBe('Also here: Ben'));
    socket.push('presence', [...team(false).slice(0, 2), { id: 'c1', name: 'Cleo', online: true, away: true }]);
    await waitFor(() => expect(others()).toBe('Also here: Ben, Cleo (away)'));
  });
});
