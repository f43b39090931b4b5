import { describe, expect, it } from 'vitest';
import type { CannedReply } from '../../protocol/types';
import { submitFeedback } from '../../server/domain/feedback';
import { callbackRow, newConversation, newMessage, STORE, useTestStore } from '../helpers/stores';

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

const reply = (id: string, agentId: string | null, shortcut: string, text = `text ${id}`): CannedReply => ({
  id,
  agentId,
  shortcut,
  text,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
});

describe(`${STORE} store: canned replies`, () => {
  it("lists the shared replies and the agent's own by shortcut, never another agent's", async () => {
    await t.store.saveCannedReply(reply('r1', null, 'thanks'));
    await t.store.saveCannedReply(reply('r2', 'a1', 'hello'));
    await t.store.saveCannedReply(reply('r3', 'a2', 'bye'));
    await t.store.saveCannedReply(reply('r4', 'a1', 'thanks'));
    expect((await t.store.listCannedReplies('a1')).map((r) => r.id)).toEqual(['r2', 'r1', 'r4']);
    expect(await t.store.getCannedReply('r3')).toEqual(reply('r3', 'a2', 'bye'));
    expect(await t.store.getCannedReply('none')).toBeNull();
  });

  it('refuses a shortcut the same owner has, and allows it for another owner', async () => {
    await t.store.saveCannedReply(reply('r1', null, 'hi'));
    await t.store.saveCannedReply(reply('r2', 'a1', 'hi'));
    expect(await t.store.saveCannedReply(reply('r3', null, 'hi'))).toBe('shortcut_taken');
    expect(await t.store.saveCannedReply(reply('r4', 'a1', 'hi'))).toBe('shortcut_taken');
    expect(await t.store.getCannedReply('r3')).toBeNull();
  });

  it('changes the shortcut and text of a reply by id, keeping its owner and creation time, and deletes it', async () => {
    await t.store.saveCannedReply(reply('r1', 'a1', 'hi'));
    const changed = await t.store.saveCannedReply({
      ...reply('r1', null, 'hello', 'Hello {visitor.name}'),
      updatedAt: '2026-12-02T10:00:00.000Z',
    });
    expect(changed).toEqual({ ...reply('r1', 'a1', 'hello', 'Hello {visitor.name}'), updatedAt: '2026-12-02T10:00:00.000Z' });
    await t.store.saveCannedReply(reply('r2', 'a1', 'bye'));
    expect(await t.store.saveCannedReply(reply('r2', 'a1', 'hello'))).toBe('shortcut_taken');
    expect(await t.store.deleteCannedReply('r1')).toBe(true);
    expect(await t.store.deleteCannedReply('r1')).toBe(false);
    expect((await t.store.listCannedReplies('a1')).map((r) => r.shortcut)).toEqual(['bye']);
  });
});

describe(`${STORE} store: tags`, () => {
  it("replaces an item's tags, lists each item's and a site's tags sorted, and keeps kinds apart", async () => {
    const now = '2026-12-01T10:00:00.000Z';
    expect(await t.store.setTags('conversation', 'c1', 'demo', ['vip', 'billing'], now)).toEqual(['billing', 'vip']);
    await t.store.setTags('conversation', 'c2', 'demo', ['billing'], now);
    await t.store.setTags('callback', 'c1', 'other', ['urgent'], now);
    expect(await t.store.tagsOf('conversation', ['c1', 'c2', 'c3'])).toEqual({ c1: ['billing', 'vip'], c2: ['billing'] });
    expect(await t.store.tagsOf('callback', ['c1'])).toEqual({ c1: ['urgent'] });
    expect(await t.store.tagsOf('feedback', [])).toEqual({});
    expect(await t.store.siteTags('demo')).toEqual(['billing', 'vip']);
    expect(await t.store.siteTags()).toEqual(['billing', 'urgent', 'vip']);
    expect(await t.store.setTags('conversation', 'c1', 'demo', [], now)).toEqual([]);
    expect(await t.store.tagsOf('conversation', ['c1'])).toEqual({});
  });

  it('filters conversations, callback requests and feedback by tag', async () => {
    const now = new Date().toISOString();
    const a = await newConversation(t.store);
    const b = await newConversation(t.store);
    await t.store.setTags('conversation', a.c.id, 'demo', ['vip'], now);
    expect((await t.store.listSummaries({ tag: 'vip', limit: 10 })).map((s) => s.id)).toEqual([a.c.id]);
    expect((await t.store.listSummaries({ tag: 'none', limit: 10 })).map((s) => s.id)).toEqual([]);
    expect((await t.store.listSummaries({ limit: 10 })).map((s) => s.id).sort()).toEqual([a.c.id, b.c.id].sort());

    await t.store.createCallback(callbackRow(now, { id: 'cb1', visitorId: a.visitor.id }));
    await t.store.createCallback(callbackRow(now, { id: 'cb2', visitorId: b.visitor.id }));
    await t.store.setTags('callback', 'cb2', 'demo', ['urgent'], now);
    expect((await t.store.listCallbacks(true, 10, undefined, 'urgent')).map((c) => c.id)).toEqual(['cb2']);
    expect((await t.store.listCallbacks(false, 10, 'demo', 'urgent')).map((c) => c.id)).toEqual(['cb2']);
    expect((await t.store.listCallbacks(true, 10)).map((c) => c.id).sort()).toEqual(['cb1', 'cb2']);

    const site = (await t.store.getSite('demo'))!;
    const page = { url: 'http://shop.test/', title: 'Shop' };
    const said = (text: string) =>
      submitFeedback(t.store, site, { rating: 5, category: 'praise', text, contact: { mode: 'anonymous' }, page });
    const { item: tagged } = await said('Great');
    await said('Fine');
    await t.store.setTags('feedback', tagged.id, 'demo', ['praise-team'], now);
    expect((await t.store.listFeedback({ tag: 'praise-team' }, 10)).map((f) => f.id)).toEqual([tagged.id]);
  });
});
