import type { RequestHandler } from 'express';
import { openApiDocument } from './openapi';

type Json = Record<string, unknown>;
type Operation = {
  operationId: string;
  summary: string;
  'x-earshot-scope'?: string;
  parameters?: Json[];
  requestBody?: Json;
  responses: Record<string, Json>;
};

/** Text made safe for HTML. */
const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const code = (v: unknown) => `<pre><code>${esc(JSON.stringify(v, null, 2))}</code></pre>`;

function parameterRows(params: Json[]): string {
  if (!params.length) return '';
  const rows = params.map(
    (p) =>
      `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td><td><code>${esc(JSON.stringify(p.schema))}</code></td></tr>`,
  );
  return `<table><thead><tr><th>Parameter</th><th>In</th><th>Required</th><th>Schema</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function operationHtml(method: string, path: string, op: Operation): string {
  const success = Object.entries(op.responses).find(([status]) => status.startsWith('2'));
  const body = (op.requestBody as { content?: Record<string, { schema: unknown }> } | undefined)?.content?.['application/json']?.schema;
  const answer = (success?.[1] as { content?: Record<string, { schema: unknown }> } | undefined)?.content?.['application/json']?.schema;
  return `<section id="${esc(op.operationId)}">
<h3><code>${esc(method.toUpperCase())} ${esc(path)}</code></h3>
<p>${esc(op.summary)}${op['x-earshot-scope'] ? ` <em>Scope: ${esc(op['x-earshot-scope'])}.</em>` : ''}</p>
${parameterRows(op.parameters ?? [])}
${body ? `<h4>Request body</h4>${code(body)}` : ''}
${answer ? `<h4>Answer ${esc(success![0])}</h4>${code(answer)}` : ''}
</section>`;
}

/**
 * /api/docs: the OpenAPI document as a plain page, rendered on the server from the same document,
 * with no script (it works under the strictest CSP and loads nothing from elsewhere).
 */
export const apiDocsPage: RequestHandler = (req, res) => {
  const doc = openApiDocument(`${req.protocol}://${req.get('host')}/api/v1`) as {
    info: Json;
    paths: Record<string, Record<string, Operation>>;
  };
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([m, op]) => operationHtml(m, path, op)));
  const css =
    'body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem}pre{background:#f4f4f6;padding:.6rem;overflow:auto}' +
    'table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}section{border-top:1px solid #ddd;margin-top:1.5rem}';
  res.type('html').set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'").send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)}</title><style>${css}</style></head>
<body><main><h1>${esc(doc.info.title)}</h1><p>${esc(doc.info.description)}</p>
<p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).</p>
<h2>Operations</h2>${ops.join('\n')}</main></body></html>`);
};
