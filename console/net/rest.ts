import type { Ack, Agent } from '../../protocol/types';

/** Outcome of a REST call; `network` when the server could not be reached at all. */
export type RestResult<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

/** The console's REST calls: sign in, who am I, sign out. */
export interface AuthApi {
  login(email: string, password: string): Promise<RestResult<Agent>>;
  me(): Promise<RestResult<Agent>>;
  logout(): Promise<RestResult<null>>;
}

/** One JSON call on the console's origin; never rejects. */
export async function call<T>(fetcher: typeof fetch, path: string, init: RequestInit = {}): Promise<RestResult<T>> {
  let res: Response;
  try {
    res = await fetcher(path, { credentials: 'same-origin', ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch {
    return { ok: false, code: 'network', message: 'Cannot reach the server. Check your connection and try again.' };
  }
  try {
    const body = (await res.json()) as Ack<T>;
    if (body && typeof body === 'object' && 'ok' in body) return body;
  } catch {
    // A proxy error page is not JSON; fall through to a generic message.
  }
  return { ok: false, code: 'internal', message: `The server answered ${res.status} ${res.statusText}.`.replace(/ \.$/, '.') };
}

/** REST adapter over `fetch` on the console's own origin. */
export function createAuthApi(fetcher: typeof fetch = (...a) => fetch(...a)): AuthApi {
  return {
    login: (email, password) =>
      call<Agent>(fetcher, '/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      }),
    me: () => call<Agent>(fetcher, '/api/auth/me'),
    logout: () => call<null>(fetcher, '/api/auth/logout', { method: 'POST' }),
  };
}
