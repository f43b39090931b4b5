import { describe, expect, it } from 'vitest';
import { callbackReducer, initialCallbacks } from '../../../console/state/callback-reducer';
import { callbackCounts, visibleCallbacks } from '../../../console/state/callback-selectors';
import type { CallbackAction, CallbackState } from '../../../console/state/callback-types';
import { callback } from '../callbacks/fixtures';

const run = (actions: CallbackAction[], from: CallbackState = initialCallbacks()) => actions.reduce(callbackReducer, from);
const listed = (items = [callback('a')], view: 'open' | 'all' = 'open'): CallbackAction => ({
  type: 'callbacks/listed',
  view,
  items,
  tick: 0,
  complete: true,
});
const at = (iso: string) => Date.parse(iso);

describe('callback reducer', () => {
  it('orders the queue by due time, overdue first, and counts open and overdue requests', () => {
    const s = run([
      listed([
        callback('later', { dueAt: '2025-01-01T12:00:00.000Z' }),
        callback('late', { dueAt: '2025-01-01T09:00:00.000Z' }),
        callback('soon', { dueAt: '2025-01-01T10:30:00.000Z' }),
      ]),
    ]);
    expect(visibleCallbacks(s).map((c) => c.id)).toEqual(['late', 'soon', 'later']);
    expect(callbackCounts(s, at('2025-01-01T10:00:00.000Z'))).toEqual({ open: 3, overdue: 1 });
  });

  it('counts an "as soon as possible" request as overdue only 15 minutes after it fell due', () => {
    const s = run([listed([callback('asap', { asap: true, dueAt: '2025-01-01T10:00:00.000Z' })])]);
    expect(callbackCounts(s, at('2025-01-01T10:00:00.000Z'))).toEqual({ open: 1, overdue: 0 });
    expect(callbackCounts(s, at('2025-01-01T10:14:59.000Z'))).toEqual({ open: 1, overdue: 0 });
    expect(callbackCounts(s, at('2025-01-01T10:15:00.000Z'))).toEqual({ open: 1, overdue: 1 });
  });

  it('drops a request from the open queue when a push makes it final, but keeps it under all', () => {
    const called = callback('a', { status: 'called', attempts: 1, updatedAt: '2025-01-01T10:05:00.000Z' });
    const s = run([listed(), { type: 'callbacks/updated', item: called }]);
    expect(visibleCallbacks(s)).toEqual([]);
    expect(visibleCallbacks({ ...s, view: 'all' })).toEqual([called]);
    expect(callbackCounts(s, at('2025-01-01T11:00:00.000Z')).open).toBe(0);
  });

  it('ignores a copy older than the one held', () => {
    const fresh = callback('a', { claimedBy: { id: 'a1', name: 'Alex' }, updatedAt: '2025-01-01T09:30:00.000Z' });
    const s = run([{ type: 'callbacks/updated', item: fresh }, listed([callback('a')])]);
    expect(s.items.a).toEqual(fresh);
  });

  it('alerts once per due time, only after it passed', () => {
    const base = run([listed()]);
    expect(run([{ type: 'callbacks/due', id: 'a', at: at('2025-01-01T09:59:00.000Z') }], base).alerts).toEqual([]);
    const due = run([{ type: 'callbacks/due', id: 'a', at: at('2025-01-01T10:00:00.000Z') }], base);
    expect(due.alerts).toEqual([{ id: 'a', dueAt: '2025-01-01T10:00:00.000Z' }]);
    const dismissed = run(
      [
        { type: 'callbacks/alert-dismissed', id: 'a' },
        { type: 'callbacks/due', id: 'a', at: at('2025-01-01T10:01:00.000Z') },
      ],
      due,
    );
    expect(dismissed.alerts).toEqual([]);
  });

  it('alerts again for a new due time, and ends the alert when the call is made', () => {
    const due = run([listed(), { type: 'callbacks/due', id: 'a', at: at('2025-01-01T10:00:00.000Z') }]);
    const moved = callback('a', { status: 'rescheduled', dueAt: '2025-01-01T11:00:00.000Z', updatedAt: '2025-01-01T10:01:00.000Z' });
    const s = run([{ type: 'callbacks/updated', item: moved }], due);
    expect(s.alerts).toEqual([]);
    const again = run([{ type: 'callbacks/due', id: 'a', at: at('2025-01-01T11:00:00.000Z') }], s);
    expect(again.alerts).toEqual([{ id: 'a', dueAt: '2025-01-01T11:00:00.000Z' }]);
    const called = run([{ type: 'callbacks/updated', item: { ...moved, status: 'called', updatedAt: '2025-01-01T11:02:00.000Z' } }], again);
    expect(called.alerts).toEqual([]);
  });

  it('does not alert for a request that is closed', () => {
    const s = run([
      listed([callback('a', { status: 'cancelled' })], 'all'),
      { type: 'callbacks/due', id: 'a', at: at('2025-01-02T00:00:00.000Z') },
    ]);
    expect(s.alerts).toEqual([]);
  });

  it('keeps an item pushed after the list was asked for, even if the list lacks it', () => {
    const pushed = run([{ type: 'callbacks/updated', item: callback('new') }]);
    const s = run([{ type: 'callbacks/listed', view: 'open', items: [], tick: 0, complete: true }], pushed);
    expect(Object.keys(s.items)).toEqual(['new']);
    const stale = run([{ type: 'callbacks/listed', view: 'open', items: [], tick: 1, complete: true }], pushed);
    expect(stale.items).toEqual({});
  });
});
