import { describe, expect, it } from 'vitest';
import { ADMIN, signInCookie, useServer } from '../helpers/server';

const t = useServer({ once: true });

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${t.server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('HTTP API', () => {
  it('reports health', async () => {
    const res = await fetch(`${t.server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, data: { status: 'ok', store: 'ok', bus: 'local', node: expect.any(String) } });
  });

  it('serves an icon: /favicon.ico as a 16 px ICO, and the SVG the pages link', async () => {
    const ico = await fetch(`${t.server.url}/favicon.ico`);
    expect(ico.status).toBe(200);
    expect(ico.headers.get('content-type')).toBe('image/x-icon');
    const bytes = new Uint8Array(await ico.arrayBuffer());
    // ICONDIR (reserved 0, type 1 = icon, one image) then a 16×16 entry whose data fills the rest.
    expect([...bytes.slice(0, 8)]).toEqual([0, 0, 1, 0, 1, 0, 16, 16]);
    expect(new DataView(bytes.buffer).getUint32(14, true) + 22).toBe(bytes.length);
    const svg = await fetch(`${t.server.url}/favicon.svg`);
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await svg.text()).toMatch(/^<svg /);
    expect(await (await fetch(`${t.server.url}/`)).text()).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
  });

  it('signs an agent in with an HttpOnly, SameSite session cookie', async () => {
    const res = await post('/api/auth/login', JSON.stringify(ADMIN));
    expect(res.status).toBe(200);
    expect((await res.json()).data).toMatchObject({ email: ADMIN.email, role: 'admin' });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/earshot_session=[^;]{40,}/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('refuses a wrong password with 401 bad_credentials', async () => {
    const res = await post('/api/auth/login', JSON.stringify({ email: ADMIN.email, password: 'nope' }));
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, code: 'bad_credentials' });
  });

  it('answers malformed JSON with 400 and a reason', async () => {
    const res = await post('/api/auth/login', '{"email": ');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, code: 'invalid_payload', message: 'The request body is not valid JSON.' });
  });

  it('answers a login without an email with 400 naming the field', async () => {
    const res = await post('/api/auth/login', JSON.stringify({ password: 'x' }));
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(/^email /);
  });

  it('knows who is signed in, and forgets them after sign-out', async () => {
    const cookie = await signInCookie(t.server.url);
    const me = await fetch(`${t.server.url}/api/auth/me`, { headers: { cookie } });
    expect((await me.json()).data.email).toBe(ADMIN.email);
    await post('/api/auth/logout', '{}', { cookie });
    const after = await fetch(`${t.server.url}/api/auth/me`, { headers: { cookie } });
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ ok: false, code: 'unauthorized' });
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const res = await fetch(`${t.server.url}/api/nothing-here`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('lets any page read why a site status was refused', async () => {
    const res = await fetch(`${t.server.url}/api/sites/no-such-site/status`, { headers: { origin: 'https://shop.example' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.json()).toMatchObject({ ok: false, code: 'unknown_site' });
  });

  it('rate-limits repeated sign-in attempts', async () => {
    const body = JSON.stringify({ email: 'victim@test.local', password: 'guess' });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await post('/api/auth/login', body)).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});
