import { afterEach, beforeEach, vi } from 'vitest';

/**
 * Clears, after each test, the intervals its mounted panels started: a panel is never taken down
 * in the page, so its page-address poll would outlive the test and fire on a closed jsdom window.
 */
export function clearIntervalsAfterEach(): void {
  const started = new Set<ReturnType<typeof setInterval>>();
  beforeEach(() => {
    const real = globalThis.setInterval;
    vi.stubGlobal('setInterval', (...args: Parameters<typeof setInterval>) => {
      const id = real(...args);
      started.add(id);
      return id;
    });
  });
  afterEach(() => {
    for (const id of started) clearInterval(id);
    started.clear();
  });
}
