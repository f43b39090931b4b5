import { describe, expect, it } from 'vitest';
import type { FeedbackInput, FeedbackItem, FeedbackReply } from '../../protocol/types';
import { feedbackStats } from '../../server/domain/feedback';
import { agent, nextEvent, startTestServer, visitor, ADMIN, useServer } from '../helpers/server';
import { feedbackRow } from '../helpers/stores';

const t = useServer({ smtp: true, env: { MAIL_FROM: 'Demo shop <hello@shop.test>' } });

const page = { url: 'http://shop.test/checkout', title: 'Checkout' };
const named = (over: Partial<FeedbackInput> = {}): FeedbackInput => ({
  rating: 4,
  category: 'idea',
  text: 'Add gift wrapping',
  contact: { mode: 'reply', name: 'Ana', email: 'ana@example.test' },
  page,
  locale: 'en',
  ...over,
});

async function sendFeedback(input: unknown) {
  const v = await visitor(t.server.url);
  t.sockets.push(v.socket);
  return v.socket.emitWithAck('feedback:send', input as FeedbackInput);
}

/** The ids of the feedback agents see in their list, newest first (the refusal, should the list be refused). */
async function listedIds() {
  const a = t.track(await agent(t.server.url));
  const list = await a.emitWithAck('feedback:list', {});
  return list.ok ? list.data.map((f) => f.id) : list;
}

describe('feedback', () => {
  it('stores named feedback with the page and tells agents live', async () => {
    const a = await agent(t.server.url);
    t.sockets.push(a);
    const pushed = nextEvent<FeedbackItem>(a, 'feedback:new');
    const res = await sendFeedback(named());
    expect(res).toMatchObject({ ok: true, data: { replyExpected: true } });
    expect(await pushed).toMatchObject({
      name: 'Ana',
      email: 'ana@example.test',
      pageUrl: page.url,
      pageTitle: 'Checkout',
      status: 'new',
      unhappy: false,
    });
  });

  it('keeps nothing identifying for anonymous feedback', async () => {
    const res = await sendFeedback(named({ contact: { mode: 'anonymous' }, text: 'Shipping is slow' }));
    expect(res).toMatchObject({ ok: true, data: { replyExpected: false } });
    const a = await agent(t.server.url);
    t.sockets.push(a);
    const list = await a.emitWithAck('feedback:list', {});
    expect(list.ok && list.data[0]).toMatchObject({ name: null, email: null, text: 'Shipping is slow' });
    const reply = await a.emitWithAck('feedback:reply', { feedbackId: list.ok ? list.data[0]!.id : '', text: 'Thanks' });
    expect(reply).toMatchObject({ ok: false, code: 'no_contact' });
  });

  it("emails a reply to named feedback with the right To, Subject and body, showing the visitor's <script> literally", async () => {
    const sent = await sendFeedback(named({ text: 'Your checkout shows <script>alert(1)</script>', locale: 'cs-CZ' }));
    const id = sent.ok ? sent.data.id : '';
    const a = await agent(t.server.url);
    t.sockets.push(a);
    const updated = nextEvent<FeedbackItem>(a, 'feedback:updated');
    const reply = await a.emitWithAck('feedback:reply', { feedbackId: id, text: 'Thank you, Ana. Fixed today.' });
    expect(reply).toMatchObject({ ok: true, data: { agentName: 'Admin', emailStatus: 'pending' } });
    expect((await updated).status).toBe('answered');
    const [mail] = await t.smtp.waitFor(1);
    expect(mail!.to).toMatchObject({ text: 'ana@example.test' });
    expect(mail!.replyTo).toMatchObject({ text: ADMIN.email });
    expect(mail!.subject).toBe('Re: vaše zpětná vazba pro Demo shop');
    expect(mail!.text).toContain('Dobrý den, Ana,');
    expect(mail!.text).toContain('Thank you, Ana. Fixed today.');
    expect(mail!.text).toContain('> Your checkout shows <script>alert(1)</script>');
    expect(mail!.html).toBe(false);
    const detail = await a.emitWithAck('feedback:get', { feedbackId: id });
    await expect
      .poll(async () => {
        const d = await a.emitWithAck('feedback:get', { feedbackId: id });
        return d.ok && d.data.replies[0]?.emailStatus;
      })
      .toBe('sent');
    expect(detail.ok && detail.data.replies.map((r) => r.text)).toEqual(['Thank you, Ana. Fixed today.']);
  });

  it('stores and emails a reply sent again with its id once, and refuses its id on other feedback', async () => {
    const one = await sendFeedback(named({ text: 'First' }));
    const two = await sendFeedback(named({ text: 'Second' }));
    const a = await agent(t.server.url);
    t.sockets.push(a);
    const input = { id: 'reply-1', feedbackId: one.ok ? one.data.id : '', text: 'Thanks!' };
    const [first, again] = await Promise.all([a.emitWithAck('feedback:reply', input), a.emitWithAck('feedback:reply', input)]);
    expect(first).toMatchObject({ ok: true, data: { id: 'reply-1' } });
    // The same reply, with its email's state by now.
    expect(again).toMatchObject({ ok: true, data: { id: 'reply-1', text: 'Thanks!', createdAt: first.ok ? first.data.createdAt : '' } });
    expect(await a.emitWithAck('feedback:reply', { ...input, feedbackId: two.ok ? two.data.id : '' })).toMatchObject({
      ok: false,
      code: 'duplicate_id',
    });
    await t.smtp.waitFor(1);
    const detail = await a.emitWithAck('feedback:get', { feedbackId: input.feedbackId });
    expect(detail.ok && detail.data.replies.map((r) => r.id)).toEqual(['reply-1']);
    await a.emitWithAck('feedback:newCount', {});
    expect(t.smtp.messages).toHaveLength(1);
  });

  it('tells agents live once the email carrying a reply has been sent', async () => {
    const sent = await sendFeedback(named());
    const a = await agent(t.server.url);
    t.sockets.push(a);
    const pushed = nextEvent<FeedbackReply>(a, 'feedback:replyUpdated');
    const reply = await a.emitWithAck('feedback:reply', { feedbackId: sent.ok ? sent.data.id : '', text: 'Thanks, Ana.' });
    expect(reply.ok).toBe(true);
    expect(await pushed).toEqual({ ...(reply.ok && reply.data), emailStatus: 'sent' });
    expect(t.smtp.messages).toHaveLength(1);
  });

  it('tells agents live when the SMTP server refused a reply email and it waits for a retry', async () => {
    t.smtp.refuseNext(1);
    const sent = await sendFeedback(named());
    const a = await agent(t.server.url);
    t.sockets.push(a);
    const pushed = nextEvent<FeedbackReply>(a, 'feedback:replyUpdated');
    const reply = await a.emitWithAck('feedback:reply', { feedbackId: sent.ok ? sent.data.id : '', text: 'Thanks, Ana.' });
    expect(await pushed).toMatchObject({ id: reply.ok ? reply.data.id : '', emailStatus: 'pending' });
    expect(t.smtp.messages).toHaveLength(0);
  });

  it('alerts agents and emails the admins about a complaint', async () => {
    const a = await agent(t.server.url);
    t.sockets.push(a);
    const pushed = nextEvent<FeedbackItem>(a, 'feedback:new');
    await sendFeedback(named({ rating: 1, category: 'complaint', text: 'Broken mug' }));
    expect((await pushed).unhappy).toBe(true);
    const [mail] = await t.smtp.waitFor(1);
    expect(mail!.to).toMatchObject({ text: ADMIN.email });
    expect(mail!.subject).toBe('[Demo shop] Complaint: rating 1 of 5');
    expect(mail!.text).toContain('> Broken mug');
  });

  it.each([
    ['a missing email with "Reply to me"', { contact: { mode: 'reply', name: 'Ana' } }, 'contact.email'],
    ['a malformed email', { contact: { mode: 'reply', name: 'Ana', email: 'ana@' } }, 'contact.email'],
    ['a missing name with "Reply to me"', { contact: { mode: 'reply', name: ' ', email: 'ana@example.test' } }, 'contact.name'],
    ['empty feedback with no rating', { rating: null, text: '   ' }, 'text'],
    ['oversize text', { text: 'x'.repeat(6000) }, 'text'],
    ['a rating of 6', { rating: 6 }, 'rating'],
    ['an unknown category', { category: 'rant' }, 'category'],
  ])('refuses %s, naming the field, and stores nothing', async (_name, over, field) => {
    const res = await sendFeedback({ ...named(), ...over });
    expect(res).toMatchObject({ ok: false, field });
    const a = await agent(t.server.url);
    t.sockets.push(a);
    const list = await a.emitWithAck('feedback:list', { status: 'all' });
    expect(list.ok && list.data).toEqual([]);
  });

  it('filters by unhappy, category, status and page', async () => {
    await sendFeedback(named({ rating: 2, category: 'question', page: { url: 'http://shop.test/a', title: 'A' } }));
    await sendFeedback(named({ rating: 5, category: 'praise', page: { url: 'http://shop.test/b', title: 'B' } }));
    const a = await agent(t.server.url);
    t.sockets.push(a);
    const texts = async (filter: object) => {
      const r = await a.emitWithAck('feedback:list', filter);
      return r.ok ? r.data.map((f) => f.rating) : r;
    };
    expect(await texts({ unhappy: true })).toEqual([2]);
    expect(await texts({ category: 'praise' })).toEqual([5]);
    expect(await texts({ page: '/a' })).toEqual([2]);
    const all = await a.emitWithAck('feedback:list', {});
    const archived = await a.emitWithAck('feedback:setStatus', { feedbackId: all.ok ? all.data[0]!.id : '', status: 'archived' });
    expect(archived).toMatchObject({ ok: true, data: { status: 'archived' } });
    expect(await texts({ status: 'archived' })).toEqual([5]);
  });

  it('pages through the list newest first, each item once, in the order of one full list, filtered too', async () => {
    // Ties on the creation time, inserted out of id order: pages must still join up exactly.
    const times = ['09:00', '10:00', '10:00', '10:00', '11:00', '11:00', '12:00'];
    const ids = ['f5', 'f2', 'f7', 'f1', 'f6', 'f3', 'f4'];
    for (const [i, time] of times.entries()) {
      const at = `2026-01-05T${time}:00.000Z`;
      await t.server.store.createFeedback(
        feedbackRow({ id: ids[i]!, rating: 3, category: 'idea', text: `t${i}`, status: i % 3 === 0 ? 'archived' : 'new' }, at),
      );
    }
    const a = await agent(t.server.url);
    t.sockets.push(a);
    const pageThrough = async (filter: { status?: 'new' | 'all' }) => {
      const seen: string[] = [];
      let before: { createdAt: string; id: string } | undefined;
      for (;;) {
        const page = await a.emitWithAck('feedback:list', { ...filter, limit: 3, before });
        if (!page.ok) throw new Error(page.code);
        seen.push(...page.data.map((f) => f.id));
        if (page.data.length < 3) return seen;
        const last = page.data.at(-1)!;
        before = { createdAt: last.createdAt, id: last.id };
      }
    };
    const full = async (filter: object) => {
      const r = await a.emitWithAck('feedback:list', filter);
      return r.ok ? r.data.map((f) => f.id) : r;
    };
    expect(await full({ status: 'all' })).toEqual(['f4', 'f6', 'f3', 'f7', 'f2', 'f1', 'f5']);
    expect(await pageThrough({ status: 'all' })).toEqual(await full({ status: 'all' }));
    expect(await full({ status: 'new' })).toEqual(['f6', 'f3', 'f7', 'f2']);
    expect(await pageThrough({ status: 'new' })).toEqual(await full({ status: 'new' }));
    const bad = await a.emitWithAck('feedback:list', { before: { createdAt: 'yesterday', id: 'f1' } });
    expect(bad).toMatchObject({ ok: false, code: 'invalid_payload', field: 'before.createdAt' });
  });

  it('counts new feedback exactly and tells agents the count after every change', async () => {
    const a = await agent(t.server.url);
    t.sockets.push(a);
    const counts: number[] = [];
    a.on('feedback:newCount', (n: number) => counts.push(n));
    const ids: string[] = [];
    for (const text of ['One', 'Two', 'Three']) {
      const res = await sendFeedback(named({ text }));
      ids.push(res.ok ? res.data.id : '');
    }
    await expect.poll(() => counts).toEqual([1, 2, 3]);
    expect(await a.emitWithAck('feedback:newCount', {})).toEqual({ ok: true, data: 3 });

    expect(await a.emitWithAck('feedback:reply', { feedbackId: ids[0]!, text: 'Thanks!' })).toMatchObject({ ok: true });
    await expect.poll(() => counts.at(-1)).toBe(2);
    expect(await a.emitWithAck('feedback:setStatus', { feedbackId: ids[1]!, status: 'archived' })).toMatchObject({ ok: true });
    await expect.poll(() => counts.at(-1)).toBe(1);
    expect(await a.emitWithAck('feedback:setStatus', { feedbackId: ids[1]!, status: 'new' })).toMatchObject({ ok: true });
    await expect.poll(() => counts.at(-1)).toBe(2);
    expect(await a.emitWithAck('feedback:newCount', {})).toEqual({ ok: true, data: 2 });
    expect(await a.emitWithAck('feedback:newCount', { extra: 1 } as never)).toMatchObject({ ok: true, data: 2 });
  });

  it('stores feedback sent twice at once under one id once, answering both', async () => {
    const v = await visitor(t.server.url);
    t.sockets.push(v.socket);
    const [first, again] = await Promise.all([
      v.socket.emitWithAck('feedback:send', named({ id: 'fb-race-1' })),
      v.socket.emitWithAck('feedback:send', named({ id: 'fb-race-1' })),
    ]);
    expect(first).toMatchObject({ ok: true, data: { id: 'fb-race-1' } });
    expect(again).toEqual(first);
    expect(await listedIds()).toEqual(['fb-race-1']);
  });

  it('stores a retried feedback id once', async () => {
    const v = await visitor(t.server.url);
    t.sockets.push(v.socket);
    const first = await v.socket.emitWithAck('feedback:send', named({ id: 'fb-retry-1' }));
    const again = await v.socket.emitWithAck('feedback:send', named({ id: 'fb-retry-1' }));
    expect(again).toEqual(first);
    expect(await listedIds()).toEqual(['fb-retry-1']);
  });

  it('refuses feedback when the site turned the channel off', async () => {
    const a = await agent(t.server.url);
    t.sockets.push(a);
    await a.emitWithAck('site:update', { siteId: 'demo', channels: { chat: true, callback: true, feedback: false } });
    expect(await sendFeedback(named())).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('averages ratings per day over 30 days and counts categories', async () => {
    const now = new Date();
    await t.server.store.createFeedback({
      ...feedbackRow({ id: 'old', rating: 1, category: 'complaint', text: 'x' }, new Date(now.getTime() - 40 * 86_400_000).toISOString()),
      updatedAt: now.toISOString(),
    });
    await sendFeedback(named({ rating: 2, category: 'complaint' }));
    await sendFeedback(named({ rating: 5, category: 'praise' }));
    const stats = await feedbackStats(t.server.store, now);
    expect(stats.days).toHaveLength(30);
    expect(stats.days[29]).toEqual({ date: now.toISOString().slice(0, 10), average: 3.5, count: 2 });
    expect(stats.days.slice(0, 29).every((d) => d.count === 0 && d.average === null)).toBe(true);
    expect(stats.categories).toEqual({ complaint: 1, praise: 1, idea: 0, question: 0 });
  });
});

describe('feedback without email configured', () => {
  it('says why a reply cannot be sent instead of dropping it', async () => {
    await t.server.close();
    t.server = await startTestServer(t.data.dir);
    const sent = await sendFeedback(named());
    const a = await agent(t.server.url);
    t.sockets.push(a);
    expect(await a.emitWithAck('server:status', {})).toEqual({ ok: true, data: { emailConfigured: false, publicUrl: null } });
    const reply = await a.emitWithAck('feedback:reply', { feedbackId: sent.ok ? sent.data.id : '', text: 'Hi' });
    expect(reply).toMatchObject({ ok: false, code: 'email_not_configured' });
    const detail = await a.emitWithAck('feedback:get', { feedbackId: sent.ok ? sent.data.id : '' });
    expect(detail.ok && detail.data).toMatchObject({ item: { status: 'new' }, replies: [] });
  });
});
