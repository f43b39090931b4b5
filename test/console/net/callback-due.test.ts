import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bindCallbackDue } from '../../../console/net/callback-due';
import { initialState, reducer } from '../../../console/state/reducer';
import { createStore } from '../../../console/state/store';
import { callback } from '../callbacks/fixtures';

const T0 = Date.parse('2025-01-01T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(items = [callback('a', { dueAt: iso(T0 + 5 * 60_000) })]) {
  const store = createStore(reducer, initialState());
  const unbind = bindCallbackDue(store);
  store.dispatch({ type: 'callbacks/listed', view: 'open', items, tick: 0, complete: true });
  return { store, unbind, alerts: () => store.get().callbacks.alerts.map((a) => a.id) };
}

describe('callback due timers', () => {
  it('alerts when the due time passes, and only once', () => {
    const { alerts } = setup();
    vi.advanceTimersByTime(5 * 60_000 - 1);
    expect(alerts()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(alerts()).toEqual(['a']);
    vi.advanceTimersByTime(60 * 60_000);
    expect(alerts()).toEqual(['a']);
  });

  it('re-arms when a push moves the due time, and alerts again at the new time', () => {
    const { store, alerts } = setup();
    vi.advanceTimersByTime(5 * 60_000);
    store.dispatch({ type: 'callbacks/alert-dismissed', id: 'a' });
    store.dispatch({
      type: 'callbacks/updated',
      item: callback('a', { status: 'rescheduled', dueAt: iso(T0 + 30 * 60_000), updatedAt: iso(T0 + 6 * 60_000) }),
    });
    vi.advanceTimersByTime(20 * 60_000);
    expect(alerts()).toEqual([]);
    vi.advanceTimersByTime(5 * 60_000);
    expect(alerts()).toEqual(['a']);
  });

  it('cancels the timer of a request closed before it fell due', () => {
    const { store, alerts } = setup();
    store.dispatch({
      type: 'callbacks/updated',
      item: callback('a', { status: 'cancelled', dueAt: iso(T0 + 5 * 60_000), updatedAt: iso(T0 + 60_000) }),
    });
    vi.advanceTimersByTime(10 * 60_000);
    expect(alerts()).toEqual([]);
  });

  it('does not alert for requests already long overdue when the console opened', () => {
    const { alerts } = setup([callback('old', { dueAt: iso(T0 - 60 * 60_000) })]);
    vi.advanceTimersByTime(60_000);
    expect(alerts()).toEqual([]);
  });

  it('alerts at once for a request pushed already due ("as soon as possible")', () => {
    const { store, alerts } = setup([]);
    vi.advanceTimersByTime(60_000);
    store.dispatch({
      type: 'callbacks/updated',
      item: callback('asap', { asap: true, dueAt: iso(Date.now()), updatedAt: iso(Date.now()) }),
    });
    vi.advanceTimersByTime(0);
    expect(alerts()).toEqual(['asap']);
  });

  it('stops every timer when unbound', () => {
    const { unbind, alerts } = setup();
    unbind();
    vi.advanceTimersByTime(10 * 60_000);
    expect(alerts()).toEqual([]);
  });
});
