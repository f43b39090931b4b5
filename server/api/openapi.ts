import { toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { problem } from './schemas';
import type { ApiRoute } from './route';
import { API_ROUTES } from './routes';

type Json = Record<string, unknown>;

/**
 * JSON Schema (2020-12, the dialect of OpenAPI 3.1) of a valibot schema. Requests are described
 * by their input type: conversion stops before a transformation, which JSON Schema cannot say.
 */
function jsonSchema(schema: v.GenericSchema, mode: 'input' | 'output'): Json {
  const { $schema: _dialect, ...rest } = toJsonSchema(schema, { target: 'draft-2020-12', typeMode: mode }) as Json;
  return rest;
}

/** `/conversations/:id` as OpenAPI writes it: `/conversations/{id}`. */
export const openApiPath = (expressPath: string) => expressPath.replace(/:([A-Za-z_]+)/g, '{$1}');

/** The query or path parameters of a strict object schema, one OpenAPI parameter each. */
function parameters(schema: v.GenericSchema | undefined, where: 'query' | 'path'): Json[] {
  if (!schema) return [];
  const s = jsonSchema(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, p]) => ({
    name,
    in: where,
    required: where === 'path' || (s.required ?? []).includes(name),
    schema: p,
  }));
}

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});
const idempotencyHeader = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'Repeating a write with the same key (per token) answers with the first answer and changes nothing.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};

function operation(r: ApiRoute): Json {
  const write = r.method !== 'get';
  return {
    operationId: r.operationId,
    summary: r.summary,
    tags: [r.tag],
    'x-earshot-scope': r.scope,
    parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query'), ...(write ? [idempotencyHeader] : [])],
    ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body, 'input') } } } } : {}),
    responses: {
      [String(r.status)]: r.response
        ? {
            description: 'Success',
            content: {
              'application/json': { schema: jsonSchema(r.response, 'output') },
              ...(r.html ? { 'text/html': { schema: { type: 'string' } } } : {}),
            },
          }
        : { description: 'Done; no content' },
      400: problemResponse('A parameter or the body is wrong; `field` names it'),
      401: problemResponse('No token, or a malformed, unknown or revoked one'),
      403: problemResponse('The token lacks the scope'),
      ...(r.params ? { 404: problemResponse('No such resource') } : {}),
      ...(['exportContact', 'eraseContact'].includes(r.operationId) ? { 410: problemResponse('The contact was erased') } : {}),
      ...(write
        ? {
            409: problemResponse('The Idempotency-Key was used for a different request, or its first request still runs (see Retry-After)'),
          }
        : {}),
      429: problemResponse('Rate limited; see Retry-After'),
    },
  };
}

/** The OpenAPI 3.1 document of /api/v1, generated from the routes and the schemas that validate them. */
export function openApiDocument(serverUrl: string, routes: ApiRoute[] = API_ROUTES): Json {
  const paths: Record<string, Json> = {
    '/openapi.json': {
      get: {
        operationId: 'getOpenApi',
        summary: 'This document',
        tags: ['Meta'],
        security: [],
        responses: { 200: { description: 'The OpenAPI document', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
  };
  for (const r of routes) (paths[openApiPath(r.path)] ??= {})[r.method] = operation(r);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Earshot REST API',
      version: '1',
      description:
        'Tokens are made by admins in the console (Settings → API). Lists page with ?cursor=&limit= and answer next_cursor; times are ISO 8601 UTC; errors are RFC 9457 problem details.',
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    tags: [
      { name: 'Sites' },
      { name: 'Conversations' },
      { name: 'Feedback' },
      { name: 'Callbacks' },
      { name: 'Visitors' },
      { name: 'Contacts' },
      { name: 'Agents' },
      { name: 'Webhooks' },
      { name: 'Meta' },
    ],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token: es_live_ followed by 43 characters.' } },
      schemas: { Problem: jsonSchema(problem, 'output') },
    },
  };
}
