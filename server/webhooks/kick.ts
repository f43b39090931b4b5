import type { Store } from '../store/types';

// The domain queues webhooks through the store alone; the worker of that store on this node is
// woken here at once, so an event goes out now rather than at the next poll. (Other nodes'
// workers poll; a kick only saves time, the queue in the database is what counts.)
const kicks = new WeakMap<Store, Set<() => void>>();

/** Calls `kick` whenever a webhook is queued on `store` in this process; returns the way to stop. */
export function onWebhookQueued(store: Store, kick: () => void): () => void {
  const set = kicks.get(store) ?? new Set();
  kicks.set(store, set);
  set.add(kick);
  return () => set.delete(kick);
}

/** Wakes the workers of `store` after deliveries were queued. */
export function webhookQueued(store: Store): void {
  kicks.get(store)?.forEach((kick) => kick());
}
