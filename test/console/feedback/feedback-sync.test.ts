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
  client = createAgentClient(socket.asSocket(), store, { page, onUnauthorized: vi.fn() });
  return { store, socket, page, client };
}

describe('feedback sync', () => {
  it('loads the list, the count of new feedback, and whether email works on connect', async () => {
    const { store, socket } = setup([item('a'), item('b', { status: 'answered' }), item('c')]);
    store.dispatch({ type: 'feedback/view', view: { status: 'answered', category: null, unhappy: false, page: '' } });
    socket.serverConnect();
    await vi.waitFor(() => expect(store.get().feedback.loaded).toBe(true));
    expect(Object.keys(store.get().feedback.items)).toEqual(['b']);
    await vi.waitFor(() => expect(store.get().feedback.newCount).toBe(2));
    await vi.waitFor(() => expect(store.get().feedback.emailConfigured).toBe(true));
  });

  it('follows the count of new feedback the server pushes, and asks again on reconnect', async () => {
    const all = [item('a')];
    const { store, socket } = setup(all);
    socket.serverConnect();
    await vi.waitFor(() => expect(store.get().feedback.newCount).toBe(1));
    socket.push('feedback:newCount', 7);
    expect(store.get().feedback.newCount).toBe(7);
    socket.drop();
    all.push(item('b'));
    socket.serverConnect();
    await vi.waitFor(() => expect(store.get().feedback.newCount).toBe(2));
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

  it('shows a pushed reply email status in the open thread without asking the server again', async () => {
    const { store, socket, client } = setup([item('a')], { a: [reply('r1', 'a', { emailStatus: 'pending' })] });
    socket.serverConnect();
    await client.feedback.open('a');
    const gets = socket.requests.filter((r) => r.event === 'feedback:get').length;
    socket.push('feedback:replyUpdated', reply('r1', 'a', { emailStatus: 'sent' }));
    expect(store.get().feedback.open!.replies.map((r) => r.emailStatus)).toEqual(['sent']);
    expect(socket.requests.filter((r) => r.event === 'feedback:get')).toHaveLength(gets);
  });

  it('ignores a pushed reply email status for feedback that is not open', async () => {
    const { store, socket, client } = setup([item('a'), item('b')], { a: [reply('r1', 'a')], b: [reply('r2', 'b')] });
    socket.serverConnect();
    await client.feedback.open('a');
    const before = store.get().feedback;
    socket.push('feedback:replyUpdated', reply('r2', 'b', { emailStatus: 'failed' }));
    expect(store.get().feedback).toBe(before);
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
