/**
 * `npm run bench [-- --store postgres] [--nodes 2]`: Earshot's stores and node counts side by
 * side in one run — SQLite on one node, Postgres on one node, Postgres + Redis on two nodes
 * (visitors on the first, the agent on the second, so every message crosses the Redis adapter).
 * Each setup gets a fresh Postgres schema and a Redis key prefix of its own, dropped after.
 */
import { setupName, type BenchArgs, type Setup } from './args';
import { BENCH_DATABASE_URL, BENCH_REDIS_URL, freshRedisPrefix, freshSchema, unreachable, where } from './backends';
import { openTarget, rampInTurns, type Target, type TargetRun, type TargetSpec, type Totals } from './target';
import { table } from './stats';

const RAMP = [200, 300, 500, 750, 1000, 1500, 2000, 3000, 4000, 5000, 6000, 8000, 10000, 12000, 14000, 16000, 20000];

/** The nodes a setup starts, with what each needs to find its store and its bus. */
async function specFor(s: Setup): Promise<TargetSpec> {
  const name = setupName(s);
  if (s.store === 'sqlite') return { name, impl: 'earshot', nodes: [{}] };
  const schema = await freshSchema();
  const redis = s.nodes === 2 ? freshRedisPrefix() : null;
  const env = { DATABASE_URL: schema.url, ...(redis ? { BENCH_REDIS_URL, BENCH_REDIS_PREFIX: redis.prefix } : {}) };
  return {
    name, impl: 'earshot', nodes: Array.from({ length: s.nodes }, () => env),
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

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');
const us = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '-');
/** `value` against the first setup's (SQLite's in a full run). */
const ratio = (value: number, base: number) => (Number.isFinite(value) && Number.isFinite(base) && base > 0 ? `${(value / base).toFixed(2)}×` : '-');

/** Runs the setups, prints the table; resolves to whether every message was stored, none delivered twice. */
export async function benchSetups(args: BenchArgs, cpu: number | null, visitors: number, p99LimitMs: number): Promise<boolean> {
  const setups = await runnable(args);
  if (!setups.some((s) => s.store === 'postgres')) console.log('');
  else console.log(`Postgres ${where(BENCH_DATABASE_URL)}${setups.some((s) => s.nodes === 2) ? `, Redis ${where(BENCH_REDIS_URL)}` : ''}\n`);
  const specs: TargetSpec[] = [];
  const targets: Target[] = [];
  const results = new Map<string, { steady: TargetRun; totals?: Totals }>();
  try {
    for (const s of setups) {
      specs.push(await specFor(s));
      targets.push(await openTarget(specs.at(-1)!, cpu, visitors));
    }
    for (const t of targets) await t.run(200, 2); // warm-up: JIT, prepared statements, first conversations
    for (const t of targets) results.set(t.name, { steady: await t.run(args.rate, args.seconds) });
    const ramp = await rampInTurns(targets, RAMP, args.seconds, p99LimitMs);
    while (targets.length) {
      const t = targets.shift()!;
      specs.shift();
      results.get(t.name)!.totals = await t.finish();
    }

    const base = results.get(setupName(setups[0]!))!;
    const baseRamp = ramp.get(setupName(setups[0]!))!;
    const rows: (string | number)[][] = [[
      'setup', `delivered msg/s (p99 < ${p99LimitMs} ms)`, '× first', `CPU µs/msg at ${args.rate}/s`, '× first', 'per node',
      `p99 ms at ${args.rate}/s`, '× first', 'CPU µs/msg at top rate',
    ]];
    for (const s of setups) {
      const name = setupName(s);
      const { steady } = results.get(name)!;
      const top = ramp.get(name)!;
      rows.push([
        name, top.sustained, ratio(top.sustained, baseRamp.sustained),
        us(steady.cpuPerMessage), ratio(steady.cpuPerMessage, base.steady.cpuPerMessage),
        steady.nodeCpuPerMessage.map(us).join(' + '), ms(steady.p99), ratio(steady.p99, base.steady.p99), us(top.cpuAtSustained),
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
      `every message acked and delivered within 5 s of its run's end: ${inTime ? 'yes' : 'no (late ones are from runs over a setup\'s limit)'}`,
    );
    console.log(
      `\n"× first" is against ${setupName(setups[0]!)}. CPU counts every thread of the node processes (two nodes: both, A + B);` +
        ' Postgres and Redis run outside the bench and are not in it. Absolute figures are of this machine and move between runs' +
        ' on a shared one; compare the ratios.',
    );
    return storedOnce;
  } finally {
    // After a failure: no node, schema or key prefix left behind (a spec whose nodes did not start has no target).
    for (const t of targets) await t.finish().catch(() => undefined);
    for (const spec of specs.slice(targets.length)) await spec.cleanup?.().catch(() => undefined);
  }
}
