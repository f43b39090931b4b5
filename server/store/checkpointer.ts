import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const require = createRequire(import.meta.url);

// Runs in a worker thread with its own connection: a checkpoint copies the WAL into the
// database file and fsyncs it, which would otherwise stall the event loop mid-traffic.
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const run = (mode) => { try { return db.pragma('wal_checkpoint(' + mode + ')')[0]; } catch { return null; } };
const timer = setInterval(() => {
  const done = run('PASSIVE');
  // Under steady writes a passive checkpoint never catches up, so the WAL would never start
  // over and grow without end (and every lookup in it slow down). Once it is long, RESTART
  // holds writers back for the few frames left and makes the next write begin the WAL anew.
  if (done && done.log > workerData.restartFrames) run('RESTART');
}, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); run('TRUNCATE'); db.close(); parentPort.postMessage('closed'); });
`;

/**
 * Checkpoints the WAL of `file` from a worker thread every `everyMs`, and starts it over once it
 * is longer than `restartFrames` pages; `stop` does a last full one.
 */
export function startCheckpointer(file: string, everyMs = 1000, restartFrames = 8192): { stop(): Promise<void> } {
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { file, everyMs, restartFrames, driver: require.resolve('better-sqlite3') },
  });
  worker.unref();
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        worker.once('message', () => void worker.terminate().then(() => resolve()));
        worker.once('error', () => resolve());
        worker.postMessage('stop');
      }),
  };
}
