import { describe, expect, it } from 'vitest';
import { titleFor } from '../../../console/app/document-title';
import { neighbourId, totalUnread, typersIn, visibleRows } from '../../../console/state/selectors';
import { initialState } from '../../../console/state/reducer';
import { row } from '../fake-socket';

const inbox = {
  old: row('old', { status: 'open', updatedAt: '2025-01-01T08:00:00.000Z', unread: 1 }),
  new: row('new', { status: 'pending', updatedAt: '2025-01-01T12:00:00.000Z', unread: 2 }),
  done: row('done', { status: 'resolved', updatedAt: '2025-01-01T13:00:00.000Z' }),
};

describe('console selectors', () => {
  it('lists active rows (pending and open) newest activity first', () => {
    expect(visibleRows({ inbox, filter: 'active' }).map((r) => r.id)).toEqual(['new', 'old']);
  });

  it('lists only resolved rows under Resolved, and every row under All', () => {
    expect(visibleRows({ inbox, filter: 'resolved' }).map((r) => r.id)).toEqual(['done']);
    expect(visibleRows({ inbox, filter: 'all' }).map((r) => r.id)).toEqual(['done', 'new', 'old']);
  });

  it('orders rows of the same activity time by id descending, as the server pages them', () => {
    const at = '2025-01-01T12:00:00.000Z';
    const tied = { a: row('a', { updatedAt: at }), c: row('c', { updatedAt: at }), b: row('b', { updatedAt: at }) };
    expect(visibleRows({ inbox: tied, filter: 'all' }).map((r) => r.id)).toEqual(['c', 'b', 'a']);
  });

  it('sums unread over every conversation for the tab title', () => {
    expect(totalUnread({ inbox })).toBe(3);
    expect(titleFor(3)).toBe('(3) Earshot');
    expect(titleFor(0)).toBe('Earshot');
  });

  it('moves to the next and previous visible row, and not past either end', () => {
    const open = { ...initialState().open, id: 'new' } as never;
    expect(neighbourId({ inbox, filter: 'active', open }, 1)).toBe('old');
    expect(neighbourId({ inbox, filter: 'active', open }, -1)).toBeNull();
    expect(neighbourId({ inbox, filter: 'active', open: null }, 1)).toBe('new');
  });

  it('does not report the signed-in agent as typing, but another agent of the same name', () => {
    const agent = { id: 'a', email: 'a@x', name: 'Alex', role: 'agent' as const };
    const typing = { c1: { 'agent:a': 'Alex', 'agent:b': 'Alex', 'agent:s': 'Sam', visitor: null } };
    expect(typersIn({ typing, agent }, 'c1')).toEqual(['Alex', 'Sam', null]);
  });
});
