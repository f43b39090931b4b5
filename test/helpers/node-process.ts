import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ADMIN } from './server';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A relay node in a process of its own, as `npm start` runs it (a test can SIGKILL it). */
export interface NodeProcess {
  url: string;
  child: ChildProcess;
  /** What it wrote to stdout and stderr so far (for a failing test's message). */
  output(): string;
  /** Resolves once the process has exited, however it ended. */
  exited: Promise<void>;
  /** SIGTERM, and waits for the exit (nothing when it is gone already). */
  stop(): Promise<void>;
}

/**
 * Starts `server/index.ts` on 127.0.0.1:`port` with the first admin of test/helpers/server and
 * `env` (DATABASE_URL, REDIS_URL, REDIS_PREFIX…); resolves once its /healthz answers 200.
 */
export async function startNodeProcess(port: number, env: Record<string, string>): Promise<NodeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      EARSHOT_ADMIN_EMAIL: ADMIN.email,
      EARSHOT_ADMIN_PASSWORD: ADMIN.password,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr.on('data', (b: Buffer) => (output += b.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const node: NodeProcess = {
    url,
    child,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  // Polling is the only way to learn that another process listens; the exit ends it early.
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the node on port ${port} exited at start:\n${output}`);
    const res = await fetch(`${url}/healthz`).catch(() => null);
    if (res?.status === 200) return node;
    if (i === 600) {
      await node.stop();
      throw new Error(`the node on port ${port} did not answer /healthz within a minute:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The bus id of the node that answers `url`'s /healthz (through nginx: the node it sends this client to). */
export async function nodeIdAt(url: string): Promise<string> {
  const body = (await (await fetch(`${url}/healthz`)).json()) as { data?: { node?: string } };
  if (!body.data?.node) throw new Error(`no node id in ${url}/healthz`);
  return body.data.node;
}
