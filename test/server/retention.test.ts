import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRetention } from '../../server/domain/retention';
import { ensureDemoSite } from '../../server/domain/sites';
import { createVisitor } from '../../server/domain/visitors';
import { createLogger } from '../../server/log';
import { openSqliteStore } from '../../server/store/sqlite';
import type { Store } from '../../server/store/types';
import { tempDataDir } from '../helpers/server';

let data: ReturnType<typeof tempDataDir>;
let store: Store;
beforeEach(async () => {
  data = tempDataDir();
  store = openSqliteStore(data.dir);
  await ensureDemoSite(store);
});
afterEach(async () => {
  await store.close();
  data.remove();
});

describe('retention sweep', () => {
  it('forgets idle visitors, but never one whose tab is still connected, however long ago it came', async () => {
    const long = '2020-01-01T00:00:00.000Z';
    const gone = (await createVisitor(store, 'demo', null)).visitor;
    const here = (await createVisitor(store, 'demo', null)).visitor;
    await store.updateVisitor(gone.id, { lastSeenAt: long });
    await store.updateVisitor(here.id, { lastSeenAt: long });
    const stop = startRetention(store, createLogger('silent'), { connected: () => [here.id] });
    try {
      await expect.poll(() => store.getVisitor(gone.id)).toBeNull();
      const kept = await store.getVisitor(here.id);
      expect(kept).not.toBeNull();
      expect(Date.parse(kept!.lastSeenAt)).toBeGreaterThan(Date.now() - 60_000);
    } finally {
      stop();
    }
  });
});
