import { api } from './team';

/** An admin (by session cookie) makes an API token with these scopes; its secret and id. */
export async function makeToken(url: string, adminCookie: string, scopes: ('read' | 'write')[] = ['read', 'write'], name = 'CRM sync') {
  const made = await api(url, '/api/tokens', { body: { name, scopes }, cookie: adminCookie });
  if (made.status !== 200) throw new Error(`token failed: ${JSON.stringify(made.body)}`);
  return { secret: made.body.data.secret as string, id: made.body.data.token.id as string };
}

/** One call to /api/v1 with a bearer token: the status, headers and parsed body. */
export async function v1(
  url: string,
  path: string,
  opts: { token?: string; method?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
) {
  const hasBody = opts.body !== undefined || opts.raw !== undefined;
  const res = await fetch(`${url}/api/v1${path}`, {
    method: opts.method ?? (hasBody ? 'POST' : 'GET'),
    headers: {
      ...(hasBody ? { 'content-type': 'application/json' } : {}),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...opts.headers,
    },
    body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });

  const body = await res.json();
  return { status: res.status, headers: res.headers, type: res.headers.get('content-type') ?? '', body };
}
