/**
 * `npm run bench`: the relay benchmark, every relay node in a child process on 127.0.0.1 and the
 * load generator (1,000 visitors, one agent) in this one. By default Earshot's setups side by
 * side (bench/setups.ts: SQLite 1 node, Postgres 1 node, Postgres + Redis 2 nodes); `--bare`
 * compares Earshot with a bare Socket.IO relay and checks the relay budgets (bench/vs-bare.ts).
 * Bounded: a fixed number of messages per run and a hard stop.
 */
import os from 'node:os';
import { BENCH_USAGE, parseBenchArgs, type BenchArgs } from './args';
import { pinCores } from './cores';
import { benchSetups } from './setups';
import { benchVsBare } from './vs-bare';

const VISITORS = 1000;
const P99_LIMIT_MS = 100;

let args: BenchArgs;
try {
  args = parseBenchArgs(process.argv.slice(2));
} catch (err) {
  console.error(`npm run bench: ${err instanceof Error ? err.message : String(err)}\n${BENCH_USAGE}`);
  process.exit(2);
}
// Long enough for every run of every setup at the chosen length, short enough that a stuck run ends.
const hardStopS = args.mode === 'bare' ? 180 : 90 + 12 * args.seconds * args.setups.length;
const HARD_STOP = setTimeout(() => {
  console.error(`bench: stopped after ${hardStopS} s`);
  process.exit(2);
}, hardStopS * 1000);

const RELAY_CPU = pinCores();
const cpus = os.cpus();
console.log(`Earshot relay benchmark: ${VISITORS} visitors, 1 agent, 127.0.0.1`);
console.log(
  `machine: ${cpus[0]?.model ?? 'unknown CPU'} x${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
console.log(
  RELAY_CPU === null
    ? 'relay nodes and load generator share the CPUs'
    : `relay nodes on CPU ${RELAY_CPU}${args.mode === 'bare' ? '' : ' (two nodes share it)'}, load generator on CPU 0`,
);
let ok: boolean;
try {
  ok = args.mode === 'bare' ? await benchVsBare(RELAY_CPU, VISITORS, P99_LIMIT_MS) : await benchSetups(args, RELAY_CPU, VISITORS);
} catch (err) {
  console.error(`npm run bench: ${err instanceof Error ? err.message : String(err)}`);
  ok = false;
}
clearTimeout(HARD_STOP);
process.exit(ok ? 0 : 1);
