import { execFileSync } from 'node:child_process';
import os from 'node:os';

/**
 * Gives the load generator (this process, all its threads) CPU 0 and the relay under test
 * CPU 1, so both relays are measured on a core of their own rather than against the load
 * generator for the same cores. Returns the relay's CPU, or null where there is no second
 * core, no `taskset` (util-linux), or BENCH_NO_PIN is set.
 */
export function pinCores(): number | null {
  if (process.env.BENCH_NO_PIN || os.cpus().length < 2) return null;
  try {
    execFileSync('taskset', ['-a', '-cp', '0', String(process.pid)], { stdio: 'ignore' });
    return 1;
  } catch {
    return null;
  }
}
