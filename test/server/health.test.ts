import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { healthRoute } from '../../server/http/health';

/** Runs the route and returns what it answered. */
async function ask(store: boolean, bus: boolean | 'local', draining = false) {
  let status = 200;
  let body: unknown;
  const res = { status: (s: number) => ((status = s), res), json: (b: unknown) => void (body = b) } as unknown as Response;
  const ping = (up: boolean) => async () => {
    if (!up) throw new Error('down');
  };
  const theBus = { kind: bus === 'local' ? ('local' as const) : ('redis' as const), nodeId: 'n1', ping: ping(bus !== false) };
  const route = healthRoute({ ping: ping(store) }, theBus, () => draining);
  await route({} as Request, res, () => undefined);
  return { status, body };
}

describe('/healthz', () => {
  it('answers 200 when the store and the bus answer, saying the bus is local for one node, and which node answered', async () => {
    expect(await ask(true, true)).toEqual({ status: 200, body: { ok: true, data: { status: 'ok', store: 'ok', bus: 'ok', node: 'n1' } } });
    expect(await ask(true, 'local')).toMatchObject({ status: 200, body: { data: { bus: 'local' } } });
  });

  it('answers 503 saying which is down: the database, Redis, or both', async () => {
    expect(await ask(false, true)).toMatchObject({
      status: 503,
      body: { ok: false, code: 'unavailable', store: 'down', bus: 'ok', node: 'n1', message: 'the database does not answer.' },
    });
    expect(await ask(true, false)).toMatchObject({ status: 503, body: { store: 'ok', bus: 'down' } });
    expect(await ask(false, false)).toMatchObject({
      status: 503,
      body: { message: 'the database and Redis (the bus between relay nodes) do not answer.' },
    });
  });

  it('answers 503 while the node shuts down, so a balancer stops sending to it', async () => {
    expect(await ask(true, true, true)).toMatchObject({ status: 503, body: { code: 'unavailable' } });
  });
});
