import { afterEach, describe, expect, it, vi } from 'vitest';
import { startWaitTimer } from '../../../widget/net/wait-timer';
import { initialState, reducer } from '../../../widget/state/reducer';
import { createStore } from '../../../widget/state/store';
import { message, site } from '../helpers/fake-socket';

afterEach(() => vi.useRealTimers());

function setup() {
  vi.useFakeTimers();
  const store = createStore(reducer, initialState());
  store.dispatch({ type: 'hello', site: { ...site, waitSeconds: 60 }, conversation: null });
  const stop = startWaitTimer(store);
  return { store, stop };
}

describe('wait timer', () => {
  it('marks the chat as waited the site’s waitSeconds after the visitor’s first message', () => {
    const { store } = setup();
    vi.advanceTimersByTime(120_000);
    expect(store.get().waited).toBe(false);
    store.dispatch({ type: 'messages', messages: [message(1, { author: 'visitor' })] });
    vi.advanceTimersByTime(59_999);
    expect(store.get().waited).toBe(false);
    vi.advanceTimersByTime(1);
    expect(store.get().waited).toBe(true);
  });

  it('does not start over when more visitor messages come', () => {
    const { store } = setup();
    store.dispatch({ type: 'messages', messages: [message(1, { author: 'visitor' })] });
    vi.advanceTimersByTime(40_000);
    store.dispatch({ type: 'messages', messages: [message(2, { author: 'visitor' })] });
    vi.advanceTimersByTime(20_000);
    expect(store.get().waited).toBe(true);
  });

  it('stands down when an agent replies in time, and when stopped', () => {
    const { store, stop } = setup();
    store.dispatch({ type: 'messages', messages: [message(1, { author: 'visitor' })] });
    vi.advanceTimersByTime(30_000);
    store.dispatch({ type: 'messages', messages: [message(2)] });
    vi.advanceTimersByTime(60_000);
    expect(store.get().waited).toBe(false);
    stop();
    store.dispatch({ type: 'messages', messages: [message(3, { author: 'visitor', id: 'x', conversationId: 'c2', seq: 1 })] });
    vi.advanceTimersByTime(60_000);
    expect(store.get().waited).toBe(false);
  });
});
