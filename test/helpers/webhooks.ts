import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { api } from './team';

/** One request a receiver got: its headers, body and which of the given secrets verify it. */
export interface Received {
  id: string;
  signature: string;
  body: string;
  /** The parsed `{ type, timestamp, data }`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads whatever the event carries
  event: any;
  /** The secrets (of `receiver.secrets`) that verify it with the standardwebhooks package. */
  verifiedBy: string[];
  /** What the receiver answered. */
  answered: number | 'hang' | 'huge';
}

export interface Receiver {
  url: string;
  /** Secrets to check every request against. */
  secrets: string[];
  received: Received[];
  /** Huge answers the sender hung up on before their end. */
  cutOff: number;
  /** How to answer the n-th request (from 0): a status, hang (never answer) or huge (200 with 10 MB). */
  answer: (r: Omit<Received, 'answered'>, n: number) => number | 'hang' | 'huge';
  /** Resolves with the first request (received already or to come) that matches. */
  next(match: (r: Received) => boolean): Promise<Received>;
  close(): Promise<void>;
}

/** Whether `secret` verifies the request, by the standardwebhooks npm package (it checks the timestamp too). */
export function verifies(secret: string, body: string, headers: Record<string, string>): boolean {
  try {
    new Webhook(secret).verify(body, headers);
    return true;
  } catch {
    return false;
  }
}

/** A real HTTP receiver on 127.0.0.1 that verifies every request with the standardwebhooks package. */
export async function startReceiver(): Promise<Receiver> {
  const waiters: { match: (r: Received) => boolean; resolve: (r: Received) => void }[] = [];
  const hanging: http.ServerResponse[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = {
        'webhook-id': String(req.headers['webhook-id']),
        'webhook-timestamp': String(req.headers['webhook-timestamp']),
        'webhook-signature': String(req.headers['webhook-signature']),
      };
      const seen = {
        id: headers['webhook-id'],
        signature: headers['webhook-signature'],
        body,
        event: JSON.parse(body) as unknown,
        verifiedBy: receiver.secrets.filter((s) => verifies(s, body, headers)),
      };
      const answered = receiver.answer(seen, receiver.received.length);
      const r: Received = { ...seen, answered };
      receiver.received.push(r);
      for (const w of waiters.filter((x) => x.match(r))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(r);
      }
      if (answered === 'hang') {
        hanging.push(res);
      } else if (answered === 'huge') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        const mb = Buffer.alloc(1024 * 1024, 'x');
        let left = 10;
        const more = () => {
          while (left > 0 && !res.destroyed) {
            left -= 1;
            if (!res.write(mb)) return void res.once('drain', more);
          }
          res.end();
        };
        res.on('error', () => undefined);
        res.on('close', () => {
          if (!res.writableFinished) receiver.cutOff += 1;
        });
        more();
      } else {
        res.writeHead(answered).end('ok');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const receiver: Receiver = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    secrets: [],
    received: [],
    cutOff: 0,
    answer: () => 200,
    next(match) {
      const known = receiver.received.find(match);
      if (known) return Promise.resolve(known);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    async close() {
      hanging.forEach((r) => r.destroy());
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  return receiver;
}

/** An admin adds an endpoint; the answer's data (`endpoint`, `secret`). */
export async function addEndpoint(url: string, cookie: string, body: Record<string, unknown>) {
  const r = await api(url, '/api/webhooks', { cookie, body });
  if (r.status !== 200) throw new Error(`endpoint failed: ${JSON.stringify(r.body)}`);
  return r.body.data as { endpoint: { id: string; url: string; events: string[] }; secret: string };
}
