/** The agent the benchmark signs in as. */
export const BENCH_ADMIN = { email: 'bench@earshot.local', password: 'bench-password' };

/** Signs the benchmark's agent in on an Earshot relay; returns its session cookie. */
export async function signInCookie(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(BENCH_ADMIN),
  });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
