import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FeedbackItem, FeedbackReply } from '../../../protocol/types';
import { createAgentClient, type AgentClient } from '../../../console/net/agent-client';
import { initialState, reducer } from '../../../console/state/reducer';
import { createStore } from '../../../console/state/store';
import { fakePage } from '../fake-page';
import { FakeSocket } from '../fake-socket';
import { item, reply, serveFeedback } from './fixtures';

let client: AgentClient | undefined;
afterEach(() => client?.close());

function setup(all: FeedbackItem[], replies: Record<string, FeedbackReply[]> = {}) {
  const store = createStore(reducer, { ...initialState(), auth: 'signed-in' });
  const socket = new FakeSocket();
  socket.answer('conversation:list', () => ({ ok: true, data: [] }));
  serveFeedback(socket, all, { replies });
  const page = fakePage();
  client = createAgentClient(socket.asSocket(), store, { page, onUnauthorized: vi.fn(), replyPollMs: 1 });
  return { store, socket, page, client };
}

describe('feedback sync', () => {
  it('loads the list, the new ones for the count, and whether email works on connect', async () => {
    const { store, socket } = setup([item('a'), item('b', { status: 'answered' })]);
    store.dispatch({ type: 'feedback/view', view: { status: 'answered', category: null, unhappy: false, page: '' } });
    socket.serverConnect();
    await vi.waitFor(() => expect(store.get().feedback.loaded).toBe(true));
    expect(Object.keys(store.get().feedback.items).sort()).toEqual(['a', 'b']);
    await vi.waitFor(() => expect(store.get().feedback.emailConfigured).toBe(true));
  });

  it('forgets on reconnect what changed while the connection was down', async () => {
    const all = [item('a')];
    const { store, socket } = setup(all);
    socket.serverConnect();
    await vi.waitFor(() => expect(store.get().feedback.items.a).toBeDefined());
    socket.drop();
    all[0] = item('a', { status: 'archived', updatedAt: '2025-01-01T12:00:00.000Z' });
    socket.serverConnect();
    await vi.waitFor(() => expect(store.get().feedback.items.a).toBeUndefined());
  });

  it('asks again about a reply whose email is still queued, and stops once it is sent', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const replies = { a: [reply('r1', 'a', { emailStatus: 'pending' })] };
      const { store, socket, client } = setup([item('a')], replies);
      socket.serverConnect();
      await client.feedback.open('a');
      replies.a = [reply('r1', 'a', { emailStatus: 'sent' })];
      await vi.waitFor(() => expect(store.get().feedback.open!.replies[0]!.emailStatus).toBe('sent'));
      const gets = () => socket.requests.filter((r) => r.event === 'feedback:get').length;
      const settledAt = gets();
      await vi.advanceTimersByTimeAsync(10 * 60_000);
      expect(gets()).toBe(settledAt);
    } finally {
      vi.useRealTimers();
    }
  });

  it('re-reads the open item when another agent answers it', async () => {
    const replies: Record<string, FeedbackReply[]> = { a: [] };
    const { store, socket, client } = setup([item('a')], replies);
    socket.serverConnect();
    await client.feedback.open('a');
    replies.a = [reply('r9', 'a', { agentName: 'Bea', emailStatus: 'sent' })];
    socket.push('feedback:updated', item('a', { status: 'answered', updatedAt: '2025-01-01T12:00:00.000Z' }));
    await vi.waitFor(() => expect(store.get().feedback.open!.replies.map((r) => r.agentName)).toEqual(['Bea']));
    expect(store.get().feedback.items.a!.status).toBe('answered');
  });
});
