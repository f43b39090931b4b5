import { performance } from 'node:perf_hooks';
import { connectAgent, connectVisitors, runAtRate, runSaturated, type RateResult, type SaturatedResult } from './load';
import { RelayProcess } from './relay-process';
import { signInCookie } from './admin';
import { cpuSince, type ProcessCpu } from './backends';

/** What the benchmark puts under load: one relay, or several Earshot nodes of one cluster. */
export interface TargetSpec {
  name: string;
  impl: 'earshot' | 'bare';
  /** One entry per node: the environment it starts with (see server-child.ts). */
  nodes: Record<string, string>[];
  /** CPU time of the database's processes serving these nodes (Postgres on this machine), by process. */
  databaseCpu?: () => Promise<ProcessCpu | null>;
  /** Run after the nodes have exited: drops what the target had of its own (a schema, Redis keys). */
  cleanup?: () => Promise<void>;
}

/** What the node processes spent on a run. */
export interface RunCost {
  /** CPU time per message sent, all node processes and all their threads, in microseconds. */
  cpuPerMessage: number;
  /** The same, node by node. */
  nodeCpuPerMessage: number[];
  /** CPU time per message of the database's server processes serving the nodes (NaN where not measured). */
  databaseCpuPerMessage: number;
  /** Share of one core the nodes used, together; and the load generator (this process). */
  relayBusy: number;
  loadBusy: number;
}

/** One run of a target at a steady rate: the load's result, and the CPU its node processes spent on it. */
export type TargetRun = RateResult & RunCost;

export interface Totals {
  sent: number;
  acked: number;
  delivered: number;
  duplicates: number;
  stored: number | null;
}

const cpuTotal = (u: NodeJS.CpuUsage) => u.user + u.system;

/**
 * Messages stored once the nodes are done with what they were sent: a run over a setup's limit
 * leaves some in flight past its drain, so the count is taken when it reaches `sent` or stops
 * growing for 3 s (30 s at most). Null for the bare relay, which stores nothing.
 */
async function settledCount(node: RelayProcess, sent: number): Promise<number | null> {
  let last = await node.storedCount();
  for (let still = 0, waited = 0; last !== null && last < sent && still < 6 && waited < 60; waited++) {
    await new Promise((r) => setTimeout(r, 500));
    const now = await node.storedCount();
    still = now === last ? still + 1 : 0;
    last = now;
  }
  return last;
}

/**
 * Starts a target's nodes one after the other (the first migrates), each in a process of its own
 * on CPU `cpu`; connects `visitors` visitors to the first node and the agent to the last, so with
 * two nodes every message crosses the bus.
 */
export async function openTarget(spec: TargetSpec, cpu: number | null, visitors: number) {
  const nodes: RelayProcess[] = [];
  for (const env of spec.nodes) nodes.push(await RelayProcess.start(spec.impl, cpu, { env }));
  const agentUrl = nodes.at(-1)!.url;
  const agent = await connectAgent(agentUrl, spec.impl === 'earshot' ? await signInCookie(agentUrl) : undefined);
  const crowd = await connectVisitors(nodes[0]!.url, visitors);
  const runs: Pick<RateResult, 'sent' | 'acked' | 'delivered' | 'duplicates'>[] = [];
  const cpus = () => Promise.all(nodes.map((n) => n.cpu()));

  /** `load`, with the nodes' CPU time per message sent and how busy nodes and load generator were. */
  const measured = async <R extends { sent: number; acked: number; delivered: number; duplicates: number }>(load: () => Promise<R>) => {
    // What an earlier run over the limit left in flight would otherwise count against this one.
    await settledCount(
      nodes[0]!,
      runs.reduce((n, r) => n + r.sent, 0),
    );
    const load0 = process.cpuUsage();
    const before = await cpus();
    const db0 = await spec.databaseCpu?.();
    const t0 = performance.now();
    const r = await load();
    const wall = (performance.now() - t0) * 1000;
    const spent = (await cpus()).map((c, i) => c - before[i]!);
    const db1 = await spec.databaseCpu?.();
    const relayCpu = spent.reduce((a, b) => a + b, 0);
    runs.push(r);
    const cost: RunCost = {
      cpuPerMessage: relayCpu / r.sent,
      nodeCpuPerMessage: spent.map((c) => c / r.sent),
      databaseCpuPerMessage: db0 && db1 ? cpuSince(db0, db1) / r.sent : NaN,
      relayBusy: relayCpu / wall,
      loadBusy: cpuTotal(process.cpuUsage(load0)) / wall,
    };
    return { ...r, ...cost };
  };
  /** A run at `rate` for `seconds`. */
  const run = (rate: number, seconds: number): Promise<TargetRun> => measured(() => runAtRate(crowd, agent, rate, seconds));
  /** As many messages as the nodes take for `seconds`, one in flight per visitor. */
  const saturate = (seconds: number): Promise<SaturatedResult & RunCost> => measured(() => runSaturated(crowd, agent, seconds));

  /** Closes the connections, counts what is stored, stops the nodes and cleans up after them. */
  const finish = async (): Promise<Totals> => {
    crowd.forEach((v) => v.socket.disconnect());
    agent.disconnect();
    const sum = (k: 'sent' | 'acked' | 'delivered' | 'duplicates') => runs.reduce((n, r) => n + r[k], 0);
    const stored = await settledCount(nodes[0]!, sum('sent'));
    await Promise.all(nodes.map((n) => n.stopAndWait()));
    await spec.cleanup?.();
    return { sent: sum('sent'), acked: sum('acked'), delivered: sum('delivered'), duplicates: sum('duplicates'), stored };
  };
  return { name: spec.name, run, saturate, finish };
}
export type Target = Awaited<ReturnType<typeof openTarget>>;

/** The highest rate a target sustained in a ramp, and its CPU per message there (NaN when it sustained none). */
export interface RampResult {
  sustained: number;
  cpuAtSustained: number;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

/**
 * The targets' ramps, in turns: each step goes to one target, then to the next, so a slow spell
 * of a shared machine falls on all of them, not on whichever happened to be measured then. A
 * target's ramp ends at the first rate it cannot sustain (every message delivered, p99 under
 * `p99LimitMs`, 95 % of the rate sent) twice.
 */
export async function rampInTurns(
  targets: Target[],
  rates: number[],
  seconds: number,
  p99LimitMs: number,
): Promise<Map<string, RampResult>> {
  const out = new Map(targets.map((t) => [t.name, { sustained: 0, cpuAtSustained: NaN }]));
  const step = async (t: Target, rate: number) => {
    const x = await t.run(rate, seconds);
    const ok = x.delivered === x.sent && x.p99 < p99LimitMs && x.achieved >= rate * 0.95;
    process.stderr.write(
      `  ${t.name} at ${rate}/s: p99 ${x.p99.toFixed(1)} ms, ${x.delivered}/${x.sent} delivered, CPU relay ` +
        `${pct(x.relayBusy)} load generator ${pct(x.loadBusy)}${ok ? '' : ' (over the limit)'}\n`,
    );
    return ok ? x : null;
  };
  let going = [...targets];
  for (const rate of rates) {
    if (!going.length) break;
    const still: Target[] = [];
    for (const t of going) {
      // A rate gets a second try, so one stall of a shared machine does not end the ramp early.
      const x = (await step(t, rate)) ?? (await step(t, rate));
      if (!x) continue;
      out.set(t.name, { sustained: x.achieved, cpuAtSustained: x.cpuPerMessage });
      still.push(t);
    }
    going = still;
  }
  return out;
}
