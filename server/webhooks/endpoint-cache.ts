import type { Bus } from '../bus/types';
import type { Store, WebhookEndpointRow } from '../store/types';

// The endpoints that are on, as this node last read them, so a change need not read them to know
// whether any endpoint wants its events. A change to an endpoint is announced over the bus and
// forgotten on every node at once (the TTL only bounds a missed announcement). Which endpoints get
// an event is decided again in the change's transaction, from the table: the cache only lets a
// change skip making events nobody wants. Kept per store object, as the worker's kicks are: the
// domain is handed the store, and each node has its own.

const TTL_MS = 60_000;

interface EndpointCache {
  at: number;
  /** Set when a read starts, so a change heard while it runs drops it too. */
  endpoints: Promise<WebhookEndpointRow[]> | null;
  buses: Set<Pick<Bus, 'publish'>>;
}

const caches = new WeakMap<Store, EndpointCache>();

function cacheOf(store: Store): EndpointCache {
  let c = caches.get(store);
  if (!c) {
    c = { at: 0, endpoints: null, buses: new Set() };
    caches.set(store, c);
  }
  return c;
}

function forget(c: EndpointCache): void {
  c.endpoints = null;
}

/** The endpoints that are on (not disabled), read at most once per TTL or change. */
export function liveEndpoints(store: Store): Promise<WebhookEndpointRow[]> {
  const c = cacheOf(store);
  if (c.endpoints && Date.now() - c.at < TTL_MS) return c.endpoints;
  const read = store.listWebhookEndpoints().then((all) => all.filter((e) => !e.disabledAt));
  c.at = Date.now();
  c.endpoints = read;
  // A failed read is not kept.
  read.catch(() => c.endpoints === read && forget(c));
  return read;
}

/** After an endpoint was added, changed or removed: this node forgets the list at once, every other one when the bus tells it. */
export function webhookEndpointsChanged(store: Store): void {
  const c = cacheOf(store);
  forget(c);
  c.buses.forEach((bus) => bus.publish({ type: 'webhooks:changed' }));
}

/**
 * Hears other nodes' endpoint changes on `bus` (and forgets the list when the bus was away), and
 * tells them this node's; once per node at start. Returns the way to stop telling.
 */
export function shareEndpointCache(store: Store, bus: Pick<Bus, 'publish' | 'subscribe'>): () => void {
  const c = cacheOf(store);
  c.buses.add(bus);
  bus.subscribe((event) => {
    if (event.type === 'webhooks:changed' || event.type === 'bus:resumed') forget(c);
  });
  return () => c.buses.delete(bus);
}
