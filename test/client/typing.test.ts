import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTypingSignal } from '../../client/typing';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('typing signal', () => {
  it('says typing once for a burst of keystrokes', () => {
    const emit = vi.fn();
    const typing = createTypingSignal(emit);
    typing.input();
    vi.advanceTimersByTime(500);
    typing.input();
    expect(emit.mock.calls).toEqual([[true]]);
  });

  it('says stopped after 3 s without input', () => {
    const emit = vi.fn();
    const typing = createTypingSignal(emit);
    typing.input();
    vi.advanceTimersByTime(2999);
    expect(emit).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(emit.mock.calls).toEqual([[true], [false]]);
  });

  it('says stopped at once on send', () => {
    const emit = vi.fn();
    const typing = createTypingSignal(emit);
    typing.input();
    typing.stop();
    expect(emit.mock.calls).toEqual([[true], [false]]);
  });
});
