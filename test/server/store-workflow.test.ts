import { describe, expect, it } from 'vitest';
import { newConversation, newMessage, STORE, useTestStore } from '../helpers/stores';

// The store contract of issue 19's tables and columns (notes, canned replies, tags), on SQLite and again on Postgres.

const t = useTestStore();
const agentNote = (id: string, conversationId: string) =>
  newMessage({ id, conversationId, author: 'agent', agentId: 'a1', authorName: 'Ann', text: `note ${id}`, note: true });

describe(`${STORE} store: internal notes`, () => {
  it("stores a note in the conversation's seq without touching status, read position or unread", async () => {
    const { c } = await newConversation(t.store);
    await t.store.appendMessage(newMessage({ id: 'v1', conversationId: c.id }));
    const note = await t.store.appendMessage(agentNote('n1', c.id));
    expect(note.message).toMatchObject({ seq: 2, author: 'agent', note: true });
    expect(note.conversation).toMatchObject({ lastSeq: 2, status: 'pending', agentReadSeq: 0, agentUnread: 1, firstResponseAt: null });
    expect(await t.store.getConversation(c.id)).toMatchObject({ lastSeq: 2, status: 'pending', agentUnread: 1, firstResponseAt: null });
    expect((await t.store.getSummary(c.id))?.lastMessage?.text).toBe('hi');
  });

  it('lists notes only when asked for them (agents), never by default (visitors, emails)', async () => {
    const { c } = await newConversation(t.store);
    await t.store.appendMessage(newMessage({ id: 'v1', conversationId: c.id }));
    await t.store.appendMessage(agentNote('n1', c.id));
    await t.store.appendMessage(newMessage({ id: 'v2', conversationId: c.id }));
    expect((await t.store.listMessages(c.id, 0, 10)).map((m) => m.id)).toEqual(['v1', 'v2']);
    const all = await t.store.listMessages(c.id, 0, 10, true);
    expect(all.map((m) => [m.id, m.seq, m.note ?? false])).toEqual([
      ['v1', 1, false],
      ['n1', 2, true],
      ['v2', 3, false],
    ]);
    expect(await t.store.getMessage('n1')).toMatchObject({ note: true });
  });

  it('answers a retried note with the stored one, and refuses its id as a reply', async () => {
    const { c } = await newConversation(t.store);
    const first = await t.store.appendMessage(agentNote('n1', c.id));
    const again = await t.store.appendMessage(agentNote('n1', c.id));
    expect(again).toMatchObject({ created: false, message: first.message });
    await expect(t.store.appendMessage({ ...agentNote('n1', c.id), note: false })).rejects.toMatchObject({ code: 'duplicate_id' });
  });
});
