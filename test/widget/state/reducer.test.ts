import { describe, expect, it } from 'vitest';
import { initialState, reducer } from '../../../widget/state/reducer';
import { nextToSend, seqToMarkRead, timeline, unreadCount } from '../../../widget/state/selectors';
import type { Action, ChatState } from '../../../widget/state/types';
import { message, site } from '../helpers/fake-socket';

const run = (actions: Action[], from: ChatState = initialState()) => actions.reduce(reducer, from);
const add = (id: string, text = id): Action => ({ type: 'outbox/add', id, text, createdAt: '2024-05-01T10:00:00.000Z' });

describe('chat reducer: messages', () => {
  it('keeps messages ordered by seq whatever order they arrive in', () => {
    const s = run([
      { type: 'messages', messages: [message(3)] },
      { type: 'messages', messages: [message(1), message(2)] },
    ]);
    expect(s.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('holds a message delivered twice only once', () => {
    const s = run([
      { type: 'messages', messages: [message(1)] },
      { type: 'messages', messages: [message(1)] },
    ]);
    expect(s.messages).toHaveLength(1);
  });

  it('stops lastSeq below a gap and moves it on once the gap is filled', () => {
    const gap = run([{ type: 'messages', messages: [message(1), message(3)] }]);
    expect(gap.lastSeq).toBe(1);
    expect(reducer(gap, { type: 'messages', messages: [message(2)] }).lastSeq).toBe(3);
  });

  it("moves lastSeq over a gap the server's full answer vouches for (an agents' note), and only in that conversation", () => {
    const gap = run([{ type: 'messages', messages: [message(1)] }]);
    const through = (conversationId: string, seq: number): Action => ({
      type: 'messages',
      messages: [message(3)],
      through: { conversationId, seq },
    });
    expect(reducer(gap, through(gap.messages[0]!.conversationId, 3)).lastSeq).toBe(3);
    expect(reducer(gap, through('another', 3)).lastSeq).toBe(1);
    expect(
      reducer(gap, { type: 'messages', messages: [], through: { conversationId: gap.messages[0]!.conversationId, seq: 2 } }).lastSeq,
    ).toBe(2);
  });

  it('adopts the conversation of the first stored message', () => {
    const s = run([{ type: 'messages', messages: [message(1, { conversationId: 'c9' })] }]);
    expect(s.conversation).toEqual({ id: 'c9', status: 'pending' });
  });

  it('keeps the held history when hello names the same conversation again', () => {
    const conversation = { id: 'c1', status: 'open' as const, lastSeq: 2, visitorReadSeq: 1 };
    const s = run([
      { type: 'messages', messages: [message(1), message(2)] },
      { type: 'hello', site, conversation },
    ]);
    expect(s.messages).toHaveLength(2);
    expect(s.readSeq).toBe(1);
  });

  it('forgets the old visitor on reset but keeps the unsent outbox', () => {
    const s = run([{ type: 'messages', messages: [message(1)] }, add('a'), { type: 'reset' }]);
    expect(s.messages).toEqual([]);
    expect(s.conversation).toBeNull();
    expect(s.outbox.map((e) => e.id)).toEqual(['a']);
  });

  it('clears the typing indicator when the agent’s message arrives', () => {
    const s = run([
      { type: 'typing', typing: true, name: 'Ada' },
      { type: 'messages', messages: [message(1)] },
    ]);
    expect(s.agentTyping).toBeNull();
  });
});

describe('chat reducer: outbox', () => {
  it('moves a message from sending to sent when the server stores it', () => {
    const sending = run([add('a'), { type: 'outbox/sending', id: 'a' }]);
    expect(timeline(sending).map((i) => i.delivery)).toEqual(['sending']);
    const sent = reducer(sending, { type: 'messages', messages: [message(1, { id: 'a', author: 'visitor' })] });
    expect(sent.outbox).toEqual([]);
    expect(timeline(sent).map((i) => [i.id, i.delivery])).toEqual([['a', 'sent']]);
  });

  it('marks a refused message failed with its reason, and retry queues it again with the same id', () => {
    const failed = run([add('a'), { type: 'outbox/sending', id: 'a' }, { type: 'outbox/failed', id: 'a', error: 'too_long' }]);
    expect(timeline(failed)[0]).toMatchObject({ id: 'a', delivery: 'failed', error: 'too_long' });
    expect(nextToSend(failed)).toBeNull();
    const retried = reducer(failed, { type: 'outbox/retry', id: 'a' });
    expect(nextToSend(retried)).toMatchObject({ id: 'a', state: 'queued', error: null });
  });

  it('puts a message back in the queue after a transient failure', () => {
    const s = run([add('a'), { type: 'outbox/sending', id: 'a' }, { type: 'outbox/queued', id: 'a' }]);
    expect(nextToSend(s)?.id).toBe('a');
  });

  it('offers the oldest queued message, and none while one is in flight', () => {
    const s = run([add('a'), add('b')]);
    expect(nextToSend(s)?.id).toBe('a');
    expect(nextToSend(reducer(s, { type: 'outbox/sending', id: 'a' }))).toBeNull();
  });

  it('ignores adding the same id twice', () => {
    expect(run([add('a'), add('a')]).outbox).toHaveLength(1);
  });

  it('lists stored messages before the ones still on their way', () => {
    const s = run([add('a'), { type: 'messages', messages: [message(1)] }]);
    expect(timeline(s).map((i) => i.id)).toEqual(['m1', 'a']);
  });
});

describe('chat reducer: unread', () => {
  const conversation = { id: 'c1', status: 'open' as const, lastSeq: 3, visitorReadSeq: 1 };
  const withMessages = run([
    { type: 'hello', site, conversation },
    { type: 'messages', messages: [message(1), message(2, { author: 'visitor' }), message(3)] },
  ]);

  it('counts agent messages after the read seq, not the visitor’s own', () => {
    expect(unreadCount(withMessages)).toBe(1);
  });

  it('counts nothing once the newest seq is read', () => {
    expect(unreadCount(reducer(withMessages, { type: 'read', seq: 3 }))).toBe(0);
  });

  it('asks to mark read only while open, visible and online', () => {
    const online = reducer(withMessages, { type: 'connection', status: 'online' });
    expect(seqToMarkRead(online)).toBeNull();
    expect(seqToMarkRead(reducer(online, { type: 'view', open: true }))).toBe(3);
    expect(seqToMarkRead(reducer(online, { type: 'view', open: true, visible: false }))).toBeNull();
  });

  it('does not mark read while another view than the chat is showing', () => {
    const open = run(
      [
        { type: 'connection', status: 'online' },
        { type: 'view', open: true },
      ],
      withMessages,
    );
    expect(seqToMarkRead(reducer(open, { type: 'tab', tab: 'feedback' }))).toBeNull();
    expect(
      seqToMarkRead(
        run(
          [
            { type: 'tab', tab: 'feedback' },
            { type: 'tab', tab: 'chat' },
          ],
          open,
        ),
      ),
    ).toBe(3);
  });

  it('marks read when the chat shows because the site switched the chosen view off', () => {
    const open = run(
      [
        { type: 'connection', status: 'online' },
        { type: 'view', open: true },
        { type: 'tab', tab: 'feedback' },
      ],
      withMessages,
    );
    expect(seqToMarkRead(open)).toBeNull();
    const off = reducer(open, { type: 'site', site: { ...site, channels: { ...site.channels, feedback: false } } });
    expect(seqToMarkRead(off)).toBe(3);
  });

  it('counts as read what another tab of the visitor read', () => {
    const elsewhere = reducer(withMessages, { type: 'conversation', conversation: { ...conversation, visitorReadSeq: 3 } });
    expect(unreadCount(elsewhere)).toBe(0);
    // An older copy never brings unread messages back.
    expect(reducer(elsewhere, { type: 'conversation', conversation }).readSeq).toBe(3);
  });

  it('names the agent who has the chat, and keeps the name through status changes that do not say', () => {
    const assigned = reducer(withMessages, { type: 'conversation', conversation: { ...conversation, agentName: 'Bob' } });
    expect(assigned.conversation?.agentName).toBe('Bob');
    const resolved = reducer(assigned, { type: 'conversation', conversation: { ...conversation, status: 'resolved' } });
    expect(resolved.conversation?.agentName).toBe('Bob');
    expect(
      reducer(resolved, { type: 'conversation', conversation: { ...conversation, agentName: null } }).conversation?.agentName,
    ).toBeNull();
  });

  it('keeps the view the visitor chose when the server forgets them', () => {
    expect(run([{ type: 'tab', tab: 'feedback' }, { type: 'reset' }]).tab).toBe('feedback');
  });
});
