import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** A relay running in a child process, started and measured over IPC. */
export class RelayProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  /**
   * Starts `earshot` or `bare` (on CPU `cpu` when given) and waits until it listens; with
   * `profileDir`, V8's CPU profiler runs and writes its profiles there when the relay stops.
   * `env` says where Earshot stores and which Redis it joins (see server-child.ts); without it, SQLite alone.
   */
  static async start(
    impl: 'earshot' | 'bare',
    cpu: number | null = null,
    o: { profileDir?: string; env?: Record<string, string> } = {},
  ): Promise<RelayProcess> {
    const { profileDir } = o;
    // Only what the caller names: a DATABASE_URL in the bench's own environment must not turn the SQLite setup into Postgres.
    const { DATABASE_URL: _db, REDIS_URL: _redis, BENCH_REDIS_URL: _bus, BENCH_REDIS_PREFIX: _prefix, ...inherited } = process.env;
    const node = ['--import', 'tsx', '--expose-gc', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])];
    const child = fork(path.join(import.meta.dirname, 'server-child.ts'), [impl], {
      // On its own core when there is one to give (see `pinCores`), through taskset.
      ...(cpu === null ? { execArgv: node } : { execPath: 'taskset', execArgv: ['-c', String(cpu), process.execPath, ...node] }),
      env: { ...inherited, ...o.env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const { port } = await RelayProcess.reply<{ port: number }>(child, 'port');
    return new RelayProcess(child, `http://127.0.0.1:${port}`);
  }

  private static reply<T>(child: ChildProcess, key: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const onMessage = (m: Record<string, unknown>) => {
        if (!(key in m)) return;
        child.off('message', onMessage).off('exit', onExit);
        resolve(m as T);
      };
      const onExit = (code: number | null) => reject(new Error(`relay exited with ${code}`));
      child.on('message', onMessage).once('exit', onExit);
    });
  }

  /** Resident memory of the relay after a full garbage collection. */
  async rss(): Promise<number> {
    this.child.send({ cmd: 'rss' });
    return (await RelayProcess.reply<{ rss: number }>(this.child, 'rss')).rss;
  }

  /** CPU time the relay process has used so far, in microseconds (all its threads). */
  async cpu(): Promise<number> {
    this.child.send({ cmd: 'cpu' });
    return (await RelayProcess.reply<{ cpu: number }>(this.child, 'cpu')).cpu;
  }

  /** Messages stored in the relay's database (null for the bare relay, which stores nothing). */
  async storedCount(): Promise<number | null> {
    this.child.send({ cmd: 'count' });
    return (await RelayProcess.reply<{ count: number | null }>(this.child, 'count')).count;
  }

  stop(): void {
    this.child.kill();
  }

  /** Stops the relay and waits until it has exited (and written what it writes on exit). */
  async stopAndWait(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill();
    await exited;
  }
}
