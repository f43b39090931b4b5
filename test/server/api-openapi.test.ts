import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { openApiDocument, openApiPath } from '../../server/api/openapi';
import { apiV1 } from '../../server/api/router';
import { DEFAULT_LIMITS } from '../../server/limits';
import type { ApiDeps } from '../../server/api/route';
import { useServer } from '../helpers/server';

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; requestBody?: unknown; parameters?: { name: string }[] }>>;
};

/** Every `METHOD /path` the Express router of /api/v1 serves, in OpenAPI's path syntax. */
function routerRoutes(): string[] {
  // The router only keeps its parts at build time; nothing in them is called here.
  const router = apiV1({} as ApiDeps, DEFAULT_LIMITS) as unknown as {
    stack: { route?: { path: string; methods: Record<string, boolean> } }[];
  };
  return router.stack
    .filter((layer) => layer.route)
    .flatMap((layer) => Object.keys(layer.route!.methods).map((m) => `${m.toUpperCase()} ${openApiPath(layer.route!.path)}`))
    .sort();
}

describe('OpenAPI document', () => {
  const t = useServer({ once: true });

  it('is served at /api/v1/openapi.json without a token, and validates as OpenAPI 3.1', async () => {
    const res = await fetch(`${t.server.url}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Doc & { servers: { url: string }[] };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers[0]!.url).toBe(`${t.server.url}/api/v1`);
    // validate() dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it('documents every route of the router, and no route the router lacks', () => {
    const doc = openApiDocument('http://localhost/api/v1') as Doc;
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(documented).toEqual(routerRoutes());
    expect(documented).toContain('POST /conversations/{id}/messages');
  });

  it('describes requests from the schemas that validate them: the reply body, the list filters, the Idempotency-Key', () => {
    const doc = openApiDocument('http://localhost/api/v1') as Doc;
    const reply = doc.paths['/conversations/{id}/messages']!.post!;
    expect(reply.requestBody).toMatchObject({
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: { text: { type: 'string', minLength: 1 } },
            required: ['text'],
            additionalProperties: false,
          },
        },
      },
    });
    expect(reply.parameters!.map((p) => p.name)).toEqual(['id', 'Idempotency-Key']);
    const list = doc.paths['/conversations']!.get!;
    expect(list.parameters!.map((p) => p.name)).toEqual([
      'cursor',
      'limit',
      'site',
      'status',
      'channel',
      'updated_since',
      'assignee',
      'tag',
    ]);
    // Tags: on each tagged resource, and replaced with PUT on each.
    for (const path of ['/conversations/{id}/tags', '/callbacks/{id}/tags', '/feedback/{id}/tags'])
      expect(doc.paths[path]?.put).toBeDefined();
  });

  it('is readable at /api/docs, every operation on the page, with no script', async () => {
    const res = await fetch(`${t.server.url}/api/docs`);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    for (const route of routerRoutes()) expect(html).toContain(`<code>${route}</code>`);
    expect(html).not.toContain('<script');
  });
});
