import { describe, expect, it } from 'vitest';
import { contiguousThrough, initialState, mergeMessages, reducer } from '../../../console/state/reducer';
import type { Action, ConsoleState } from '../../../console/state/types';
import { msg, profile, row } from '../fake-socket';

const agent = { id: 'a1', email: 'a@x.test', name: 'Alex', role: 'agent' as const };

function run(...actions: Action[]): ConsoleState {
  return actions.reduce(reducer, { ...initialState(), auth: 'signed-in', agent } as ConsoleState);
}

const opened = (messages = [msg(1), msg(2)]): Action[] => [
  { type: 'open/requested', id: 'c1' },
  { type: 'open/loaded', conversation: row('c1', { lastSeq: messages.length }), messages, visitor: profile(), history: [] },
];

describe('console reducer: messages', () => {
  it('keeps each message once when a push repeats one already held', () => {
    const s = run(...opened(), { type: 'messages', messages: [msg(2), msg(3)] }, { type: 'messages', messages: [msg(3)] });
    expect(s.open!.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('orders messages by seq whatever order they arrive in', () => {
    const s = run(...opened([]), { type: 'messages', messages: [msg(3), msg(1)] }, { type: 'messages', messages: [msg(2)] });
    expect(s.open!.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('tracks the highest seq held without a gap, so the gap can be fetched', () => {
    const s = run(...opened(), { type: 'messages', messages: [msg(4)] });
    expect(s.open!.through).toBe(2);
    expect(reducer(s, { type: 'messages', messages: [msg(3)] }).open!.through).toBe(4);
  });

  it('ignores messages of other conversations in the open one', () => {
    const s = run(...opened(), { type: 'messages', messages: [msg(3, { conversationId: 'other', id: 'x3' })] });
    expect(s.open!.messages).toHaveLength(2);
  });

  it('keeps messages pushed while the conversation was loading', () => {
    const s = run(
      { type: 'open/requested', id: 'c1' },
      { type: 'messages', messages: [msg(3)] },
      {
        type: 'open/loaded',
        conversation: row('c1', { lastSeq: 3 }),
        messages: [msg(1), msg(2)],
        visitor: profile(),
        history: [],
      },
    );
    expect(s.open!.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('drops a late answer for a conversation the agent already left', () => {
    const s = run(
      { type: 'open/requested', id: 'c1' },
      { type: 'open/requested', id: 'c2' },
      {
        type: 'open/loaded',
        conversation: row('c1'),
        messages: [msg(1)],
        visitor: profile(),
        history: [],
      },
    );
    expect(s.open!.id).toBe('c2');
    expect(s.open!.messages).toEqual([]);
  });
});

describe('console reducer: own replies', () => {
  const started: Action = { type: 'send/started', id: 'r1', conversationId: 'c1', text: 'hi', createdAt: '2025-01-01T11:00:00.000Z' };

  it('holds a reply as queued until the server stores it', () => {
    const s = run(...opened(), started);
    expect(s.pending.r1!.state).toBe('queued');
    const stored = reducer(s, { type: 'messages', messages: [msg(3, { id: 'r1', author: 'agent', text: 'hi' })] });
    expect(stored.pending.r1).toBeUndefined();
    expect(stored.open!.messages.at(-1)!.id).toBe('r1');
  });

  it('drops a reply marked failed when the conversation loaded again holds it: the lost ack was stored', () => {
    const failed = run(...opened(), started, { type: 'send/marked', id: 'r1', state: 'failed', error: 'Not found.' });
    const reloaded = reducer(failed, {
      type: 'open/loaded',
      conversation: row('c1', { lastSeq: 3 }),
      messages: [msg(1), msg(2), msg(3, { id: 'r1', author: 'agent', text: 'hi' })],
      visitor: profile(),
      history: [],
    });
    expect(reloaded.pending.r1).toBeUndefined();
    expect(reloaded.open!.messages.map((m) => m.id).filter((id) => id === 'r1')).toHaveLength(1);
  });

  it('marks a refused reply failed with the reason, and queued again on retry', () => {
    const failed = run(
      started,
      { type: 'send/marked', id: 'r1', state: 'sending' },
      { type: 'send/marked', id: 'r1', state: 'failed', error: 'Too long' },
    );
    expect(failed.pending.r1).toMatchObject({ state: 'failed', error: 'Too long' });
    expect(reducer(failed, { type: 'send/retried', id: 'r1' }).pending.r1).toMatchObject({ state: 'queued', error: null });
  });

  it('adds what a previous page left unsent without doubling a reply it holds', () => {
    const saved = {
      id: 'r1',
      conversationId: 'c1',
      text: 'hi',
      createdAt: '2025-01-01T11:00:00.000Z',
      state: 'queued' as const,
      error: null,
    };
    const s = run(
      started,
      { type: 'send/marked', id: 'r1', state: 'sending' },
      { type: 'send/restored', pending: [saved, { ...saved, id: 'r0', text: 'earlier' }] },
    );
    expect(Object.keys(s.pending).sort()).toEqual(['r0', 'r1']);
    expect(s.pending.r1!.state).toBe('sending');
  });

  it('drops an email reply to feedback once the server stored it', () => {
    const s = run({
      type: 'send/started',
      id: 'f1',
      conversationId: null,
      feedbackId: 'fb1',
      text: 'Sorry!',
      createdAt: '2025-01-01T11:00:00.000Z',
    });
    expect(s.pending.f1).toMatchObject({ feedbackId: 'fb1', state: 'queued' });
    const reply = {
      id: 'f1',
      feedbackId: 'fb1',
      agentName: 'Eva',
      text: 'Sorry!',
      createdAt: '2025-01-01T11:00:01.000Z',
      emailStatus: 'pending',
    } as const;
    expect(reducer(s, { type: 'feedback/replied', reply }).pending.f1).toBeUndefined();
  });
});

describe('console reducer: inbox', () => {
  it('adds a new row and replaces a known one from conversation:updated', () => {
    const s = run(
      { type: 'inbox/loaded', rows: [row('a')], complete: true },
      { type: 'inbox/updated', row: row('b') },
      {
        type: 'inbox/updated',
        row: row('a', { unread: 2, lastSeq: 3, updatedAt: '2025-01-01T12:00:00.000Z' }),
      },
    );
    expect(Object.keys(s.inbox).sort()).toEqual(['a', 'b']);
    expect(s.inbox.a!.unread).toBe(2);
  });

  it('does not let an older copy of a row replace a newer one', () => {
    const newer = row('a', { lastSeq: 5, updatedAt: '2025-01-01T12:00:00.000Z' });
    const s = run({ type: 'inbox/updated', row: newer }, { type: 'inbox/updated', row: row('a', { lastSeq: 4 }) });
    expect(s.inbox.a!.lastSeq).toBe(5);
  });

  it('adds an older page below what it holds, keeping fresher copies, and knows when it has all', () => {
    const fresh = row('a', { lastSeq: 5, updatedAt: '2025-01-01T12:00:00.000Z' });
    const first = run({ type: 'inbox/loaded', rows: [fresh], complete: false });
    expect(first.inboxComplete).toBe(false);
    const before = { updatedAt: fresh.updatedAt, id: 'a' };
    expect(first.inboxOlder).toEqual(before);
    const s = reducer(first, { type: 'inbox/older', before, rows: [row('a', { lastSeq: 4 }), row('b')], complete: true });
    expect(Object.keys(s.inbox).sort()).toEqual(['a', 'b']);
    expect(s.inbox.a).toBe(fresh);
    expect(s.inboxComplete).toBe(true);
    expect(s.inboxOlder).toBeNull();
  });

  it('pages on from where the last page ended, not from an old row a push brought in', () => {
    const at = (h: number) => `2025-01-01T${String(h).padStart(2, '0')}:00:00.000Z`;
    const first = run({ type: 'inbox/loaded', rows: [row('n9', { updatedAt: at(9) }), row('n8', { updatedAt: at(8) })], complete: false });
    // A visitor far down the list identified themselves: their row arrives with its old time.
    const pushed = reducer(first, { type: 'inbox/updated', row: row('n1', { updatedAt: at(1) }) });
    expect(pushed.inboxOlder).toEqual({ updatedAt: at(8), id: 'n8' });
    const page = reducer(pushed, {
      type: 'inbox/older',
      before: { updatedAt: at(8), id: 'n8' },
      rows: [row('n7', { updatedAt: at(7) }), row('n6', { updatedAt: at(6) })],
      complete: false,
    });
    expect(page.inboxOlder).toEqual({ updatedAt: at(6), id: 'n6' });
    expect(page.inboxComplete).toBe(false);
    // A page asked for from a cursor that has moved on since (a reconnect reloaded the top) moves nothing.
    const stale = reducer(page, { type: 'inbox/older', before: { updatedAt: at(8), id: 'n8' }, rows: [], complete: true });
    expect(stale.inboxOlder).toEqual({ updatedAt: at(6), id: 'n6' });
    expect(stale.inboxComplete).toBe(false);
  });

  it('keeps older pages and knowing it has them all when the first page is loaded again', () => {
    const at = (h: number) => `2025-01-01T${String(h).padStart(2, '0')}:00:00.000Z`;
    const first = [row('n9', { updatedAt: at(9) }), row('n8', { updatedAt: at(8) })];
    const loaded = run(
      { type: 'inbox/loaded', rows: first, complete: false },
      {
        type: 'inbox/older',
        before: { updatedAt: at(8), id: 'n8' },
        rows: [row('n7', { updatedAt: at(7) }), row('n6', { updatedAt: at(6) })],
        complete: true,
      },
    );
    // A new conversation pushes n8 off the first page; a wake loads that page again.
    const again = reducer(loaded, { type: 'inbox/loaded', rows: [row('n10', { updatedAt: at(10) }), first[0]!], complete: false });
    expect(Object.keys(again.inbox).sort()).toEqual(['n10', 'n6', 'n7', 'n8', 'n9']);
    expect(again.inboxComplete).toBe(true);
  });

  it('clears the unread count once read up to the last message', () => {
    const s = run({ type: 'inbox/loaded', rows: [row('a', { unread: 2, lastSeq: 3 })], complete: true });
    expect(reducer(s, { type: 'read/sent', conversationId: 'a', seq: 2 }).inbox.a!.unread).toBe(2);
    expect(reducer(s, { type: 'read/sent', conversationId: 'a', seq: 3 }).inbox.a!.unread).toBe(0);
  });

  it('updates the open visitor from visitor:updated, and no other', () => {
    const s = run(
      ...opened(),
      { type: 'visitor/updated', visitor: profile({ pageTitle: 'Checkout' }) },
      {
        type: 'visitor/updated',
        visitor: profile({ id: 'someone-else', pageTitle: 'Elsewhere' }),
      },
    );
    expect(s.open!.visitor!.pageTitle).toBe('Checkout');
  });

  it('forgets everything of the session on sign-out', () => {
    const s = run(...opened(), { type: 'inbox/updated', row: row('a') }, { type: 'auth/signed-out', notice: 'Please sign in again.' });
    expect(s).toMatchObject({ auth: 'signed-out', agent: null, inbox: {}, open: null, notice: 'Please sign in again.' });
  });
});

describe('console reducer: typing', () => {
  it('shows the visitor typing until a message from them arrives', () => {
    const s = run(...opened(), { type: 'typing', event: { conversationId: 'c1', from: 'visitor', name: null, typing: true } });
    expect(s.typing.c1).toEqual({ visitor: null });
    expect(reducer(s, { type: 'messages', messages: [msg(3)] }).typing.c1).toEqual({});
  });

  it("keeps two agents of one name apart, and a message by that name ends both, not another's", () => {
    const typing = (agentId: string, name: string) => ({
      type: 'typing' as const,
      event: { conversationId: 'c1', from: 'agent' as const, name, agentId, typing: true },
    });
    const s = run(...opened(), typing('a1', 'Support'), typing('a2', 'Support'), typing('a3', 'Sam'));
    expect(s.typing.c1).toEqual({ 'agent:a1': 'Support', 'agent:a2': 'Support', 'agent:a3': 'Sam' });
    const after = reducer(s, { type: 'messages', messages: [msg(3, { author: 'agent', authorName: 'Support' })] });
    expect(after.typing.c1).toEqual({ 'agent:a3': 'Sam' });
  });
});

describe('message helpers', () => {
  it('mergeMessages returns the same list when nothing is new', () => {
    const held = [msg(1)];
    expect(mergeMessages(held, [msg(1)])).toBe(held);
  });

  it('contiguousThrough stops at the first hole', () => {
    expect(contiguousThrough([msg(1), msg(2), msg(4)])).toBe(2);
    expect(contiguousThrough([])).toBe(0);
  });
});
