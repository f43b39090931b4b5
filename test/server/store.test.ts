import { describe, expect, it } from 'vitest';
import { ensureFirstAdmin, signIn } from '../../server/domain/agents';
import { startRetention } from '../../server/domain/retention';
import { createVisitor } from '../../server/domain/visitors';
import { createLogger } from '../../server/log';
import type { VisitorCursor } from '../../server/store/types';
import { callbackRow, newConversation, newMessage, openTestStore, STORE, useTestStore } from '../helpers/stores';

// The store contract: every test here runs on SQLite, and again on Postgres when
// TEST_DATABASE_URL is set (the postgres vitest project), each in a fresh database.

const t = useTestStore();

const conversation = () => newConversation(t.store);
const msg = newMessage;

describe(`${STORE} store: appends`, () => {
  it('commits the good appends of a batch and rejects only the bad one', async () => {
    const a = await conversation();
    const b = await conversation();
    const results = await Promise.allSettled([
      t.store.appendMessage(msg({ id: 'm1', conversationId: a.c.id, visitorId: a.visitor.id })),
      t.store.appendMessage(msg({ id: 'm2', conversationId: b.c.id, visitorId: a.visitor.id })),
      t.store.appendMessage(msg({ id: 'm3', conversationId: a.c.id, visitorId: a.visitor.id })),
      t.store.appendMessage(msg({ id: 'm1', conversationId: b.c.id, visitorId: b.visitor.id })),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'not_found' });
    expect((results[3] as PromiseRejectedResult).reason).toMatchObject({ code: 'duplicate_id' });
    expect((await t.store.listMessages(a.c.id, 0, 10)).map((m) => [m.id, m.seq])).toEqual([
      ['m1', 1],
      ['m3', 2],
    ]);
    expect(await t.store.listMessages(b.c.id, 0, 10)).toEqual([]);
    expect((await t.store.getConversation(b.c.id))?.lastSeq).toBe(0);
  });

  it('does not count automatic answers as unread for agents', async () => {
    const a = await conversation();
    await t.store.appendMessage(msg({ id: 'q', conversationId: a.c.id }));
    await t.store.appendMessage(msg({ id: 'auto', conversationId: a.c.id, author: 'system', faqId: 'shipping' }));
    expect((await t.store.getConversation(a.c.id))?.agentUnread).toBe(1);
  });

  it('answers a retried id in the same batch with the stored message', async () => {
    const a = await conversation();
    const [first, again] = await Promise.all([
      t.store.appendMessage(msg({ id: 'same', conversationId: a.c.id })),
      t.store.appendMessage(msg({ id: 'same', conversationId: a.c.id })),
    ]);
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.message).toEqual(first.message);
  });

  it('starts each append from the conversation as every other write left it', async () => {
    const a = await conversation();
    await t.store.appendMessage(msg({ id: 'ask', conversationId: a.c.id }));
    await t.store.appendMessage(msg({ id: 'reply', conversationId: a.c.id, author: 'agent' }));
    // Unread by the agent, so the agent's read below changes the row.
    await t.store.appendMessage(msg({ id: 'more', conversationId: a.c.id }));
    const now = new Date().toISOString();
    const writes: [string, () => Promise<unknown>][] = [
      ['agent read', () => t.store.setReadSeq(a.c.id, 'agent', 3)],
      ['visitor read', () => t.store.setReadSeq(a.c.id, 'visitor', 3)],
      ['status', () => t.store.setConversationStatus(a.c.id, 'resolved', now)],
      ['survey', () => t.store.setSurvey(a.c.id, { rating: 5, comment: null, createdAt: now })],
    ];
    for (const [what, write] of writes) {
      await write();
      const before = await t.store.getConversation(a.c.id);
      const next = await t.store.appendMessage(msg({ id: `after ${what}`, conversationId: a.c.id }));
      expect(next.statusBefore, what).toBe(before!.status);
      expect(next.conversation, what).toEqual(await t.store.getConversation(a.c.id));
    }
  });

  it('hands out rows a caller may change without changing what the next append starts from', async () => {
    const a = await conversation();
    await t.store.setSurvey(a.c.id, { rating: 5, comment: null, createdAt: new Date().toISOString() });
    const first = await t.store.appendMessage(msg({ id: 'one', conversationId: a.c.id }));
    first.conversation.survey!.rating = 1;
    first.conversation.lastSeq = 99;
    const second = await t.store.appendMessage(msg({ id: 'two', conversationId: a.c.id }));
    expect(second.conversation).toMatchObject({ lastSeq: 2, survey: { rating: 5 } });
  });

  it.skipIf(STORE !== 'postgres')("orders messages and the inbox by the database's clock, whatever clock each node has", async () => {
    const a = await conversation();
    const b = await conversation();
    // A node whose clock runs an hour fast writes first; one an hour slow writes last.
    const fast = new Date(Date.now() + 3_600_000).toISOString();
    const slow = new Date(Date.now() - 3_600_000).toISOString();
    const first = await t.store.appendMessage(msg({ id: 'fast', conversationId: a.c.id, now: fast }));
    const last = await t.store.appendMessage(msg({ id: 'slow', conversationId: b.c.id, now: slow }));
    const reply = await t.store.appendMessage(msg({ id: 'slow reply', conversationId: a.c.id, author: 'agent', now: slow }));
    expect(first.message.createdAt < last.message.createdAt).toBe(true);
    expect(last.message.createdAt < reply.message.createdAt).toBe(true);
    expect(reply.conversation.updatedAt).toBe(reply.message.createdAt);
    expect(reply.conversation.firstResponseAt).toBe(reply.message.createdAt);
    // The conversation written last is on top of the inbox.
    expect((await t.store.listSummaries({ limit: 2 })).map((c) => c.id)).toEqual([a.c.id, b.c.id]);
    const resolved = await t.store.setConversationStatus(b.c.id, 'resolved', slow);
    expect(resolved.updatedAt > reply.message.createdAt).toBe(true);
  });
});

describe('agent sessions', () => {
  it('forgets sessions that ran out when someone signs in, and keeps the rest', async () => {
    await ensureFirstAdmin(t.store, { email: 'admin@shop.test', password: 'correct horse battery' });
    const admin = (await t.store.getAgentByEmail('admin@shop.test'))!;
    await t.store.createSession({ tokenHash: 'old', agentId: admin.id, expiresAt: '2020-01-01T00:00:00.000Z' });
    await t.store.createSession({ tokenHash: 'live', agentId: admin.id, expiresAt: '2999-01-01T00:00:00.000Z' });
    await signIn(t.store, 'admin@shop.test', 'correct horse battery');
    expect(await t.store.getSession('old')).toBeNull();
    expect(await t.store.getSession('live')).not.toBeNull();
  });
});

describe('agent sessions by the store clock', () => {
  it('does not find a session once it has expired, before any sweep', async () => {
    await ensureFirstAdmin(t.store, { email: 'admin@shop.test', password: 'correct horse battery' });
    const admin = (await t.store.getAgentByEmail('admin@shop.test'))!;
    const soon = new Date(Date.now() + 300).toISOString();
    await t.store.createSession({ tokenHash: 'brief', agentId: admin.id, expiresAt: soon });
    expect(await t.store.getSession('brief')).toMatchObject({ agentId: admin.id });
    await expect.poll(() => t.store.getSession('brief'), { timeout: 3000 }).toBeNull();
  });
});

describe('retention', () => {
  it('forgets visitors who only opened a page long ago, and the text of old emails, keeping everything else', async () => {
    const long = '2020-01-01T00:00:00.000Z';
    const idle = (await createVisitor(t.store, 'demo', null)).visitor;
    const chatted = (await conversation()).visitor;
    const recent = (await createVisitor(t.store, 'demo', null)).visitor;
    await t.store.updateVisitor(idle.id, { lastSeenAt: long });
    await t.store.updateVisitor(chatted.id, { lastSeenAt: long });
    await t.store.enqueueOutbox(
      { id: 'old-mail', kind: 'email', payload: { to: 'ana@example.test', subject: 'Hi', text: 'secret' } },
      long,
    );
    await t.store.enqueueOutbox(
      { id: 'new-mail', kind: 'email', payload: { to: 'bo@example.test', subject: 'Hi', text: 'new' } },
      new Date().toISOString(),
    );
    const claimed = await t.store.claimOutbox(60_000, 10);
    for (const row of claimed) await t.store.markOutboxSent(row.id, row.claimId);

    const before = new Date(Date.now() - 30 * 86_400_000).toISOString();
    expect(await t.store.purgeOld(before, null, 500)).toMatchObject({ visitors: 1, emails: 1, more: false });
    expect(await t.store.getVisitor(idle.id)).toBeNull();
    expect(await t.store.getVisitor(chatted.id)).not.toBeNull();
    expect(await t.store.getVisitor(recent.id)).not.toBeNull();
    const old = (await t.store.getOutbox('old-mail'))!;
    expect([old.status, old.payload]).toEqual(['sent', {}]);
    expect((await t.store.getOutbox('new-mail'))!.payload).toMatchObject({ to: 'bo@example.test' });
    expect(await t.store.purgeOld(before, null, 500)).toMatchObject({ visitors: 0, emails: 0 });
  });

  it('goes on from where it stopped, a slice at a time, without looking at kept visitors again', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { visitor } = i % 2 ? await conversation() : await createVisitor(t.store, 'demo', null);
      await t.store.updateVisitor(visitor.id, { lastSeenAt: `2020-01-0${i + 1}T00:00:00.000Z` });
      ids.push(visitor.id);
    }
    const before = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const first = await t.store.purgeOld(before, null, 2);
    expect(first).toMatchObject({ visitors: 1, more: true, next: { lastSeenAt: '2020-01-02T00:00:00.000Z' } });
    const second = await t.store.purgeOld(before, first.next, 2);
    expect(second).toMatchObject({ visitors: 1, more: true, next: { lastSeenAt: '2020-01-04T00:00:00.000Z' } });
    const third = await t.store.purgeOld(before, second.next, 2);
    expect(third).toMatchObject({ visitors: 1, more: false, next: { lastSeenAt: '2020-01-05T00:00:00.000Z' } });
    // Past the end, nothing is looked at again; the visitors who chatted are all there.
    expect(await t.store.purgeOld(before, third.next, 2)).toMatchObject({ visitors: 0, next: null, more: false });
    expect((await Promise.all(ids.map((id) => t.store.getVisitor(id)))).map(Boolean)).toEqual([false, true, false, true, false]);
  });
});

describe('retention sweep', () => {
  it('forgets idle visitors, but never one whose tab is still connected, however long ago it came', async () => {
    const long = '2020-01-01T00:00:00.000Z';
    const gone = (await createVisitor(t.store, 'demo', null)).visitor;
    const here = (await createVisitor(t.store, 'demo', null)).visitor;
    await t.store.updateVisitor(gone.id, { lastSeenAt: long });
    await t.store.updateVisitor(here.id, { lastSeenAt: long });
    const stop = startRetention(t.store, createLogger('silent'), { connected: () => [here.id] });
    try {
      await expect.poll(() => t.store.getVisitor(gone.id)).toBeNull();
      const kept = await t.store.getVisitor(here.id);
      expect(kept).not.toBeNull();
      expect(Date.parse(kept!.lastSeenAt)).toBeGreaterThan(Date.now() - 60_000);
    } finally {
      stop();
    }
  });

  it('keeps where it stopped in the database, so the node that leads next goes on from there', async () => {
    expect(await t.store.retentionCursor()).toBeNull();
    const kept = (await conversation()).visitor;
    await t.store.updateVisitor(kept.id, { lastSeenAt: '2020-01-01T00:00:00.000Z' });
    const stop = startRetention(t.store, createLogger('silent'));
    try {
      await expect.poll(() => t.store.retentionCursor()).toEqual({ lastSeenAt: '2020-01-01T00:00:00.000Z', id: kept.id });
    } finally {
      stop();
    }
    // Another node's sweep starts from the saved place: the visitor it kept is not read again.
    const seen: (VisitorCursor | null)[] = [];
    const watched = new Proxy(t.store, {
      get: (target, prop, receiver) =>
        prop === 'purgeOld'
          ? (before: string, from: VisitorCursor | null, limit: number) => (seen.push(from), target.purgeOld(before, from, limit))
          : (Reflect.get(target, prop, receiver) as unknown),
    });
    const next = startRetention(watched, createLogger('silent'));
    try {
      await expect.poll(() => seen.length).toBeGreaterThan(0);
      expect(seen[0]).toEqual({ lastSeenAt: '2020-01-01T00:00:00.000Z', id: kept.id });
    } finally {
      next();
    }
  });
});

describe(`${STORE} store: one writer's answer however many ask at once`, () => {
  it('numbers concurrent appends to one conversation 1, 2, 3 … with no gap and no repeat', async () => {
    const { visitor, c } = await conversation();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.store.appendMessage(msg({ id: `m${i}`, conversationId: c.id, visitorId: visitor.id }))),
    );
    expect(results.map((r) => r.message.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await t.store.getConversation(c.id))!).toMatchObject({ lastSeq: 20, agentUnread: 20 });
    expect((await t.store.listMessages(c.id, 0, 50)).map((m) => m.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('gives two tabs asking at once the same new conversation', async () => {
    const { visitor } = await createVisitor(t.store, 'demo', null);
    const now = new Date().toISOString();
    const [a, b] = await Promise.all([
      t.store.latestOrNewConversation(visitor.id, 'demo', 'tab-a', now),
      t.store.latestOrNewConversation(visitor.id, 'demo', 'tab-b', now),
    ]);
    expect(a.id).toBe(b.id);
    expect(await t.store.listSummaries({ visitorId: visitor.id, limit: 10 })).toHaveLength(1);
  });

  it('makes one call back request when two tabs ask for the same phone at once, and keeps other visitors apart', async () => {
    const { visitor } = await createVisitor(t.store, 'demo', null);
    const other = (await createVisitor(t.store, 'demo', null)).visitor;
    const now = new Date().toISOString();
    const request = (id: string, visitorId: string, topic: string) => callbackRow(now, { id, visitorId, topic });
    const [a, b] = await Promise.all([
      t.store.requestCallback(request('tab-a', visitor.id, 'first'), { topic: 'first', updatedAt: now }),
      t.store.requestCallback(request('tab-b', visitor.id, 'second'), { topic: 'second', updatedAt: now }),
    ]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(a.callback.id).toBe(b.callback.id);
    const mine = await t.store.requestCallback(request('other', other.id, 'mine'), { topic: 'mine', updatedAt: now });
    expect(mine).toMatchObject({ created: true, callback: { id: 'other' } });
    expect((await t.store.listCallbacks(true, 10)).map((c) => c.id).sort()).toEqual([a.callback.id, 'other'].sort());
  });

  it('refuses to reopen a closed request while its visitor has another open one for the phone', async () => {
    const { visitor } = await createVisitor(t.store, 'demo', null);
    const now = new Date().toISOString();
    await t.store.createCallback(callbackRow(now, { id: 'old', visitorId: visitor.id, status: 'called' }));
    await t.store.createCallback(callbackRow(now, { id: 'new', visitorId: visitor.id }));
    await expect(t.store.updateCallback('old', { status: 'rescheduled' })).rejects.toMatchObject({ code: 'invalid_payload' });
    expect((await t.store.getCallback('old'))!.status).toBe('called');
  });

  it('stores an attempt once under its id: a second add of the id, even at once, writes nothing', async () => {
    const { visitor } = await createVisitor(t.store, 'demo', null);
    const now = new Date().toISOString();
    await t.store.createCallback(callbackRow(now, { id: 'cb', visitorId: visitor.id }));
    const attempt = (agentId: string, note: string) => ({
      id: 'attempt-1',
      agentId,
      agentName: agentId,
      outcome: 'no_answer' as const,
      note,
      dueAt: null,
      createdAt: now,
    });
    const added = await Promise.all([
      t.store.addCallbackAttempt('cb', attempt('ana', 'first'), { attempts: 1, updatedAt: now }),
      t.store.addCallbackAttempt('cb', attempt('ana', 'first'), { attempts: 1, updatedAt: now }),
    ]);
    expect(added.sort()).toEqual([false, true]);
    expect(await t.store.addCallbackAttempt('cb', attempt('bo', 'other'), { attempts: 2, status: 'called', updatedAt: now })).toBe(false);
    expect((await t.store.listCallbackAttempts('cb')).map((a) => a.note)).toEqual(['first']);
    expect(await t.store.getCallbackAttempt('attempt-1')).toMatchObject({ agentId: 'ana', callbackId: 'cb', note: 'first' });
    expect(await t.store.getCallbackAttempt('nothing')).toBeNull();
    expect(await t.store.getCallback('cb')).toMatchObject({ attempts: 1, status: 'waiting' });
  });

  it('makes one first admin when two nodes start at once', async () => {
    const admin = (id: string) => ({
      id,
      email: `${id}@shop.test`,
      name: id,
      role: 'admin' as const,
      passwordHash: 'x',
      createdAt: new Date().toISOString(),
    });
    const made = await Promise.all([t.store.createFirstAgent(admin('one')), t.store.createFirstAgent(admin('two'))]);
    expect(made.sort()).toEqual([false, true]);
    expect(await t.store.countAgents()).toBe(1);
  });

  it('knows an agent by email whatever its case, and refuses a second account whose address differs only in case', async () => {
    const now = new Date().toISOString();
    await t.store.createAgent({ id: 'ana', email: 'Ana@Shop.test', name: 'Ana', role: 'admin', passwordHash: 'x', createdAt: now });
    expect((await t.store.getAgentByEmail('ana@shop.test'))?.id).toBe('ana');
    await expect(
      t.store.createAgent({ id: 'ana2', email: 'ana@shop.test', name: 'Ana', role: 'agent', passwordHash: 'x', createdAt: now }),
    ).rejects.toThrow();
  });
});

describe(`${STORE} store: email outbox claims`, () => {
  const queue = (id: string) =>
    t.store.enqueueOutbox({ id, kind: 'email', payload: { to: 'a@b.test', subject: id, text: 'x' } }, new Date().toISOString());

  it('lets only the claim that holds an item settle it', async () => {
    await queue('mail');
    const [first] = await t.store.claimOutbox(0, 10);
    // Its lease ran out (0 ms): another worker takes it over.
    const [second] = await t.store.claimOutbox(60_000, 10);
    expect(second!.claimId).not.toBe(first!.claimId);
    expect(await t.store.markOutboxSent('mail', first!.claimId)).toBe(false);
    expect(await t.store.markOutboxRetry('mail', first!.claimId, 'late', 1000)).toBe(false);
    expect((await t.store.getOutbox('mail'))!.status).toBe('sending');
    expect(await t.store.markOutboxSent('mail', second!.claimId)).toBe(true);
    expect(await t.store.markOutboxSent('mail', second!.claimId)).toBe(false);
    expect((await t.store.getOutbox('mail'))!).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('hands each due item to one of several workers claiming at once', async () => {
    for (let i = 0; i < 30; i++) await queue(`m${i}`);
    const claims = await Promise.all([0, 1, 2].map(() => t.store.claimOutbox(60_000, 12)));
    const ids = claims.flat().map((r) => r.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
  });

  it('puts a refused item back for later, and gives up on it with null', async () => {
    await queue('retry');
    const [claim] = await t.store.claimOutbox(60_000, 10);
    expect(await t.store.markOutboxRetry('retry', claim!.claimId, 'try again later', 60_000)).toBe(true);
    const row = (await t.store.getOutbox('retry'))!;
    expect(row).toMatchObject({ status: 'pending', lastError: 'try again later' });
    expect(Date.parse(row.nextAttemptAt)).toBeGreaterThan(Date.now() + 30_000);
    expect(await t.store.claimOutbox(60_000, 10)).toHaveLength(0);
  });
});

describe(`${STORE} store: health`, () => {
  it('answers a ping while open, and refuses one once closed', async () => {
    await expect(t.store.ping()).resolves.toBeUndefined();
    const other = await openTestStore(t.data.dir);
    await other.close();
    await expect(other.ping()).rejects.toThrow();
  });
});
