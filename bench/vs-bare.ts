/**
 * `npm run bench -- --bare`: Earshot's full path (validation, SQLite, ack, fan-out) against a
 * bare Socket.IO relay, both in child processes on 127.0.0.1, with the relay's budgets.
 */
import { connectVisitors, type RateResult } from './load';
import { RelayProcess } from './relay-process';
import { openTarget, rampInTurns, type Target, type Totals } from './target';
import { RELAY_BUDGETS } from '../scripts/budgets';
import { table } from './stats';

const RAMP = [1000, 2000, 3000, 4000, 5000, 6000, 8000, 10000, 12000, 14000, 16000, 20000, 24000, 28000, 32000];

type Impl = 'earshot' | 'bare';
interface ImplResult extends Totals {
  at500: RateResult;
  at2000: RateResult;
  /** Relay CPU time per message at 2,000 msg/s, all threads, in microseconds. */
  cpuPerMessage: number;
  sustained: number;
  /** Relay CPU time per message at the highest sustained rate (commits are larger under load). */
  cpuAtSustained: number;
}

/**
 * Both relays, measured in turns: each latency run and each step of the ramp goes to one,
 * then to the other, so a slow spell of a shared machine falls on both.
 */
async function throughput(cpu: number | null, visitors: number, p99LimitMs: number): Promise<Record<Impl, ImplResult>> {
  const relays: Target[] = [];
  for (const impl of ['bare', 'earshot'] as const) relays.push(await openTarget({ name: impl, impl, nodes: [{}] }, cpu, visitors));
  for (const r of relays) await r.run(200, 2); // warm-up: JIT, prepared statements, first conversations
  const fixed = new Map<string, Pick<ImplResult, 'at500' | 'at2000' | 'cpuPerMessage'>>();
  for (const r of relays) {
    const at500 = await r.run(500, 5);
    const at2000 = await r.run(2000, 5);
    fixed.set(r.name, { at500, at2000, cpuPerMessage: at2000.cpuPerMessage });
  }
  const ramp = await rampInTurns(relays, RAMP, 3, p99LimitMs);
  const out = {} as Record<Impl, ImplResult>;
  for (const r of relays) out[r.name as Impl] = { ...fixed.get(r.name)!, ...ramp.get(r.name)!, ...(await r.finish()) };
  return out;
}

async function memory(impl: Impl, cpu: number | null): Promise<{ at1000: number; at5000: number; marginal: number }> {
  const relay = await RelayProcess.start(impl, cpu);
  // One visitor first, so what the first one costs once (time-zone data, JIT code) is not
  // charged to every visitor.
  const warm = await connectVisitors(relay.url, 1);
  const base = await relay.rss();
  const first = await connectVisitors(relay.url, 1000);
  const rss1000 = await relay.rss();
  const more = await connectVisitors(relay.url, 4000);
  const rss5000 = await relay.rss();
  [...warm, ...first, ...more].forEach((v) => v.socket.disconnect());
  relay.stop();
  // The marginal figure leaves out what the first connections cost once (heap growth, JIT).
  return { at1000: (rss1000 - base) / 1000, at5000: (rss5000 - base) / 5000, marginal: (rss5000 - rss1000) / 4000 };
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

/** Runs the comparison, prints it with the budgets; resolves to whether every message was accounted for and every budget held. */
export async function benchVsBare(cpu: number | null, visitors: number, p99LimitMs: number): Promise<boolean> {
  console.log('');
  const results = await throughput(cpu, visitors, p99LimitMs);
  const mem = { bare: await memory('bare', cpu), earshot: await memory('earshot', cpu) };
  const e = results.earshot;
  const b = results.bare;

  console.log(
    table([
      ['visitor→agent latency (ms)', 'bare p50', 'p95', 'p99', 'earshot p50', 'p95', 'p99'],
      ['at 500 msg/s', ms(b.at500.p50), ms(b.at500.p95), ms(b.at500.p99), ms(e.at500.p50), ms(e.at500.p95), ms(e.at500.p99)],
      ['at 2000 msg/s', ms(b.at2000.p50), ms(b.at2000.p95), ms(b.at2000.p99), ms(e.at2000.p50), ms(e.at2000.p95), ms(e.at2000.p99)],
    ]),
  );
  console.log('');
  console.log(
    table([
      ['', 'bare', 'earshot', 'earshot / bare'],
      [
        `highest rate with p99 < ${p99LimitMs} ms (msg/s)`,
        b.sustained,
        e.sustained,
        b.sustained ? (e.sustained / b.sustained).toFixed(2) : '-',
      ],
      [
        'relay CPU per message at 2000 msg/s (µs)',
        b.cpuPerMessage.toFixed(0),
        e.cpuPerMessage.toFixed(0),
        (e.cpuPerMessage / b.cpuPerMessage).toFixed(2),
      ],
      [
        'relay CPU per message at its highest rate (µs)',
        b.cpuAtSustained.toFixed(0),
        e.cpuAtSustained.toFixed(0),
        (e.cpuAtSustained / b.cpuAtSustained).toFixed(2),
      ],
      ['RSS per idle visitor, 1000 visitors', kib(mem.bare.at1000), kib(mem.earshot.at1000), ''],
      ['RSS per idle visitor, 5000 visitors', kib(mem.bare.at5000), kib(mem.earshot.at5000), ''],
      ['RSS per idle visitor, from 1000 to 5000', kib(mem.bare.marginal), kib(mem.earshot.marginal), ''],
    ]),
  );
  console.log('');
  console.log(
    table([
      ['messages', 'sent', 'acked', 'stored', 'delivered', 'duplicates'],
      ['bare', b.sent, b.acked, '-', b.delivered, b.duplicates],
      ['earshot', e.sent, e.acked, e.stored ?? '-', e.delivered, e.duplicates],
    ]),
  );
  const accounted = e.sent === e.acked && e.acked === e.stored && e.stored === e.delivered && e.duplicates === 0;
  console.log(`\nearshot: every message accounted for (sent = stored = delivered): ${accounted ? 'yes' : 'NO'}\n`);

  const share = b.sustained ? e.sustained / b.sustained : 0;
  const rss = mem.earshot.at1000 / 1024;
  const budgets = [
    {
      name: 'rate, share of the bare relay',
      ok: share >= RELAY_BUDGETS.rateShareOfBare,
      text: `${share.toFixed(2)} (at least ${RELAY_BUDGETS.rateShareOfBare})`,
    },
    {
      name: 'p99 at 2000 msg/s',
      ok: e.at2000.p99 <= RELAY_BUDGETS.p99At2000Ms,
      text: `${ms(e.at2000.p99)} ms (at most ${RELAY_BUDGETS.p99At2000Ms})`,
    },
    {
      name: 'RSS per idle visitor, 1000 visitors',
      ok: rss <= RELAY_BUDGETS.rssPerVisitorKiB,
      text: `${rss.toFixed(1)} KiB (at most ${RELAY_BUDGETS.rssPerVisitorKiB})`,
    },
  ];
  for (const r of budgets) console.log(`${r.ok ? 'ok  ' : 'OVER'}  earshot ${r.name}: ${r.text}`);
  return accounted && budgets.every((r) => r.ok);
}
