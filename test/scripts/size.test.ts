import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUDGETS } from '../../scripts/budgets';
import { checkBudgets, firstChatFiles, formatBudget, measure } from '../../scripts/size-report';
import { tempDataDir } from '../helpers/server';

let tmp: ReturnType<typeof tempDataDir>;
afterEach(() => tmp?.remove());

/** A fake widget build: loader, a panel with a shared runtime chunk, two locales, an unrelated chunk. */
function fakeBuild(panelBytes: Buffer): string {
  tmp = tempDataDir();
  const dir = path.join(tmp.dir, 'widget');
  fs.mkdirSync(path.join(dir, '.vite'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'earshot'));
  const write = (f: string, b: Buffer | string) => fs.writeFileSync(path.join(dir, f), b);
  write('earshot.js', 'import("./earshot/panel.js")');
  write('earshot/panel.js', panelBytes);
  write('earshot/runtime.js', 'x'.repeat(1000));
  write('earshot/en.js', 'export default {a:"b"}');
  write('earshot/cs.js', `export default {a:"${randomBytes(300).toString('hex')}"}`);
  write('earshot/other.js', randomBytes(60_000));
  write(
    '.vite/manifest.json',
    JSON.stringify({
      'widget/loader.ts': { file: 'earshot.js', isEntry: true, dynamicImports: ['widget/panel.tsx'] },
      'widget/panel.tsx': {
        file: 'earshot/panel.js',
        imports: ['_runtime'],
        dynamicImports: ['widget/i18n/en.ts', 'widget/i18n/cs.ts', 'widget/other.ts'],
      },
      _runtime: { file: 'earshot/runtime.js' },
      'widget/i18n/en.ts': { file: 'earshot/en.js' },
      'widget/i18n/cs.ts': { file: 'earshot/cs.js' },
      'widget/other.ts': { file: 'earshot/other.js' },
    }),
  );
  return dir;
}

describe('size budget checker', () => {
  it('counts the loader, the panel with its static imports and the largest locale as the first chat', () => {
    const dir = fakeBuild(Buffer.from('panel'));
    expect(firstChatFiles(dir).sort()).toEqual(['earshot.js', 'earshot/cs.js', 'earshot/panel.js', 'earshot/runtime.js']);
  });

  it('passes a build within budget', () => {
    const results = checkBudgets(fakeBuild(Buffer.from('small panel')), BUDGETS);
    expect(results.every((r) => r.ok)).toBe(true);
  });

  it('reports each budget’s headroom in bytes and as a share, and fails only when it is negative', () => {
    const dir = fakeBuild(Buffer.from('panel'));
    const [loader, first] = checkBudgets(dir, { loaderGzip: 1000, firstChatGzip: 100_000 });
    const loaderGzip = measure(dir, 'earshot.js').gzip;
    expect(loader).toMatchObject({ actual: loaderGzip, headroom: 1000 - loaderGzip, headroomShare: (1000 - loaderGzip) / 1000, ok: true });
    expect(first!.headroom).toBe(100_000 - first!.actual);
    expect(formatBudget(loader!)).toBe(
      `ok    loader (earshot.js) gzip: ${(loaderGzip / 1024).toFixed(2)} KB of 0.98 KB, headroom ${1000 - loaderGzip} B (${((1000 - loaderGzip) / 10).toFixed(1)}%)`,
    );
    // At the budget to the byte: no headroom, still within it; one byte less of budget: over.
    expect(checkBudgets(dir, { loaderGzip: loaderGzip, firstChatGzip: first!.actual })).toMatchObject([
      { headroom: 0, ok: true },
      { headroom: 0, ok: true },
    ]);
    const over = checkBudgets(dir, { loaderGzip: loaderGzip - 1, firstChatGzip: first!.actual - 1 });
    expect(over).toMatchObject([
      { headroom: -1, ok: false },
      { headroom: -1, ok: false },
    ]);
    expect(formatBudget(over[0]!)).toBe(
      `OVER  loader (earshot.js) gzip: ${(loaderGzip / 1024).toFixed(2)} KB of ${((loaderGzip - 1) / 1024).toFixed(2)} KB, headroom -1 B (${(-100 / (loaderGzip - 1)).toFixed(1)}%)`,
    );
  });

  it('fails a deliberately oversized build, from the library and from the npm script', () => {
    const dir = fakeBuild(randomBytes(40 * 1024)); // random bytes do not compress
    const results = checkBudgets(dir, BUDGETS);
    expect(results.find((r) => r.name.startsWith('first chat'))).toMatchObject({ ok: false });
    let status = 0;
    let out = '';
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/size.ts', path.dirname(dir)], { encoding: 'utf8', stdio: 'pipe' });
    } catch (err) {
      const e = err as { status: number; stdout: string };
      status = e.status;
      out = e.stdout;
    }
    expect(status).toBe(1);
    expect(out).toMatch(/OVER\s+first chat.*headroom -\d+ B \(-\d+\.\d%\)/);
    expect(out).toMatch(/ok\s+loader.*headroom \d+ B \(\d+\.\d%\)/);
  });
});
