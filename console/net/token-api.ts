import { call, type RestResult } from './rest';

/** An API token as the console lists it (never its secret). */
export interface ApiToken {
  id: string;
  name: string;
  /** The secret's first characters, e.g. es_live_Ab3d. */
  prefix: string;
  scopes: ('read' | 'write')[];
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The console's calls for Settings → API tokens (admins only). */
export interface TokenApi {
  list(): Promise<RestResult<ApiToken[]>>;
  create(name: string, scopes: ('read' | 'write')[]): Promise<RestResult<{ token: ApiToken; secret: string }>>;
  revoke(id: string): Promise<RestResult<ApiToken>>;
}

/** REST adapter over `fetch` on the console's own origin. */
export function createTokenApi(fetcher: typeof fetch = (...a) => fetch(...a)): TokenApi {
  return {
    list: () => call(fetcher, '/api/tokens'),
    create: (name, scopes) =>
      call(fetcher, '/api/tokens', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, scopes }),
      }),
    revoke: (id) => call(fetcher, `/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  };
}
