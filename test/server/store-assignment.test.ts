import { describe, expect, it } from 'vitest';
import { STORE, newConversation, newMessage, useTestStore } from '../helpers/stores';

// The store contract of assignment (issue 19), on SQLite and again on Postgres.

const t = useTestStore();

const agent = (id: string) =>
  t.store.createAgent({
    id,
    email: `${id}@shop.test`,
    name: id.toUpperCase(),
    role: 'agent',
    passwordHash: 'x',
    createdAt: new Date().toISOString(),
  });

const assign = (conversationId: string, to: string | null, expectFrom?: string | null, note: string | null = null) =>
  t.store.assignConversation({ conversationId, to, expectFrom, note, byName: note ? 'Ana' : null, now: new Date().toISOString() });

describe(`${STORE} store: assignment`, () => {
  it('gives an unassigned chat to exactly one of two agents claiming it at once', async () => {
    await Promise.all([agent('ana'), agent('bob')]);
    const { c } = await newConversation(t.store);
    const [a, b] = await Promise.all([assign(c.id, 'ana', null), assign(c.id, 'bob', null)]);
    expect([a, b].filter((r) => r !== null)).toHaveLength(1);
    const winner = (a ?? b)!.assigneeId;
    expect((await t.store.getConversation(c.id))?.assigneeId).toBe(winner);
    expect((await t.store.getSummary(c.id))?.assignee).toEqual({ id: winner, name: winner!.toUpperCase() });
  });

  it('transfers from the agent named with its note, and refuses when another has it', async () => {
    await Promise.all([agent('ana'), agent('bob'), agent('cy')]);
    const { c } = await newConversation(t.store);
    await assign(c.id, 'ana', null);
    expect(await assign(c.id, 'cy', 'bob', 'nope')).toBeNull();
    expect((await assign(c.id, 'bob', 'ana', 'VIP, wants a refund'))?.assigneeId).toBe('bob');
    expect((await t.store.getSummary(c.id))?.handoff).toEqual({ note: 'VIP, wants a refund', byName: 'Ana' });
    expect((await assign(c.id, null))?.assigneeId).toBeNull();
    expect((await t.store.getSummary(c.id))?.assignee).toBeNull();
    expect(await assign('no-such-conversation', 'ana')).toBeNull();
  });

  it('keeps the agent through appends, and lists Mine and Unassigned', async () => {
    await agent('ana');
    const one = await newConversation(t.store);
    const two = await newConversation(t.store);
    await t.store.appendMessage(newMessage({ id: 'm1', conversationId: one.c.id }));
    await assign(one.c.id, 'ana', null);
    const appended = await t.store.appendMessage(newMessage({ id: 'm2', conversationId: one.c.id }));
    expect(appended.conversation.assigneeId).toBe('ana');
    const ids = async (assigneeId: string | null) => (await t.store.listSummaries({ assigneeId, limit: 10 })).map((s) => s.id);
    expect(await ids('ana')).toEqual([one.c.id]);
    expect(await ids(null)).toEqual([two.c.id]);
  });

  it('counts each agent’s unresolved chats and when they last got one', async () => {
    await Promise.all([agent('ana'), agent('bob')]);
    const chats = await Promise.all([1, 2, 3].map(() => newConversation(t.store)));
    for (const { c } of chats) await assign(c.id, 'ana', null);
    await t.store.setConversationStatus(chats[0]!.c.id, 'resolved', new Date().toISOString());
    const loads = await t.store.agentLoads();
    expect(loads.map((l) => [l.agentId, l.open])).toEqual([['ana', 2]]);
    expect(Date.parse(loads[0]!.lastAssignedAt!)).not.toBeNaN();
  });

  it('returns to Unassigned only the chats whose agent has been offline for the grace period', async () => {
    await Promise.all([agent('ana'), agent('bob')]);
    const [a, b] = await Promise.all([newConversation(t.store), newConversation(t.store)]);
    await assign(a.c.id, 'ana', null);
    await assign(b.c.id, 'bob', null);
    await t.store.noteOfflineAssignees(['bob'], new Date().toISOString());
    // Not yet past an hour's grace; at once with none.
    expect(await t.store.releaseOfflineAssigned('demo', 3600, new Date().toISOString())).toEqual([]);
    expect(await t.store.releaseOfflineAssigned('other-site', 0, new Date(Date.now() + 1000).toISOString())).toEqual([]);
    expect(await t.store.releaseOfflineAssigned('demo', 0, new Date(Date.now() + 1000).toISOString())).toEqual([a.c.id]);
    expect((await t.store.getConversation(a.c.id))?.assigneeId).toBeNull();
    expect((await t.store.getConversation(b.c.id))?.assigneeId).toBe('bob');
  });

  it('forgets an agent’s offline time when they come back', async () => {
    await agent('ana');
    const { c } = await newConversation(t.store);
    await assign(c.id, 'ana', null);
    await t.store.noteOfflineAssignees([], new Date().toISOString());
    await t.store.noteOfflineAssignees(['ana'], new Date().toISOString());
    expect(await t.store.releaseOfflineAssigned('demo', 0, new Date(Date.now() + 1000).toISOString())).toEqual([]);
    expect((await t.store.getConversation(c.id))?.assigneeId).toBe('ana');
  });
});
