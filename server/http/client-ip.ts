import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/** Whose `X-Forwarded-For` is believed unless `TRUST_PROXY` says otherwise: a proxy on this machine. */
export const DEFAULT_TRUST_PROXY = ['loopback'];

/** Whether `TRUST_PROXY`'s entries are ones proxy-addr (and so Express) understands. */
export function validTrustProxy(entries: string[]): boolean {
  try {
    proxyaddr.compile(entries);
    return true;
  } catch {
    return false;
  }
}

/**
 * The client's address, behind a trusted reverse proxy too: what Express calls `req.ip`, for
 * Socket.IO's handshakes as well. Per-IP limits keyed on the proxy's address would put every
 * visitor of the site in one bucket.
 */
export function clientIpReader(trust: string[]): (req: IncomingMessage) => string {
  const trusted = proxyaddr.compile(trust);
  return (req) => proxyaddr(req, trusted);
}
