/**
 * engine.io-client's `parse` (contrib/parseuri.js, a 14-part regex with IPv6 rewriting) on the
 * browser's URL parser, put in its place by the widget build (vite.config.ts): ~0.5 KB gzip
 * less in every first chat. It fills what socket.io-client and engine.io-client read: source,
 * protocol (no colon), host (IPv6 without brackets), port ('' for the default), path ('/' where
 * the regex gave '', which socket.io-client reads as '/'), query and queryKey (its pairs decoded,
 * where the regex left them encoded).
 */
export interface ParsedUri {
  source: string;
  protocol: string;
  host: string;
  port: string;
  path: string;
  query: string;
  queryKey: Record<string, string>;
}

/** Parses an absolute URL, or a bare `host[:port]` as engine.io-client's `opts.host` may be. */
export function parse(str: string): ParsedUri {
  const u = new URL(/^[a-z]+:\/\//i.test(str) ? str : `http://${str}`);
  return {
    source: str,
    protocol: u.protocol.slice(0, -1),
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port,
    path: u.pathname,
    query: u.search.slice(1),
    queryKey: Object.fromEntries(u.searchParams),
  };
}
