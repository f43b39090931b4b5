import { describe, expect, it } from 'vitest';
import type { HeldMailRow } from '../../server/store/types';
import { newConversation, STORE, useTestStore } from '../helpers/stores';

// The store contract of email threads, held mail and resume links, on SQLite and again on Postgres.

const t = useTestStore();

const held = (id: string, receivedAt: string): HeldMailRow => ({
  id,
  receivedAt,
  reason: 'wrong_sender',
  from: 'mallory@example.net',
  to: 'reply+abc@in.example.com',
  subject: 'Re: hello',
  text: 'Забронируйте мне столик',
  messageId: `<${id}@example.net>`,
  target: { kind: 'conversation', id: 'c1' },
  spf: 'pass',
  dkim: null,
  status: 'held',
  decidedBy: null,
  decidedAt: null,
});

describe(`${STORE} store: mail`, () => {
  it('finds a thread email by its token hash and lists a thread’s ids oldest first, the latest `limit`', async () => {
    const target = { kind: 'conversation' as const, id: 'c1' };
    for (const [n, at] of [
      [1, '2026-12-01T10:00:00.000Z'],
      [2, '2026-12-02T10:00:00.000Z'],
      [3, '2026-12-03T10:00:00.000Z'],
    ] as const) {
      await t.store.addMailThread({ ...target, messageId: `<m${n}@x>`, tokenHash: `h${n}`, address: 'v@example.com', createdAt: at });
    }
    await t.store.addMailThread({
      kind: 'feedback',
      id: 'f1',
      messageId: '<other@x>',
      tokenHash: null,
      address: null,
      createdAt: '2026-12-04T10:00:00.000Z',
    });
    // A Message-ID stored already is left as it is.
    await t.store.addMailThread({ ...target, messageId: '<m1@x>', tokenHash: 'h9', address: null, createdAt: '2026-12-05T10:00:00.000Z' });
    expect(await t.store.mailThreadByToken('h2')).toEqual({
      ...target,
      messageId: '<m2@x>',
      tokenHash: 'h2',
      address: 'v@example.com',
      createdAt: '2026-12-02T10:00:00.000Z',
    });
    expect(await t.store.mailThreadByToken('h9')).toBeNull();
    expect(await t.store.mailThreadIds(target, 2)).toEqual(['<m2@x>', '<m3@x>']);
  });

  it('lists held mail newest first and decides each once', async () => {
    await t.store.holdMail(held('a', '2026-12-01T10:00:00.000Z'));
    await t.store.holdMail({ ...held('b', '2026-12-02T10:00:00.000Z'), target: null, reason: 'no_token' });
    expect((await t.store.listHeldMail(10)).map((h) => h.id)).toEqual(['b', 'a']);
    expect(await t.store.getHeldMail('a')).toEqual(held('a', '2026-12-01T10:00:00.000Z'));
    const decided = await t.store.decideHeldMail('a', 'discarded', 'admin-1', '2026-12-03T10:00:00.000Z');
    expect(decided).toMatchObject({ status: 'discarded', decidedBy: 'admin-1', decidedAt: '2026-12-03T10:00:00.000Z' });
    expect(await t.store.decideHeldMail('a', 'posted', 'admin-1', '2026-12-03T11:00:00.000Z')).toBeNull();
    expect((await t.store.listHeldMail(10)).map((h) => h.id)).toEqual(['b']);
  });

  it('spends a resume link once, and says why it will not spend one again, an expired one or an unknown one', async () => {
    const { visitor, c } = await newConversation(t.store);
    const link = {
      visitorId: visitor.id,
      conversationId: c.id,
      createdAt: '2026-12-01T10:00:00.000Z',
      expiresAt: '2026-12-08T10:00:00.000Z',
      usedAt: null,
    };
    await t.store.createResumeLink({ ...link, tokenHash: 'r1' });
    await t.store.createResumeLink({ ...link, tokenHash: 'r2' });
    const both = await Promise.all([
      t.store.spendResumeLink('r1', '2026-12-02T10:00:00.000Z'),
      t.store.spendResumeLink('r1', '2026-12-02T10:00:00.000Z'),
    ]);
    expect(both.filter((r) => typeof r === 'object')).toEqual([{ ...link, tokenHash: 'r1', usedAt: '2026-12-02T10:00:00.000Z' }]);
    expect(both.filter((r) => r === 'spent')).toHaveLength(1);
    expect(await t.store.spendResumeLink('r2', '2026-12-08T10:00:00.001Z')).toBe('expired');
    expect(await t.store.spendResumeLink('nope', '2026-12-02T10:00:00.000Z')).toBe('unknown');
  });
});

describe(`${STORE} store: mail retention`, () => {
  it('forgets held mail received and resume links expired before the cut-off, `limit` at a time', async () => {
    await t.store.holdMail(held('old1', '2026-10-01T10:00:00.000Z'));
    await t.store.holdMail(held('old2', '2026-10-02T10:00:00.000Z'));
    await t.store.holdMail(held('new', '2026-12-05T10:00:00.000Z'));
    const { visitor, c } = await newConversation(t.store);
    const link = { visitorId: visitor.id, conversationId: c.id, createdAt: '2026-10-01T10:00:00.000Z', usedAt: null };
    await t.store.createResumeLink({ ...link, tokenHash: 'gone', expiresAt: '2026-10-08T10:00:00.000Z' });
    await t.store.createResumeLink({ ...link, tokenHash: 'live', expiresAt: '2026-12-08T10:00:00.000Z' });
    expect(await t.store.purgeMail('2026-11-01T00:00:00.000Z', 1)).toBe(1);
    expect(await t.store.purgeMail('2026-11-01T00:00:00.000Z', 1)).toBe(1);
    expect(await t.store.purgeMail('2026-11-01T00:00:00.000Z', 1)).toBe(0);
    expect((await t.store.listHeldMail(10)).map((h) => h.id)).toEqual(['new']);
    expect(await t.store.spendResumeLink('gone', '2026-10-02T00:00:00.000Z')).toBe('unknown');
    expect(await t.store.spendResumeLink('live', '2026-12-06T00:00:00.000Z')).toMatchObject({ tokenHash: 'live' });
  });
});
