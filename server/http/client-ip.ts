import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/** Whose `X-Forwarded-For` is believed: a reverse proxy on this machine (Express's `trust proxy`). */
export const TRUST_PROXY = 'loopback';
const trusted = proxyaddr.compile(TRUST_PROXY);

/**
 * The client's address, behind a trusted reverse proxy too: what Express calls `req.ip`, for
 * Socket.IO's handshakes as well. Per-IP limits keyed on the proxy's address would put every
 * visitor of the site in one bucket.
 */
export function clientIp(req: IncomingMessage): string {
  return proxyaddr(req, trusted);
}
