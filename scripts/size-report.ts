import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  src?: string;
}
type Manifest = Record<string, ManifestChunk>;

/** Raw, gzip (level 9) and brotli (quality 11) sizes of one file. */
export function measure(dir: string, file: string): FileSize {
  const buf = fs.readFileSync(path.join(dir, file));
  return {
    file,
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Every .js and .css file under a directory, relative to it. */
export function shippedFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.(js|css)$/.test(f) && !f.startsWith('.vite')).sort();
}

/**
 * The files a visitor downloads to reach a first chat: the loader, the chunk it imports
 * on first open with everything that chunk imports statically, and the largest locale.
 */
export function firstChatFiles(widgetDir: string): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(widgetDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const entry = Object.values(manifest).find((c) => c.isEntry);
  if (!entry) throw new Error('the widget manifest has no entry');
  const files = new Set<string>([entry.file]);
  const addStatic = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    chunk.imports?.forEach(addStatic);
  };
  const isLocale = (key: string) => /(^|\/)(i18n|locales?)\//.test(key);
  const panels = (entry.dynamicImports ?? []).filter((k) => !isLocale(k));
  panels.forEach(addStatic);
  const locales = Object.keys(manifest)
    .filter(isLocale)
    .map((k) => manifest[k]!.file);
  const largest = locales.map((f) => measure(widgetDir, f)).sort((a, b) => b.gzip - a.gzip)[0];
  if (largest) files.add(largest.file);
  return [...files];
}

export interface BudgetResult {
  name: string;
  actual: number;
  limit: number;
  /** Bytes left under the budget; negative when over it. */
  headroom: number;
  /** `headroom` as a share of the budget (0.05 is 5%). */
  headroomShare: number;
  /** No negative headroom. */
  ok: boolean;
}

function budgetResult(name: string, actual: number, limit: number): BudgetResult {
  const headroom = limit - actual;
  return { name, actual, limit, headroom, headroomShare: headroom / limit, ok: headroom >= 0 };
}

/** Compares loader and first-chat gzip totals with their budgets. */
export function checkBudgets(widgetDir: string, budgets: { loaderGzip: number; firstChatGzip: number }): BudgetResult[] {
  const first = firstChatFiles(widgetDir).map((f) => measure(widgetDir, f));
  const loader = first[0]!;
  const total = first.reduce((sum, f) => sum + f.gzip, 0);
  return [
    budgetResult(`loader (${loader.file}) gzip`, loader.gzip, budgets.loaderGzip),
    budgetResult(`first chat (${first.length} files) gzip`, total, budgets.firstChatGzip),
  ];
}

/** One budget's line: `ok    loader (earshot.js) gzip: 1.85 KB of 2.00 KB, headroom 154 B (7.5%)`. */
export function formatBudget(r: BudgetResult): string {
  const room = `headroom ${r.headroom} B (${(r.headroomShare * 100).toFixed(1)}%)`;
  return `${r.ok ? 'ok  ' : 'OVER'}  ${r.name}: ${kb(r.actual)} of ${kb(r.limit)}, ${room}`;
}

/** A fixed-width table for the terminal. */
export function formatTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}

export const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`;
