/**
 * `npm run bench`: the relay benchmark. Earshot's full path (validation, SQLite, ack,
 * fan-out) against a bare Socket.IO relay, both in child processes on 127.0.0.1.
 * Bounded: a fixed number of messages per phase and a hard stop at 3 minutes.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import { connectAgent, connectVisitors, runAtRate, type RateResult, type Visitor } from './load';
import { pinCores } from './cores';
import { RelayProcess } from './relay-process';
import { signInCookie } from './admin';
import { RELAY_BUDGETS } from '../scripts/budgets';
import { table } from './stats';

const VISITORS = 1000;
const RAMP = [1000, 2000, 3000, 4000, 5000, 6000, 8000, 10000, 12000, 14000, 16000, 20000, 24000, 28000, 32000];
const P99_LIMIT_MS = 100;
const RELAY_CPU = pinCores();
const HARD_STOP = setTimeout(() => {
  console.error('bench: stopped after 3 minutes');
  process.exit(2);
}, 180_000);

type Impl = 'earshot' | 'bare';
interface ImplResult {
  at500: RateResult;
  at2000: RateResult;
  /** Relay CPU time per message at 2,000 msg/s, all threads, in microseconds. */
  cpuPerMessage: number;
  sustained: number;
  /** Relay CPU time per message at the highest sustained rate (commits are larger under load). */
  cpuAtSustained: number;
  sent: number;
  acked: number;
  delivered: number;
  duplicates: number;
  stored: number | null;
}

function closeAll(visitors: Visitor[], agent?: Socket) {
  visitors.forEach((v) => v.socket.disconnect());
  agent?.disconnect();
}

/** One relay under load: its visitors and agent, and what its runs add up to. */
async function openRelay(impl: Impl) {
  const relay = await RelayProcess.start(impl, RELAY_CPU);
  const agent = await connectAgent(relay.url, impl === 'earshot' ? await signInCookie(relay.url) : undefined);
  const visitors = await connectVisitors(relay.url, VISITORS);
  const runs: RateResult[] = [];
  /** A run at `rate`, with the relay's CPU time per message and how busy relay and load generator were. */
  const run = async (rate: number, seconds: number) => {
    const load0 = process.cpuUsage();
    const relay0 = await relay.cpu();
    const t0 = performance.now();
    const r = await runAtRate(visitors, agent, rate, seconds);
    const wall = (performance.now() - t0) * 1000;
    const relayCpu = (await relay.cpu()) - relay0;
    runs.push(r);
    return { ...r, cpuPerMessage: relayCpu / r.sent, relayBusy: relayCpu / wall, loadBusy: cpuTotal(process.cpuUsage(load0)) / wall };
  };
  const finish = async (): Promise<Omit<ImplResult, 'at500' | 'at2000' | 'cpuPerMessage' | 'sustained' | 'cpuAtSustained'>> => {
    closeAll(visitors, agent);
    const sum = (k: 'sent' | 'acked' | 'delivered' | 'duplicates') => runs.reduce((n, r) => n + r[k], 0);
    const stored = await relay.storedCount();
    relay.stop();
    return { sent: sum('sent'), acked: sum('acked'), delivered: sum('delivered'), duplicates: sum('duplicates'), stored };
  };
  return { impl, run, finish };
}

/**
 * Both relays, measured in turns: each latency run and each step of the ramp goes to one,
 * then to the other, so a slow spell of a shared machine falls on both, not on whichever
 * happened to be measured then. A relay's ramp ends at the first rate it cannot sustain twice.
 */
async function throughput(): Promise<Record<Impl, ImplResult>> {
  const relays = [await openRelay('bare'), await openRelay('earshot')];
  const partial = new Map<Impl, Pick<ImplResult, 'at500' | 'at2000' | 'cpuPerMessage'> & { sustained: number; cpuAtSustained: number }>();
  for (const r of relays) await r.run(200, 2); // warm-up: JIT, prepared statements, first conversations
  for (const r of relays) {
    const at500 = await r.run(500, 5);
    const at2000 = await r.run(2000, 5);
    partial.set(r.impl, { at500, at2000, cpuPerMessage: at2000.cpuPerMessage, sustained: 0, cpuAtSustained: NaN });
  }
  const step = async (r: (typeof relays)[number], rate: number) => {
    const x = await r.run(rate, 3);
    const ok = x.delivered === x.sent && x.p99 < P99_LIMIT_MS && x.achieved >= rate * 0.95;
    process.stderr.write(
      `  ${r.impl} at ${rate}/s: p99 ${x.p99.toFixed(1)} ms, ${x.delivered}/${x.sent} delivered, CPU relay ` +
        `${pct(x.relayBusy)} load generator ${pct(x.loadBusy)}${ok ? '' : ' (over the limit)'}\n`,
    );
    return ok ? x : null;
  };
  let going = [...relays];
  for (const rate of RAMP) {
    if (!going.length) break;
    const still: typeof relays = [];
    for (const r of going) {
      // A rate gets a second try, so one stall of a shared machine does not end the ramp early.
      const x = (await step(r, rate)) ?? (await step(r, rate));
      if (!x) continue;
      Object.assign(partial.get(r.impl)!, { sustained: x.achieved, cpuAtSustained: x.cpuPerMessage });
      still.push(r);
    }
    going = still;
  }
  const out = {} as Record<Impl, ImplResult>;
  for (const r of relays) out[r.impl] = { ...partial.get(r.impl)!, ...(await r.finish()) };
  return out;
}

async function memory(impl: Impl): Promise<{ at1000: number; at5000: number; marginal: number }> {
  const relay = await RelayProcess.start(impl, RELAY_CPU);
  // One visitor first, so what the first one costs once (time-zone data, JIT code) is not
  // charged to every visitor.
  const warm = await connectVisitors(relay.url, 1);
  const base = await relay.rss();
  const first = await connectVisitors(relay.url, 1000);
  const rss1000 = await relay.rss();
  const more = await connectVisitors(relay.url, 4000);
  const rss5000 = await relay.rss();
  closeAll([...warm, ...first, ...more]);
  relay.stop();
  // The marginal figure leaves out what the first connections cost once (heap growth, JIT).
  return { at1000: (rss1000 - base) / 1000, at5000: (rss5000 - base) / 5000, marginal: (rss5000 - rss1000) / 4000 };
}

const cpuTotal = (u: NodeJS.CpuUsage) => u.user + u.system;
const pct = (share: number) => `${Math.round(share * 100)}%`;
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

console.log(`Earshot relay benchmark: ${VISITORS} visitors, 1 agent, 127.0.0.1`);
console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown CPU'} x${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} ` +
  `GiB, Node ${process.version}`);
console.log(RELAY_CPU === null ? 'relay and load generator share the CPUs\n' : `relay on CPU ${RELAY_CPU}, load generator on CPU 0\n`);
const results = await throughput();
const mem = { bare: await memory('bare'), earshot: await memory('earshot') };
const e = results.earshot;
const b = results.bare;

console.log(table([
  ['visitor→agent latency (ms)', 'bare p50', 'p95', 'p99', 'earshot p50', 'p95', 'p99'],
  ['at 500 msg/s', ms(b.at500.p50), ms(b.at500.p95), ms(b.at500.p99), ms(e.at500.p50), ms(e.at500.p95), ms(e.at500.p99)],
  ['at 2000 msg/s', ms(b.at2000.p50), ms(b.at2000.p95), ms(b.at2000.p99), ms(e.at2000.p50), ms(e.at2000.p95), ms(e.at2000.p99)],
]));
console.log('');
console.log(table([
  ['', 'bare', 'earshot', 'earshot / bare'],
  [`highest rate with p99 < ${P99_LIMIT_MS} ms (msg/s)`, b.sustained, e.sustained, b.sustained ? (e.sustained / b.sustained).toFixed(2) : '-'],
  ['relay CPU per message at 2000 msg/s (µs)', b.cpuPerMessage.toFixed(0), e.cpuPerMessage.toFixed(0), (e.cpuPerMessage / b.cpuPerMessage).toFixed(2)],
  ['relay CPU per message at its highest rate (µs)', b.cpuAtSustained.toFixed(0), e.cpuAtSustained.toFixed(0), (e.cpuAtSustained / b.cpuAtSustained).toFixed(2)],
  ['RSS per idle visitor, 1000 visitors', kib(mem.bare.at1000), kib(mem.earshot.at1000), ''],
  ['RSS per idle visitor, 5000 visitors', kib(mem.bare.at5000), kib(mem.earshot.at5000), ''],
  ['RSS per idle visitor, from 1000 to 5000', kib(mem.bare.marginal), kib(mem.earshot.marginal), ''],
]));
console.log('');
console.log(table([
  ['messages', 'sent', 'acked', 'stored', 'delivered', 'duplicates'],
  ['bare', b.sent, b.acked, '-', b.delivered, b.duplicates],
  ['earshot', e.sent, e.acked, e.stored ?? '-', e.delivered, e.duplicates],
]));
const accounted = e.sent === e.acked && e.acked === e.stored && e.stored === e.delivered && e.duplicates === 0;
console.log(`\nearshot: every message accounted for (sent = stored = delivered): ${accounted ? 'yes' : 'NO'}\n`);

const share = b.sustained ? e.sustained / b.sustained : 0;
const rss = mem.earshot.at1000 / 1024;
const budgets = [
  { name: 'rate, share of the bare relay', ok: share >= RELAY_BUDGETS.rateShareOfBare, text: `${share.toFixed(2)} (at least ${RELAY_BUDGETS.rateShareOfBare})` },
  { name: 'p99 at 2000 msg/s', ok: e.at2000.p99 <= RELAY_BUDGETS.p99At2000Ms, text: `${ms(e.at2000.p99)} ms (at most ${RELAY_BUDGETS.p99At2000Ms})` },
  { name: 'RSS per idle visitor, 1000 visitors', ok: rss <= RELAY_BUDGETS.rssPerVisitorKiB, text: `${rss.toFixed(1)} KiB (at most ${RELAY_BUDGETS.rssPerVisitorKiB})` },
];
for (const r of budgets) console.log(`${r.ok ? 'ok  ' : 'OVER'}  earshot ${r.name}: ${r.text}`);
clearTimeout(HARD_STOP);
process.exit(accounted && budgets.every((r) => r.ok) ? 0 : 1);
