import { defineConfig } from 'vitest/config';

/**
 * The suites that reach the store: the store contract and the server's socket and HTTP suites.
 * With TEST_DATABASE_URL set (CI sets it) they run a second time on Postgres.
 */
const STORE_SUITES = ['test/server/**/*.test.ts'];
// Pure functions and the start-up checks: the store under them makes no difference.
const STORE_FREE = [
  'test/server/domain.test.ts',
  'test/server/handler.test.ts',
  'test/server/hours.test.ts',
  'test/server/broadcast.test.ts',
  'test/server/sqlite-store.test.ts',
  'test/server/layering.test.ts',
];

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests start Chromium; two at a time is what a 2-core machine takes well.
    maxWorkers: 2,
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['test/**/*.test.{ts,tsx}'] } },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: STORE_SUITES,
                exclude: STORE_FREE,
                env: { EARSHOT_TEST_STORE: 'postgres' },
                setupFiles: ['./test/setup.ts'],
              },
            },
          ]
        : []),
    ],
  },
});
