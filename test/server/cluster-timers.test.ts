import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../server/store/types';
import { startCluster, type TestCluster } from '../helpers/cluster';

// Timers that must run once per cluster (the retention sweep, the outbox's polling, the assignment sweep) run on the
// node holding the lease, and move to another node when it stops.
type Counts = { purgeOld: number; claimOutbox: number; noteOfflineAssignees: number };
const counts: Counts[] = [];

/** The store as node `index` uses it, counting the calls the timers make. */
function counting(store: Store, index: number): Store {
  const mine: Counts = (counts[index] = { purgeOld: 0, claimOutbox: 0, noteOfflineAssignees: 0 });
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (prop === 'purgeOld' || prop === 'claimOutbox' || prop === 'noteOfflineAssignees') mine[prop]++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startCluster({
    storeOf: counting,
    // The outbox worker runs only with SMTP configured; nothing is queued, so nothing is sent.
    env: { SMTP_URL: 'smtp://127.0.0.1:9' },
    opts: { retentionMs: 50, assignmentSweepMs: 50 },
  });
});
afterAll(() => cluster?.close());

const total = (key: keyof Counts) => counts.reduce((n, c) => n + c[key], 0);

describe('timers with two nodes', () => {
  it('run on one node only: the retention sweep, the outbox poll and the assignment sweep', async () => {
    await expect.poll(() => total('purgeOld'), { timeout: 10_000 }).toBeGreaterThanOrEqual(6);
    await expect.poll(() => total('claimOutbox'), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await expect.poll(() => total('noteOfflineAssignees'), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    const [first, second] = counts as [Counts, Counts];
    // The first node started first and took the lease.
    expect(second).toEqual({ purgeOld: 0, claimOutbox: 0, noteOfflineAssignees: 0 });
    expect(first.purgeOld).toBe(total('purgeOld'));
  });

  it('move to the other node when the leader stops', async () => {
    const before = counts[1]!.purgeOld;
    await cluster.nodes[0]!.close();
    await expect.poll(() => counts[1]!.purgeOld, { timeout: 10_000 }).toBeGreaterThan(before + 2);
    await expect.poll(() => counts[1]!.claimOutbox, { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => counts[1]!.noteOfflineAssignees, { timeout: 10_000 }).toBeGreaterThan(0);
  });
});
