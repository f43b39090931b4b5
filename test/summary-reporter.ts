import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints plain closing lines CI reads: how many tests ran on each store (the store contract
 * suite counted apart), then `vitest: N passed, N failed, N skipped`.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const perStore = new Map<string, { all: number; contract: number }>();
    for (const m of modules) {
      const store = m.project.name || 'sqlite';
      const mine = perStore.get(store) ?? { all: 0, contract: 0 };
      perStore.set(store, mine);
      const contract = /test\/server\/store[^/]*\.test\.ts$/.test(m.moduleId);
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
        if (state === 'passed' || state === 'failed') {
          mine.all++;
          if (contract) mine.contract++;
        }
      }
    }
    const lines = [...perStore].map(([store, n]) => `store ${store}: ${n.contract} store contract tests, ${n.all} tests in all`);
    process.stdout.write(`\n${lines.join('\n')}\nvitest: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}
