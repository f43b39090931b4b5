/**
 * `npm run bench [-- --store postgres] [--nodes 2]`: Earshot's stores and node counts side by
 * side in one run — SQLite on one node, Postgres on one node, Postgres + Redis on two nodes
 * (visitors on the first, the agent on the second, so every message crosses the Redis adapter).
 * Each setup gets a fresh Postgres schema and a Redis key prefix of its own, dropped after.
 */
import { setupName, type BenchArgs, type Setup } from './args';
import { BENCH_DATABASE_URL, BENCH_REDIS_URL, freshRedisPrefix, freshSchema, unreachable, where } from './backends';
import type { SaturatedResult } from './load';
import { openTarget, type RunCost, type Target, type TargetRun, type TargetSpec, type Totals } from './target';
import { table } from './stats';

/** The nodes a setup starts, with what each needs to find its store and its bus. */
async function specFor(s: Setup): Promise<TargetSpec> {
  const name = setupName(s);
  if (s.store === 'sqlite') return { name, impl: 'earshot', nodes: [{}] };
  const schema = await freshSchema();
  const redis = s.nodes === 2 ? freshRedisPrefix() : null;
  const env = { DATABASE_URL: schema.url, ...(redis ? { BENCH_REDIS_URL, BENCH_REDIS_PREFIX: redis.prefix } : {}) };
  return {
    name,
    impl: 'earshot',
    nodes: Array.from({ length: s.nodes }, () => env),
    databaseCpu: schema.cpu,
    cleanup: async () => {
      await schema.drop();
      await redis?.drop();
    },
  };
}

/** The setups that can run here: all asked for, or (without --store/--nodes) those whose Postgres and Redis answer. */
async function runnable(args: BenchArgs): Promise<Setup[]> {
  const out: Setup[] = [];
  for (const s of args.setups) {
    const why = s.store === 'sqlite' ? null : await unreachable(s.nodes === 2);
    if (!why) out.push(s);
    else if (args.explicit) throw new Error(`${setupName(s)}: ${why}; set DATABASE_URL / REDIS_URL`);
    else console.log(`skipped ${setupName(s)}: ${why} (set DATABASE_URL / REDIS_URL)`);
  }
  return out;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');
const us = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '-');
/** `value` against the first setup's (SQLite's in a full run). */
const ratio = (value: number, base: number) =>
  Number.isFinite(value) && Number.isFinite(base) && base > 0 ? `${(value / base).toFixed(2)}×` : '-';

/** Runs the setups, prints the table; resolves to whether every message was stored, none delivered twice. */
export async function benchSetups(args: BenchArgs, cpu: number | null, visitors: number): Promise<boolean> {
  const setups = await runnable(args);
  if (!setups.some((s) => s.store === 'postgres')) console.log('');
  else
    console.log(`Postgres ${where(BENCH_DATABASE_URL)}${setups.some((s) => s.nodes === 2) ? `, Redis ${where(BENCH_REDIS_URL)}` : ''}\n`);
  const specs: TargetSpec[] = [];
  const targets: Target[] = [];
  const results = new Map<string, { steady: TargetRun; full?: SaturatedResult & RunCost; totals?: Totals }>();
  try {
    for (const s of setups) {
      specs.push(await specFor(s));
      targets.push(await openTarget(specs.at(-1)!, cpu, visitors));
    }
    // In turns, phase by phase, so a slow spell of a shared machine falls on every setup alike.
    for (const t of targets) await t.run(200, 2); // warm-up: JIT, prepared statements, first conversations
    for (const t of targets) results.set(t.name, { steady: await t.run(args.rate, args.seconds) });
    for (const t of targets) {
      const full = await t.saturate(args.seconds);
      process.stderr.write(
        `  ${t.name} at full load: ${full.deliveredPerSecond.toFixed(0)} delivered/s, CPU relay ${pct(full.relayBusy)} load generator ${pct(full.loadBusy)}\n`,
      );
      results.get(t.name)!.full = full;
    }
    while (targets.length) {
      const t = targets.shift()!;
      specs.shift();
      results.get(t.name)!.totals = await t.finish();
    }

    const base = results.get(setupName(setups[0]!))!;
    const rows: (string | number)[][] = [
      [
        'setup',
        'delivered msg/s, full load',
        '× first',
        'CPU µs/msg, full load',
        '× first',
        'per node',
        '+ Postgres',
        `p99 ms at ${args.rate}/s`,
        '× first',
        `CPU µs/msg at ${args.rate}/s`,
        '+ Postgres',
      ],
    ];
    for (const s of setups) {
      const name = setupName(s);
      const { steady, full } = results.get(name)!;
      rows.push([
        name,
        full!.deliveredPerSecond.toFixed(0),
        ratio(full!.deliveredPerSecond, base.full!.deliveredPerSecond),
        us(full!.cpuPerMessage),
        ratio(full!.cpuPerMessage, base.full!.cpuPerMessage),
        full!.nodeCpuPerMessage.map(us).join(' + '),
        us(full!.databaseCpuPerMessage),
        ms(steady.p99),
        ratio(steady.p99, base.steady.p99),
        us(steady.cpuPerMessage),
        us(steady.databaseCpuPerMessage),
      ]);
    }
    console.log(table(rows));
    console.log('');
    const counts: (string | number)[][] = [['messages', 'sent', 'acked', 'stored', 'delivered', 'duplicates']];
    let storedOnce = true;
    let inTime = true;
    for (const s of setups) {
      const c = results.get(setupName(s))!.totals!;
      counts.push([setupName(s), c.sent, c.acked, c.stored ?? '-', c.delivered, c.duplicates]);
      storedOnce &&= c.stored === c.sent && c.duplicates === 0;
      inTime &&= c.acked === c.sent && c.delivered === c.sent;
    }
    console.log(table(counts));
    console.log(`\nevery message stored, none delivered twice: ${storedOnce ? 'yes' : 'NO'}`);
    console.log(
      `every message acked and delivered within 5 s of its run's end: ${inTime ? 'yes' : "no (late ones are from a run over a setup's limit)"}`,
    );
    console.log(
      `\nFull load: each visitor sends its next message when the last is acked, for ${args.seconds} s. ` +
        `"× first" is against ${setupName(setups[0]!)}. CPU counts every thread of the node processes (two nodes: both, A + B);` +
        ' "+ Postgres" is what the Postgres server processes serving them spent on top (from /proc; Redis not counted). Absolute figures are of this machine and move between runs' +
        ' on a shared one; compare the ratios.',
    );
    return storedOnce;
  } finally {
    // After a failure: no node, schema or key prefix left behind (a spec whose nodes did not start has no target).
    for (const t of targets) await t.finish().catch(() => undefined);
    for (const spec of specs.slice(targets.length)) await spec.cleanup?.().catch(() => undefined);
  }
}
