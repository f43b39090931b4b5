import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { startNginx } from './nginx';

// `npm run cluster`: two relay nodes on this machine's Postgres and Redis behind nginx, for a
// local try of what README's "Scaling out" describes. Ctrl-C stops all three.
const ROOT = path.resolve(import.meta.dirname, '..');
const env = {
  DATABASE_URL: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/earshot',
  REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
};
const LISTEN = Number(process.env.PORT || 8080);
const NODES = [3001, 3002];
const publicUrl = `http://127.0.0.1:${LISTEN}`;

const children: ChildProcess[] = [];
let stopping = false;

/** One node as `npm start` runs it, its output prefixed with its name. */
function startNode(port: number, name: string): ChildProcess {
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['server/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: publicUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter(Boolean)
      .map((l) => `[${name}] ${l}\n`)
      .join('');
  child.stdout.on('data', (c: Buffer) => process.stdout.write(prefix(c)));
  child.stderr.on('data', (c: Buffer) => process.stderr.write(prefix(c)));
  child.once('exit', (code) => {
    if (!stopping) console.error(`[${name}] exited (${code}); the other node and nginx keep running. Ctrl-C stops them.`);
  });
  children.push(child);
  return child;
}

async function healthy(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the node on port ${port} did not start (see its lines above)`);
    const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null);
    if (res?.status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the node on port ${port} did not answer /healthz within a minute`);
}

async function main(): Promise<void> {
  console.log(`Starting two nodes (ports ${NODES.join(', ')}) on ${env.DATABASE_URL.replace(/:[^:@/]*@/, ':***@')} and ${env.REDIS_URL}`);
  // Both at the same instant, as after a deploy: they agree on one schema and one first admin.
  const nodes = NODES.map((port, i) => startNode(port, `node${i + 1}`));
  await Promise.all(NODES.map((port, i) => healthy(port, nodes[i]!)));
  const nginx = await startNginx({ listen: LISTEN, upstreams: NODES });
  console.log(`\nnginx (deploy/nginx.conf) on ${publicUrl}: demo site ${publicUrl}/, console ${publicUrl}/console`);
  console.log('Try: kill one node (its pid is in `ps`); visitors and agents carry on with the other.\n');
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    children.forEach((c) => c.kill('SIGTERM'));
    await nginx.stop();
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : Promise.resolve())));
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(`npm run cluster: ${err instanceof Error ? err.message : String(err)}`);
  stopping = true;
  children.forEach((c) => c.kill('SIGTERM'));
  process.exit(1);
});
