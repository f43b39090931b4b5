import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests start Chromium; two at a time is what a 2-core machine takes well.
    maxWorkers: 2,
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
