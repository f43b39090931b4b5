/**
 * `npm run size`: prints raw, gzip and brotli sizes of every shipped widget and console
 * file and the total a visitor downloads for a first chat, then each budget with its headroom
 * (bytes and share of the budget); exits 1 when a headroom is negative.
 * Usage: tsx scripts/size.ts [distDir]
 */
import path from 'node:path';
import { BUDGETS } from './budgets';
import { checkBudgets, firstChatFiles, formatBudget, formatTable, kb, measure, shippedFiles } from './size-report';

const dist = path.resolve(process.argv[2] ?? 'dist');
const widgetDir = path.join(dist, 'widget');
const consoleDir = path.join(dist, 'console');
const first = new Set(firstChatFiles(widgetDir));

const rows = [['file', 'raw', 'gzip', 'brotli', 'first chat']];
for (const [label, dir] of [
  ['widget', widgetDir],
  ['console', consoleDir],
] as const) {
  for (const f of shippedFiles(dir)) {
    const s = measure(dir, f);
    rows.push([`${label}/${f}`, kb(s.raw), kb(s.gzip), kb(s.brotli), label === 'widget' && first.has(f) ? 'yes' : '']);
  }
}
const firstSizes = [...first].map((f) => measure(widgetDir, f));
const sum = (k: 'raw' | 'gzip' | 'brotli') => firstSizes.reduce((n, s) => n + s[k], 0);
rows.push(['first chat total', kb(sum('raw')), kb(sum('gzip')), kb(sum('brotli')), '']);
console.log(formatTable(rows));
console.log('');

const results = checkBudgets(widgetDir, BUDGETS);
for (const r of results) console.log(formatBudget(r));
if (results.some((r) => !r.ok)) {
  console.error('\nA size budget is exceeded (budgets live in scripts/budgets.ts).');
  process.exit(1);
}
