import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** A relay running in a child process, started and measured over IPC. */
export class RelayProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  /** Starts `earshot` or `bare` and waits until it listens. */
  static async start(impl: 'earshot' | 'bare'): Promise<RelayProcess> {
    const child = fork(path.join(import.meta.dirname, 'server-child.ts'), [impl], {
      execArgv: ['--import', 'tsx', '--expose-gc', ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_CPU_PROF] : [])],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const { port } = await RelayProcess.reply<{ port: number }>(child, 'port');
    return new RelayProcess(child, `http://127.0.0.1:${port}`);
  }

  private static reply<T>(child: ChildProcess, key: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const onMessage = (m: Record<string, unknown>) => {
        if (!(key in m)) return;
        child.off('message', onMessage);
        resolve(m as T);
      };
      child.on('message', onMessage);
      child.once('exit', (code) => reject(new Error(`relay exited with ${code}`)));
    });
  }

  /** Resident memory of the relay after a full garbage collection. */
  async rss(): Promise<number> {
    this.child.send({ cmd: 'rss' });
    return (await RelayProcess.reply<{ rss: number }>(this.child, 'rss')).rss;
  }

  /** Messages stored in the relay's database (null for the bare relay, which stores nothing). */
  async storedCount(): Promise<number | null> {
    this.child.send({ cmd: 'count' });
    return (await RelayProcess.reply<{ count: number | null }>(this.child, 'count')).count;
  }

  stop(): void {
    this.child.kill();
  }
}
