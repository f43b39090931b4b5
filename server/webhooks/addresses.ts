import dns from 'node:dns';
import net from 'node:net';
import { AppError } from '../errors';

// Server-side request forgery: a webhook URL is the one place where an admin makes this server
// connect somewhere, so it may not reach the server's own network unless WEBHOOKS_ALLOW_PRIVATE=1.

const blocked = new net.BlockList();
for (const [net4, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  blocked.addSubnet(net4, bits, 'ipv4');
}
for (const [net6, bits] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(net6, bits, 'ipv6');
}

/** The IPv4 address inside an IPv4-mapped IPv6 one (::ffff:7f00:1 or ::ffff:127.0.0.1), else null. */
function mappedIPv4(address: string): string | null {
  const m = /^::ffff:(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(address);
  if (!m) return null;
  if (m[1]) return m[1];
  const hi = parseInt(m[2]!, 16);
  const lo = parseInt(m[3]!, 16);
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/** Whether an address is loopback, link-local, private, unique-local, multicast or unspecified. */
export function forbiddenAddress(address: string): boolean {
  const v4 = net.isIPv4(address) ? address : mappedIPv4(address);
  if (v4) return blocked.check(v4, 'ipv4');
  return net.isIPv6(address) ? blocked.check(address, 'ipv6') : true;
}

/** An URL's host as an address or name (without the brackets of an IPv6 literal). */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/** Every address a host resolves to (an address literal is its own). */
export async function resolveHost(host: string): Promise<{ address: string; family: number }[]> {
  const family = net.isIP(host);
  if (family) return [{ address: host, family }];
  return dns.promises.lookup(host, { all: true, verbatim: true });
}

/**
 * The addresses to connect to for `url`, after checking them: refused with `invalid_payload` on
 * `field` when the URL is not http(s), does not resolve, or any address is forbidden (one bad
 * address among good ones could be picked by the connection).
 */
export async function checkedAddresses(url: string, allowPrivate: boolean, field = 'url'): Promise<{ address: string; family: number }[]> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new AppError('invalid_payload', `${field} must be an absolute http(s) URL`, field);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new AppError('invalid_payload', `${field} must be an http or https URL`, field);
  if (u.username || u.password) throw new AppError('invalid_payload', `${field} must not carry a user name or password`, field);
  let found: { address: string; family: number }[];
  try {
    found = await resolveHost(hostOf(u));
  } catch {
    throw new AppError('invalid_payload', `${field} host ${u.hostname} does not resolve`, field);
  }
  if (!found.length) throw new AppError('invalid_payload', `${field} host ${u.hostname} does not resolve`, field);
  const bad = found.find((a) => forbiddenAddress(a.address));
  if (bad && !allowPrivate) {
    throw new AppError(
      'invalid_payload',
      `${field} resolves to ${bad.address}, a loopback, link-local or private address (set WEBHOOKS_ALLOW_PRIVATE=1 to allow)`,
      field,
    );
  }
  return found;
}
