import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import type { Store } from '../../server/store/types';
import type { Page } from 'playwright-core';

/** A site owner's pages on an origin of their own, as a shop on another host would serve them. */
export interface HostSite {
  /** `http://127.0.0.1:<port>`: never the Earshot server's origin. */
  readonly origin: string;
  /** Serves `html` at `path` (with extra response headers, such as a CSP) and returns its URL. */
  page(path: string, html: string, headers?: Record<string, string>): string;
  close(): Promise<void>;
}

/** Starts a tiny static HTTP server on 127.0.0.1, port 0. */
export async function startHostSite(): Promise<HostSite> {
  const pages = new Map<string, { html: string; headers: Record<string, string> }>();
  const server = http.createServer((req, res) => {
    const page = pages.get(new URL(req.url ?? '/', 'http://host').pathname);
    if (!page) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...page.headers }).end(page.html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    page(path, html, headers = {}) {
      pages.set(path, { html, headers });
      return origin + path;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A page of the linen shop with `head` and `body` put in (no favicon link: a strict policy has nothing to refuse). */
export function shopPage(head: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Linen shop</title>${head}</head><body><h1>Linen towels</h1>${body}</body></html>`;
}

/** The errors and warnings a page's console shows from now on (a strict policy's violations too), as a developer would see them. */
export function consoleOf(p: Page): string[] {
  const lines: string[] = [];
  p.on('console', (m) => void (['error', 'warning'].includes(m.type()) && lines.push(m.text())));
  p.on('pageerror', (err) => lines.push(`pageerror: ${err.message}`));
  return lines;
}

const README = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const EXAMPLE = 'https://chat.example.com';

/** The README's embed snippet, verbatim but for its host, which becomes `relay`. */
export function readmeSnippet(relay: string): string {
  const snippet = README.match(/<script src="https:\/\/chat\.example\.com\/earshot\.js"[^\n]*<\/script>/)?.[0];
  if (!snippet) throw new Error('README.md has no embed snippet');
  return snippet.replace(EXAMPLE, relay);
}

/** The README's queue stub line, verbatim. */
export function readmeStub(): string {
  const stub = README.match(/<script>window\.Earshot=[^\n]*<\/script>/)?.[0];
  if (!stub) throw new Error('README.md has no queue stub');
  return stub;
}

/** The README's Content-Security-Policy example with its host replaced by `relay` (http → ws for sockets). */
export function readmeCsp(relay: string): string {
  const csp = README.match(/^Content-Security-Policy: (.*)$/m)?.[1];
  if (!csp) throw new Error('README.md has no Content-Security-Policy example');
  const ws = relay.replace(/^http/, 'ws');
  return csp.replaceAll('wss://chat.example.com', ws).replaceAll(EXAMPLE, relay);
}

/** The Earshot server's URL by the name `localhost`, so it is another origin than 127.0.0.1 pages. */
export function byLocalhost(url: string): string {
  return `http://localhost:${new URL(url).port}`;
}

/** The CSP source the README gives for the queue stub (`'sha256-…'`). */
export function readmeStubHash(): string {
  const hash = /'sha256-[A-Za-z0-9+/=]+'/.exec(README)?.[0];
  if (!hash) throw new Error('README.md gives no hash for the queue stub');
  return hash;
}

/**
 * A shop on an origin of its own (127.0.0.1:<port>) that the demo site allows, for the tests of
 * `e2e`, and the Earshot server by another name (localhost:<port>): started before them, closed after.
 */
export function useShopOrigin(e2e: { readonly server: { url: string; store: Store } }): {
  readonly shop: HostSite;
  readonly relay: string;
} {
  const ours = {} as { shop: HostSite; relay: string };
  beforeAll(async () => {
    ours.shop = await startHostSite();
    ours.relay = byLocalhost(e2e.server.url);
    const site = (await e2e.server.store.getSite('demo'))!;
    await e2e.server.store.upsertSite({ ...site, allowedOrigins: [ours.shop.origin] });
  });
  afterAll(() => ours.shop?.close());
  return ours;
}
