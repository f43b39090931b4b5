import { describe, expect, it } from 'vitest';
import type { SiteStatus } from '../../../protocol/types';
import { initialState, reducer } from '../../../widget/state/reducer';
import { chatMode, isWaiting, timeline } from '../../../widget/state/selectors';
import type { Action, ChatState } from '../../../widget/state/types';
import { message, site } from '../helpers/fake-socket';

const run = (...actions: Action[]) => actions.reduce(reducer, initialState());
const away: SiteStatus = { available: false, openNow: false, agentsOnline: 0, typicalReplyMinutes: null };
const hello = (over: Partial<Extract<Action, { type: 'hello' }>> = {}): Action => ({ type: 'hello', site, conversation: null, ...over });
const visitorSaid = message(1, { author: 'visitor', authorName: null });

describe('availability state', () => {
  it('offers Leave a message only while nobody is available and the visitor has no conversation', () => {
    expect(chatMode(run(hello()))).toBe('chat');
    const s = run(hello(), { type: 'status', status: away });
    expect(chatMode(s)).toBe('leave');
    expect(chatMode(reducer(s, { type: 'messages', messages: [visitorSaid] }))).toBe('chat');
    expect(chatMode(reducer(s, { type: 'status', status: { ...away, available: true } }))).toBe('chat');
  });

  it('shows the chat, which says why, instead of Leave a message when the relay refused the connection', () => {
    const refused = run(
      { type: 'status', status: away },
      { type: 'connection', status: 'error', error: 'Chat is not enabled for https://shop.test' },
    );
    expect(chatMode(refused)).toBe('chat');
  });

  it('shows only the other ways when the site switches chat off', () => {
    const s = run(hello(), { type: 'site', site: { ...site, channels: { chat: false, callback: true, feedback: true } } });
    expect(chatMode(s)).toBe('off');
    expect(s.site?.channels.chat).toBe(false);
  });

  it('remembers the visitor’s address from hello, and that they want the answer there', () => {
    const s = run(hello({ email: 'ana@example.com' }));
    expect(s.email).toBe('ana@example.com');
    expect(s.answerByEmail).toBeNull();
    const t = reducer(s, { type: 'email', email: 'bo@example.com', answer: true });
    expect([t.email, t.answerByEmail]).toEqual(['bo@example.com', 'bo@example.com']);
  });

  it('keeps the status across a reset to a new visitor', () => {
    const s = run({ type: 'status', status: away }, { type: 'reset' });
    expect(s.status).toEqual(away);
  });

  it('replaces an automatic answer when it is rated, and ignores unknown messages', () => {
    const faq = message(2, { author: 'system', faq: { id: 'ship', helpful: null } });
    const s = run(hello(), { type: 'messages', messages: [visitorSaid, faq] });
    const rated = reducer(s, { type: 'message/updated', message: { ...faq, faq: { id: 'ship', helpful: true } } });
    expect(timeline(rated)[1]?.faq).toEqual({ id: 'ship', helpful: true });
    expect(reducer(s, { type: 'message/updated', message: message(9) })).toBe(s);
  });
});

describe('waiting for a first reply', () => {
  const waiting = (): ChatState => run(hello(), { type: 'messages', messages: [visitorSaid] });

  it('waits from the visitor’s first message of a pending chat until an agent replies', () => {
    expect(isWaiting(run(hello()))).toBe(false);
    expect(isWaiting(waiting())).toBe(true);
    expect(isWaiting(reducer(waiting(), { type: 'messages', messages: [message(2)] }))).toBe(false);
    // An automatic answer is not an agent's reply.
    expect(isWaiting(reducer(waiting(), { type: 'messages', messages: [message(2, { author: 'system' })] }))).toBe(true);
  });

  it('counts a message still in the outbox', () => {
    const s = run(hello(), { type: 'outbox/add', id: 'a', text: 'hi', createdAt: '2024-05-01T10:00:00.000Z' });
    expect(isWaiting(s)).toBe(true);
  });

  it('clears the notice when an agent replies or the chat is resolved', () => {
    const s = reducer(waiting(), { type: 'waited' });
    expect(s.waited).toBe(true);
    expect(isWaiting(s)).toBe(false);
    expect(reducer(s, { type: 'messages', messages: [message(2)] }).waited).toBe(false);
    expect(reducer(s, { type: 'conversation', conversation: { id: 'c1', status: 'resolved', lastSeq: 1, visitorReadSeq: 1 } }).waited).toBe(
      false,
    );
  });

  it('stops waiting once the visitor left an address for the answer', () => {
    expect(isWaiting(reducer(waiting(), { type: 'email', email: 'ana@example.com', answer: true }))).toBe(false);
  });
});
