import { parseArgs } from 'node:util';

/** One way of running Earshot the benchmark measures: a store and a number of nodes. */
export interface Setup {
  store: 'sqlite' | 'postgres';
  /** 1, or 2 joined by Redis (visitors on the first node, the agent on the second). */
  nodes: 1 | 2;
}

export interface BenchArgs {
  /** `bare`: Earshot against a bare Socket.IO relay, with the budgets; `setups`: Earshot's stores and nodes side by side. */
  mode: 'bare' | 'setups';
  setups: Setup[];
  /** Whether the setups were asked for (a missing Postgres or Redis is then an error, not a skip). */
  explicit: boolean;
  /** Length of each measured run, in seconds. */
  seconds: number;
  /** The steady rate at which latency and CPU per message are compared, in messages a second: low enough for every setup. */
  rate: number;
}

/** Every setup, in the order they are printed: the first is what the others are compared with. */
export const ALL_SETUPS: Setup[] = [
  { store: 'sqlite', nodes: 1 },
  { store: 'postgres', nodes: 1 },
  { store: 'postgres', nodes: 2 },
];

export const setupName = (s: Setup) =>
  s.nodes === 1 ? `${s.store === 'sqlite' ? 'SQLite' : 'Postgres'}, 1 node` : 'Postgres + Redis, 2 nodes';

export const BENCH_USAGE =
  'usage: npm run bench -- [--store sqlite|postgres] [--nodes 1|2] [--seconds N] [--rate N] | --bare\n' +
  '  no --store/--nodes: all three setups (SQLite 1 node, Postgres 1 node, Postgres + Redis 2 nodes)\n' +
  '  --bare: Earshot on SQLite against a bare Socket.IO relay, with the relay budgets';

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got "${value}"`);
  return n;
}

/** Reads `npm run bench`'s arguments; throws an Error with a one-line reason for anything it does not take. */
export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      store: { type: 'string' },
      nodes: { type: 'string' },
      seconds: { type: 'string' },
      rate: { type: 'string' },
      bare: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const { store, nodes } = values;
  if (store !== undefined && store !== 'sqlite' && store !== 'postgres')
    throw new Error(`--store must be sqlite or postgres, got "${store}"`);
  if (nodes !== undefined && nodes !== '1' && nodes !== '2') throw new Error(`--nodes must be 1 or 2, got "${nodes}"`);
  // Nodes share their data through Postgres: two nodes on SQLite would each have their own.
  if (store === 'sqlite' && nodes === '2') throw new Error('--nodes 2 needs --store postgres: nodes cannot share the SQLite file');
  const explicit = store !== undefined || nodes !== undefined;
  if (values.bare && (explicit || values.seconds !== undefined || values.rate !== undefined)) {
    throw new Error('--bare is a fixed comparison (Earshot on SQLite, one node): it takes no --store, --nodes, --seconds or --rate');
  }
  const one: Setup = nodes === '2' ? { store: 'postgres', nodes: 2 } : { store: store ?? 'sqlite', nodes: 1 };
  return {
    mode: values.bare ? 'bare' : 'setups',
    setups: explicit ? [one] : ALL_SETUPS,
    explicit,
    seconds: positive('seconds', values.seconds, 5),
    rate: positive('rate', values.rate, 200),
  };
}
