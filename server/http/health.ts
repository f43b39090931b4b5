import type { RequestHandler } from 'express';
import type { Bus } from '../bus/types';
import type { Store } from '../store/types';

type Check = 'ok' | 'down';

async function check(ping: () => Promise<void>): Promise<Check> {
  try {
    await ping();
    return 'ok';
  } catch {
    return 'down';
  }
}

/**
 * `GET /healthz`: 200 when the database and the bus between nodes answer, 503 when either
 * does not, saying which (for a load balancer to take the node out, and a person to see why), and
 * which node answered (`node`, its id on the bus): behind a balancer, where a client was sent.
 */
export function healthRoute(
  store: Pick<Store, 'ping'>,
  bus: Pick<Bus, 'ping' | 'kind' | 'nodeId'>,
  draining: () => boolean = () => false,
): RequestHandler {
  return async (_req, res) => {
    if (draining()) {
      return void res.status(503).json({ ok: false, code: 'unavailable', message: 'This node is shutting down.', node: bus.nodeId });
    }
    const [storeState, busState] = await Promise.all([check(() => store.ping()), check(() => bus.ping())]);
    const checks = { store: storeState, bus: bus.kind === 'local' ? ('local' as const) : busState, node: bus.nodeId };
    if (storeState === 'ok' && busState === 'ok') return void res.json({ ok: true, data: { status: 'ok', ...checks } });
    const down = [storeState === 'down' && 'the database', busState === 'down' && 'Redis (the bus between relay nodes)'].filter(Boolean);
    const message = `${down.join(' and ')} ${down.length > 1 ? 'do' : 'does'} not answer.`;
    res.status(503).json({ ok: false, code: 'unavailable', message, ...checks });
  };
}
