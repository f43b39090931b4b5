import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureFirstAdmin, signIn } from '../../server/domain/agents';
import { startRetention } from '../../server/domain/retention';
import { ensureDemoSite } from '../../server/domain/sites';
import { createVisitor } from '../../server/domain/visitors';
import { createLogger } from '../../server/log';
import { openSqliteStore } from '../../server/store/sqlite';
import type { NewMessage, Store } from '../../server/store/types';
import { tempDataDir } from '../helpers/server';

let data: ReturnType<typeof tempDataDir>;
let store: Store;
beforeEach(async () => {
  data = tempDataDir();
  store = openSqliteStore(data.dir);
  await ensureDemoSite(store);
});
afterEach(async () => {
  await store.close();
  data.remove();
});

async function conversation() {
  const { visitor } = await createVisitor(store, 'demo', null);
  const c = await store.latestOrNewConversation(visitor.id, 'demo', `c-${visitor.id}`, new Date().toISOString());
  return { visitor, c };
}
const msg = (over: Partial<NewMessage> & { id: string; conversationId: string }): NewMessage => ({
  author: 'visitor', agentId: null, authorName: null, text: 'hi', now: new Date().toISOString(), ...over,
});

describe('SQLite store, batched appends', () => {
  it('commits the good appends of a batch and rejects only the bad one', async () => {
    const a = await conversation();
    const b = await conversation();
    const results = await Promise.allSettled([
      store.appendMessage(msg({ id: 'm1', conversationId: a.c.id, visitorId: a.visitor.id })),
      store.appendMessage(msg({ id: 'm2', conversationId: b.c.id, visitorId: a.visitor.id })),
      store.appendMessage(msg({ id: 'm3', conversationId: a.c.id, visitorId: a.visitor.id })),
      store.appendMessage(msg({ id: 'm1', conversationId: b.c.id, visitorId: b.visitor.id })),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'not_found' });
    expect((results[3] as PromiseRejectedResult).reason).toMatchObject({ code: 'duplicate_id' });
    expect((await store.listMessages(a.c.id, 0, 10)).map((m) => [m.id, m.seq])).toEqual([['m1', 1], ['m3', 2]]);
    expect(await store.listMessages(b.c.id, 0, 10)).toEqual([]);
    expect((await store.getConversation(b.c.id))?.lastSeq).toBe(0);
  });

  it('does not count automatic answers as unread for agents', async () => {
    const a = await conversation();
    await store.appendMessage(msg({ id: 'q', conversationId: a.c.id }));
    await store.appendMessage(msg({ id: 'auto', conversationId: a.c.id, author: 'system', faqId: 'shipping' }));
    expect((await store.getConversation(a.c.id))?.agentUnread).toBe(1);
  });

  it('answers a retried id in the same batch with the stored message', async () => {
    const a = await conversation();
    const [first, again] = await Promise.all([
      store.appendMessage(msg({ id: 'same', conversationId: a.c.id })),
      store.appendMessage(msg({ id: 'same', conversationId: a.c.id })),
    ]);
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.message).toEqual(first.message);
  });

  it('starts each append from the conversation as every other write left it', async () => {
    const a = await conversation();
    await store.appendMessage(msg({ id: 'ask', conversationId: a.c.id }));
    await store.appendMessage(msg({ id: 'reply', conversationId: a.c.id, author: 'agent' }));
    // Unread by the agent, so the agent's read below changes the row.
    await store.appendMessage(msg({ id: 'more', conversationId: a.c.id }));
    const now = new Date().toISOString();
    const writes: [string, () => Promise<unknown>][] = [
      ['agent read', () => store.setReadSeq(a.c.id, 'agent', 3)],
      ['visitor read', () => store.setReadSeq(a.c.id, 'visitor', 3)],
      ['status', () => store.setConversationStatus(a.c.id, 'resolved', now)],
      ['survey', () => store.setSurvey(a.c.id, { rating: 5, comment: null, createdAt: now })],
    ];
    for (const [what, write] of writes) {
      await write();
      const before = await store.getConversation(a.c.id);
      const next = await store.appendMessage(msg({ id: `after ${what}`, conversationId: a.c.id }));
      expect(next.statusBefore, what).toBe(before!.status);
      expect(next.conversation, what).toEqual(await store.getConversation(a.c.id));
    }
  });

  it('starts again from what was committed after a batch fails', async () => {
    const a = await conversation();
    const failed = await Promise.allSettled([
      store.appendMessage(msg({ id: 'lost', conversationId: a.c.id })),
      // Not a refusal but a failure of the statement: the whole batch rolls back.
      store.appendMessage(msg({ id: 'broken', conversationId: a.c.id, text: null as unknown as string })),
    ]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    const next = await store.appendMessage(msg({ id: 'next', conversationId: a.c.id }));
    expect(next.message.seq).toBe(1);
    expect(next.conversation).toEqual(await store.getConversation(a.c.id));
  });

  it('fails one batch, not every one after it, when the file changed behind its back', async () => {
    const a = await conversation();
    const b = await conversation();
    await store.appendMessage(msg({ id: 'first', conversationId: a.c.id }));
    const other = new Database(path.join(data.dir, 'earshot.sqlite'));
    try {
      other.prepare(`INSERT INTO messages (id, conversation_id, seq, author, text, created_at) VALUES ('outside', ?, 2, 'visitor', 'x', ?)`).run(a.c.id, new Date().toISOString());
      other.prepare('UPDATE conversations SET last_seq = 2 WHERE id = ?').run(a.c.id);
    } finally {
      other.close();
    }
    const once = await Promise.allSettled([
      store.appendMessage(msg({ id: 'clash', conversationId: a.c.id })),
      store.appendMessage(msg({ id: 'bystander', conversationId: b.c.id })),
    ]);
    expect(once.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    const after = await Promise.all([
      store.appendMessage(msg({ id: 'clash', conversationId: a.c.id })),
      store.appendMessage(msg({ id: 'bystander', conversationId: b.c.id })),
    ]);
    expect(after.map((r) => r.message.seq)).toEqual([3, 1]);
  });

  it('hands out rows a caller may change without changing what the next append starts from', async () => {
    const a = await conversation();
    await store.setSurvey(a.c.id, { rating: 5, comment: null, createdAt: new Date().toISOString() });
    const first = await store.appendMessage(msg({ id: 'one', conversationId: a.c.id }));
    first.conversation.survey!.rating = 1;
    first.conversation.lastSeq = 99;
    const second = await store.appendMessage(msg({ id: 'two', conversationId: a.c.id }));
    expect(second.conversation).toMatchObject({ lastSeq: 2, survey: { rating: 5 } });
  });

  it('keeps appended messages after the file is closed and opened again', async () => {
    const a = await conversation();
    await store.appendMessage(msg({ id: 'kept', conversationId: a.c.id }));
    await store.close();
    store = openSqliteStore(data.dir);
    expect((await store.getMessage('kept'))?.seq).toBe(1);
  });
});

describe('SQLite store, write-ahead log', () => {
  it('keeps the WAL short under steady writes: the checkpointer thread copies it and starts it over', async () => {
    await store.close();
    const file = path.join(data.dir, 'earshot.sqlite');
    store = openSqliteStore(data.dir, { everyMs: 5, restartFrames: 50 });
    const written = fs.statSync(file).mtimeMs;
    const { visitor, c } = await conversation();
    // The checkpointer's thread may take a while to start on a busy machine: its first checkpoint
    // writes the conversation's pages into the database file. Waited for without checkpointing
    // from here (that would let the WAL start over by itself).
    await expect.poll(() => fs.statSync(file).mtimeMs, { timeout: 10_000 }).not.toBe(written);
    // Far more frames than restartFrames, written without a pause long enough for a passive checkpoint to catch up.
    for (let i = 0; i < 600; i++) {
      await Promise.all([0, 1, 2].map((j) => store.appendMessage(msg({ id: `w${i}-${j}`, conversationId: c.id, visitorId: visitor.id }))));
    }
    const peek = new Database(file);
    try {
      const [{ log }] = peek.pragma('wal_checkpoint(PASSIVE)') as [{ log: number }];
      // About 3,500 frames were written; without a restart the WAL holds them all.
      expect(log).toBeLessThan(1500);
    } finally {
      peek.close();
    }
    const page = await store.listMessages(c.id, 0, 5000);
    expect(page.length).toBe(1800);
  });
});

describe('agent sessions', () => {
  it('forgets sessions that ran out when someone signs in, and keeps the rest', async () => {
    await ensureFirstAdmin(store, { email: 'admin@shop.test', password: 'correct horse battery' });
    const admin = (await store.getAgentByEmail('admin@shop.test'))!;
    await store.createSession({ tokenHash: 'old', agentId: admin.id, expiresAt: '2020-01-01T00:00:00.000Z' });
    await store.createSession({ tokenHash: 'live', agentId: admin.id, expiresAt: '2999-01-01T00:00:00.000Z' });
    await signIn(store, 'admin@shop.test', 'correct horse battery');
    expect(await store.getSession('old')).toBeNull();
    expect(await store.getSession('live')).not.toBeNull();
  });
});

describe('retention', () => {
  it('forgets visitors who only opened a page long ago, and the text of old emails, keeping everything else', async () => {
    const long = '2020-01-01T00:00:00.000Z';
    const idle = (await createVisitor(store, 'demo', null)).visitor;
    const chatted = (await conversation()).visitor;
    const recent = (await createVisitor(store, 'demo', null)).visitor;
    await store.updateVisitor(idle.id, { lastSeenAt: long });
    await store.updateVisitor(chatted.id, { lastSeenAt: long });
    await store.enqueueOutbox({ id: 'old-mail', kind: 'email', payload: { to: 'ana@example.test', subject: 'Hi', text: 'secret' } }, long);
    await store.enqueueOutbox({ id: 'new-mail', kind: 'email', payload: { to: 'bo@example.test', subject: 'Hi', text: 'new' } }, new Date().toISOString());
    const claimed = await store.claimOutbox(new Date().toISOString(), new Date(Date.now() + 60_000).toISOString(), 10);
    for (const row of claimed) await store.markOutboxSent(row.id, new Date().toISOString());

    const before = new Date(Date.now() - 30 * 86_400_000).toISOString();
    expect(await store.purgeOld(before, null, 500)).toMatchObject({ visitors: 1, emails: 1, more: false });
    expect(await store.getVisitor(idle.id)).toBeNull();
    expect(await store.getVisitor(chatted.id)).not.toBeNull();
    expect(await store.getVisitor(recent.id)).not.toBeNull();
    const old = (await store.getOutbox('old-mail'))!;
    expect([old.status, old.payload]).toEqual(['sent', {}]);
    expect((await store.getOutbox('new-mail'))!.payload).toMatchObject({ to: 'bo@example.test' });
    expect(await store.purgeOld(before, null, 500)).toMatchObject({ visitors: 0, emails: 0 });
  });

  it('goes on from where it stopped, a slice at a time, without looking at kept visitors again', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { visitor } = i % 2 ? await conversation() : await createVisitor(store, 'demo', null);
      await store.updateVisitor(visitor.id, { lastSeenAt: `2020-01-0${i + 1}T00:00:00.000Z` });
      ids.push(visitor.id);
    }
    const before = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const first = await store.purgeOld(before, null, 2);
    expect(first).toMatchObject({ visitors: 1, more: true, next: { lastSeenAt: '2020-01-02T00:00:00.000Z' } });
    const second = await store.purgeOld(before, first.next, 2);
    expect(second).toMatchObject({ visitors: 1, more: true, next: { lastSeenAt: '2020-01-04T00:00:00.000Z' } });
    const third = await store.purgeOld(before, second.next, 2);
    expect(third).toMatchObject({ visitors: 1, more: false, next: { lastSeenAt: '2020-01-05T00:00:00.000Z' } });
    // Past the end, nothing is looked at again; the visitors who chatted are all there.
    expect(await store.purgeOld(before, third.next, 2)).toMatchObject({ visitors: 0, next: null, more: false });
    expect((await Promise.all(ids.map((id) => store.getVisitor(id)))).map(Boolean)).toEqual([false, true, false, true, false]);
  });
});

describe('retention sweep', () => {
  it('forgets idle visitors, but never one whose tab is still connected, however long ago it came', async () => {
    const long = '2020-01-01T00:00:00.000Z';
    const gone = (await createVisitor(store, 'demo', null)).visitor;
    const here = (await createVisitor(store, 'demo', null)).visitor;
    await store.updateVisitor(gone.id, { lastSeenAt: long });
    await store.updateVisitor(here.id, { lastSeenAt: long });
    const stop = startRetention(store, createLogger('silent'), { connected: () => [here.id] });
    try {
      await expect.poll(() => store.getVisitor(gone.id)).toBeNull();
      const kept = await store.getVisitor(here.id);
      expect(kept).not.toBeNull();
      expect(Date.parse(kept!.lastSeenAt)).toBeGreaterThan(Date.now() - 60_000);
    } finally {
      stop();
    }
  });
});
