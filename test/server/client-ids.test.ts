import { describe, expect, it } from 'vitest';
import type { FeedbackInput } from '../../protocol/types';
import { agent, signInCookie, visitor, useServer } from '../helpers/server';
import { addAgent, agentWith } from '../helpers/team';

const t = useServer({ smtp: true });

const page = { url: 'http://shop.test/', title: 'Shop' };
const feedback = (over: Partial<FeedbackInput> = {}): FeedbackInput => ({
  id: 'feedback-id-of-alice-0001',
  rating: 2,
  category: 'complaint',
  text: 'The parcel came late',
  contact: { mode: 'reply', name: 'Alice', email: 'alice@example.com' },
  page,
  ...over,
});
const refused = { ok: false, code: 'duplicate_id', message: expect.any(String) };

/** A second agent, Petra, and how she signs in. */
const petra = () => addAgent(t.server, { id: 'petra', name: 'Petra', email: 'petra@test.local', password: 'petra password' });

/** Every client id belongs to whoever made it: someone else's send with it is refused and learns nothing. */
describe('client ids from someone else', () => {
  it("refuses another visitor's feedback id without telling anything of the feedback", async () => {
    const alice = t.track((await visitor(t.server.url)).socket);
    const mallory = t.track((await visitor(t.server.url)).socket);
    expect(await alice.emitWithAck('feedback:send', feedback())).toMatchObject({ ok: true, data: { replyExpected: true } });
    // Her own retry is answered with what was stored.
    expect(await alice.emitWithAck('feedback:send', feedback())).toMatchObject({ ok: true, data: { id: 'feedback-id-of-alice-0001' } });
    const guess = await mallory.emitWithAck('feedback:send', feedback({ text: 'Anything', contact: { mode: 'anonymous' } }));
    expect(guess).toEqual(refused);
    const stored = await t.server.store.getFeedback('feedback-id-of-alice-0001');
    expect(stored).toMatchObject({ text: 'The parcel came late', email: 'alice@example.com' });
    expect(await t.server.store.countFeedback('new')).toBe(1);
  });

  it("refuses another visitor's message id, in a left message too, and stores nothing", async () => {
    const alice = t.track((await visitor(t.server.url)).socket);
    const mallory = t.track((await visitor(t.server.url)).socket);
    const sent = await alice.emitWithAck('message:send', {
      id: 'message-id-of-alice-01',
      conversationId: null,
      text: 'My address is Main St 1',
    });
    expect(sent.ok).toBe(true);
    expect(await mallory.emitWithAck('message:send', { id: 'message-id-of-alice-01', conversationId: null, text: 'hi' })).toEqual(refused);
    const left = await mallory.emitWithAck('offline:send', { id: 'message-id-of-alice-01', email: 'm@example.com', text: 'hi', page });
    expect(left).toEqual(refused);
    expect((await t.server.store.getMessage('message-id-of-alice-01'))!.text).toBe('My address is Main St 1');
  });

  it("refuses another agent's message id and another agent's feedback reply id", async () => {
    const admin = t.track(await agent(t.server.url));
    const other = t.track(await agentWith(t.server.url, await signInCookie(t.server.url, await petra())));
    const v = t.track((await visitor(t.server.url)).socket);
    const first = await v.emitWithAck('message:send', { id: 'visitor-message-0001', conversationId: null, text: 'Hello?' });
    const conversationId = first.ok ? first.data.conversationId : '';

    expect((await admin.emitWithAck('message:send', { id: 'reply-of-the-admin-01', conversationId, text: 'Hi, Ada here' })).ok).toBe(true);
    expect(await other.emitWithAck('message:send', { id: 'reply-of-the-admin-01', conversationId, text: 'Hi, Petra here' })).toEqual(
      refused,
    );
    // The admin's own retry is the stored message.
    expect(await admin.emitWithAck('message:send', { id: 'reply-of-the-admin-01', conversationId, text: 'Hi, Ada here' })).toMatchObject({
      ok: true,
      data: { text: 'Hi, Ada here' },
    });

    const sentFeedback = await v.emitWithAck('feedback:send', feedback({ id: undefined }));
    const feedbackId = sentFeedback.ok ? sentFeedback.data.id : '';
    expect((await admin.emitWithAck('feedback:reply', { id: 'feedback-reply-admin-1', feedbackId, text: 'Sorry about that' })).ok).toBe(
      true,
    );
    expect(await other.emitWithAck('feedback:reply', { id: 'feedback-reply-admin-1', feedbackId, text: 'Sorry!' })).toEqual(refused);
    const detail = await admin.emitWithAck('feedback:get', { feedbackId });
    expect(detail.ok && detail.data.replies.map((r) => r.text)).toEqual(['Sorry about that']);
  });

  it("refuses another agent's callback outcome and reschedule ids, and changes nothing", async () => {
    const admin = t.track(await agent(t.server.url));
    const other = t.track(await agentWith(t.server.url, await signInCookie(t.server.url, await petra())));
    const v = t.track((await visitor(t.server.url)).socket);
    const req = await v.emitWithAck('callback:request', { phone: '602 123 456', country: 'CZ', when: { asap: true }, page });
    const callbackId = req.ok ? req.data.id : '';
    const later = new Date(Date.now() + 3 * 3600_000).toISOString();
    const outcome = { id: 'outcome-of-the-admin', callbackId, outcome: 'no_answer' as const, note: 'Voicemail' };
    const reschedule = { id: 'reschedule-by-admin', callbackId, dueAt: later, note: 'After 3' };
    expect((await admin.emitWithAck('callback:outcome', outcome)).ok).toBe(true);
    expect((await admin.emitWithAck('callback:reschedule', reschedule)).ok).toBe(true);
    const before = await t.server.store.getCallback(callbackId);

    expect(await other.emitWithAck('callback:outcome', outcome)).toEqual(refused);
    expect(await other.emitWithAck('callback:reschedule', reschedule)).toEqual(refused);
    expect(await t.server.store.getCallback(callbackId)).toEqual(before);
    expect((await t.server.store.listCallbackAttempts(callbackId)).map((a) => [a.id, a.agentName])).toEqual([
      ['outcome-of-the-admin', 'Admin'],
      ['reschedule-by-admin', 'Admin'],
    ]);
  });
});
