import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Which part of the relay may import which (README, "How it fits together"): the edges (http/, socket/, api/)
// import domain/, never each other; domain/, store/ and what they use never import an edge.

const ROOT = resolve(import.meta.dirname, '../..');
const EDGES = ['api', 'http', 'socket'];

/** Per folder of server/: the folders of server/ (or packages) it must not import. */
const FORBIDDEN: Record<string, string[]> = {
  api: ['http', 'socket'],
  http: ['api', 'socket'],
  socket: ['api', 'http'],
  domain: [...EDGES, 'express', 'socket.io'],
  resources: [...EDGES, 'domain'],
  store: [...EDGES, 'domain'],
  bus: [...EDGES, 'domain'],
  email: EDGES,
  webhooks: EDGES,
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every module a file imports (static, type-only, re-exports and dynamic `import()`), as written. */
export function importsOf(source: string): string[] {
  const found = source.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)'([^']+)'/gm);
  return [...found].map((m) => m[1]!);
}

/** What an import names: the folder of server/ it lands in (`domain`), or the package (`express`). */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.')) return spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
  const path = relative(join(ROOT, 'server'), resolve(dirname(file), spec));
  return path.startsWith('..') ? `../${path.split('/')[1]}` : path.split('/')[0]!;
}

/** `server/api/router.ts imports server/socket/types` for each import that breaks the rules. */
function violations(): string[] {
  const out: string[] = [];
  for (const file of filesUnder(join(ROOT, 'server'))) {
    const folder = relative(join(ROOT, 'server'), file).split('/')[0]!;
    const forbidden = FORBIDDEN[folder];
    if (!forbidden) continue;
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (forbidden.includes(target(file, spec))) out.push(`${relative(ROOT, file)} imports ${spec}`);
    }
  }
  return out;
}

describe('layering of the relay', () => {
  it('finds the imports of a file, type-only, re-exported and dynamic ones too', () => {
    const source = [
      "import type { A } from '../socket/types';",
      "export { b } from '../http/errors';",
      "import '../api/side-effect';",
      "const c = await import('../domain/chat');",
    ].join('\n');
    expect(importsOf(source)).toEqual(['../socket/types', '../http/errors', '../api/side-effect', '../domain/chat']);
    expect(target(join(ROOT, 'server/domain/x.ts'), '../socket/types')).toBe('socket');
    expect(target(join(ROOT, 'server/domain/webhooks/x.ts'), '../../api/resources')).toBe('api');
    expect(target(join(ROOT, 'server/domain/x.ts'), 'socket.io')).toBe('socket.io');
  });

  it('scans the relay: the edges do import the domain', () => {
    const router = readFileSync(join(ROOT, 'server/api/router.ts'), 'utf8');
    expect(importsOf(router).map((s) => target(join(ROOT, 'server/api/router.ts'), s))).toContain('domain');
  });

  it('has no import from domain, store and their helpers into an edge, nor between the edges', () => {
    expect(violations()).toEqual([]);
  });
});
