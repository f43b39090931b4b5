import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { checkedAddresses } from './addresses';

/** How one POST ended: the status when the receiver answered, else what went wrong. */
export interface SendResult {
  status: number | null;
  /** The receiver's Retry-After, in ms from now. */
  retryAfterMs: number | null;
  error: string | null;
}

export interface SendLimits {
  timeoutMs: number;
  /** Bytes of the answer read; the connection is cut beyond. */
  maxResponseBytes: number;
  allowPrivate: boolean;
}

/** Retry-After as seconds or an HTTP date, in ms from now; null when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * POSTs `body` to `url`. The host is resolved and checked here, at delivery, and the connection
 * goes to the very address checked (the lookup hands it over), so a DNS answer that changed
 * since the URL was saved (rebinding) cannot point it at a private address. The whole exchange
 * has one deadline, and the answer is read up to the limit only.
 */
export async function postWebhook(url: string, headers: Record<string, string>, body: string, limits: SendLimits): Promise<SendResult> {
  let addresses: { address: string; family: number }[];
  try {
    addresses = await checkedAddresses(url, limits.allowPrivate);
  } catch (err) {
    return { status: null, retryAfterMs: null, error: `refused: ${err instanceof Error ? err.message : String(err)}` };
  }
  const first = addresses[0]!;
  const lookup: LookupFunction = (_host, options, cb) => {
    if (options.all) cb(null, addresses);
    else cb(null, first.address, first.family);
  };
  const u = new URL(url);
  const transport = u.protocol === 'https:' ? https : http;
  return new Promise<SendResult>((resolve) => {
    let done = false;
    const finish = (r: SendResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.destroy();
      resolve(r);
    };
    const req = transport.request(
      u,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, lookup, agent: false },
      (res) => {
        const status = res.statusCode ?? null;
        const after = retryAfterMs(res.headers['retry-after']);
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          // The status is known: the rest of a huge answer is not waited for.
          if (read > limits.maxResponseBytes) finish({ status, retryAfterMs: after, error: null });
        });
        res.on('end', () => finish({ status, retryAfterMs: after, error: null }));
        res.on('error', (err) => finish({ status, retryAfterMs: after, error: err.message }));
      },
    );
    const timer = setTimeout(
      () => finish({ status: null, retryAfterMs: null, error: `timed out after ${limits.timeoutMs} ms` }),
      limits.timeoutMs,
    );
    req.on('error', (err) => finish({ status: null, retryAfterMs: null, error: err.message }));
    req.end(body);
  });
}
