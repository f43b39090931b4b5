import { beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '../../server/domain/secrets';
import { DEFAULT_LIMITS } from '../../server/limits';
import { makeToken, v1 } from '../helpers/rest-api';
import { signInCookie, useServer } from '../helpers/server';
import { api, inviteAndAccept } from '../helpers/team';

describe('API tokens', () => {
  const t = useServer();
  let admin: string;
  beforeEach(async () => {
    admin = await signInCookie(t.server.url);
  });

  it('shows a new token once, keeps only its hash, and lists it without the secret', async () => {
    const made = await api(t.server.url, '/api/tokens', { body: { name: 'Helpdesk', scopes: ['read'] }, cookie: admin });
    expect(made.status).toBe(200);
    const secret: string = made.body.data.secret;
    expect(secret).toMatch(/^es_live_[A-Za-z0-9_-]{43}$/);
    expect(made.body.data.token).toMatchObject({
      name: 'Helpdesk',
      scopes: ['read'],
      prefix: secret.slice(0, 12),
      lastUsedAt: null,
      revokedAt: null,
    });
    const [stored] = await t.server.store.listApiTokens();
    expect(stored!.tokenHash).toBe(hashToken(secret));
    expect(JSON.stringify(stored)).not.toContain(secret);
    const listed = await api(t.server.url, '/api/tokens', { cookie: admin });
    expect(listed.body.data).toHaveLength(1);
    expect(JSON.stringify(listed.body.data)).not.toContain(secret.slice(12));
    expect(listed.body.data[0]).not.toHaveProperty('tokenHash');
  });

  it('records when a token was last used', async () => {
    const { secret } = await makeToken(t.server.url, admin, ['read']);
    expect((await v1(t.server.url, '/sites', { token: secret })).status).toBe(200);
    const [stored] = await t.server.store.listApiTokens();
    expect(Date.parse(stored!.lastUsedAt!)).not.toBeNaN();
  });

  it('lets only admins manage tokens', async () => {
    const agent = await inviteAndAccept(t.server.url, admin, 'petra@test.local', 'agent');
    const r = await api(t.server.url, '/api/tokens', { body: { name: 'Mine', scopes: ['read'] }, cookie: agent.cookie });
    expect(r).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    expect((await api(t.server.url, '/api/tokens', { cookie: agent.cookie })).status).toBe(403);
    expect((await api(t.server.url, '/api/tokens', { body: { name: 'x', scopes: ['read'] } })).status).toBe(401);
  });

  it('refuses a token with no scope, naming the field', async () => {
    const r = await api(t.server.url, '/api/tokens', { body: { name: 'Empty', scopes: [] }, cookie: admin });
    expect(r).toMatchObject({ status: 400, body: { code: 'invalid_payload' } });
    expect(r.body.message).toMatch(/^scopes /);
  });

  it('refuses a revoked token at once', async () => {
    const { secret, id } = await makeToken(t.server.url, admin);
    expect((await v1(t.server.url, '/sites', { token: secret })).status).toBe(200);
    const revoked = await api(t.server.url, `/api/tokens/${id}`, { method: 'DELETE', cookie: admin });
    expect(revoked.body.data.revokedAt).toEqual(expect.any(String));
    const r = await v1(t.server.url, '/sites', { token: secret });
    expect(r.status).toBe(401);
    expect(r.type).toMatch(/^application\/problem\+json/);
    expect(r.body).toMatchObject({ status: 401, code: 'bad_token', detail: 'The API token has been revoked.' });
    expect(r.headers.get('www-authenticate')).toContain('invalid_token');
  });

  it('stops the tokens of an admin who is deactivated', async () => {
    const other = await inviteAndAccept(t.server.url, admin, 'olga@test.local', 'admin', 'Olga');
    const { secret } = await makeToken(t.server.url, other.cookie);
    expect((await v1(t.server.url, '/sites', { token: secret })).status).toBe(200);
    expect(
      (await api(t.server.url, `/api/team/agents/${other.agent.id}`, { method: 'PATCH', body: { active: false }, cookie: admin })).status,
    ).toBe(200);
    expect((await v1(t.server.url, '/sites', { token: secret })).body).toMatchObject({ status: 401, code: 'bad_token' });
  });
});

describe('bearer authentication', () => {
  const t = useServer({ once: true });
  let secret: string;
  let readOnly: string;
  beforeEach(async () => {
    const admin = await signInCookie(t.server.url);
    secret ??= (await makeToken(t.server.url, admin)).secret;
    readOnly ??= (await makeToken(t.server.url, admin, ['read'])).secret;
  });

  it('asks for a token when none is sent', async () => {
    const r = await v1(t.server.url, '/sites');
    expect(r).toMatchObject({
      status: 401,
      body: { type: 'urn:earshot:problem:unauthorized', title: 'Unauthorized', status: 401, field: 'Authorization' },
    });
    expect(r.headers.get('www-authenticate')).toBe('Bearer realm="earshot"');
  });

  it('refuses a token in the query string, even a good one', async () => {
    const r = await v1(t.server.url, `/sites?access_token=${secret}`);
    expect(r).toMatchObject({ status: 401, body: { code: 'bad_token', field: 'access_token' } });
  });

  it('refuses a malformed or unknown token', async () => {
    expect((await v1(t.server.url, '/sites', { token: 'nope' })).body).toMatchObject({ status: 401, code: 'bad_token' });
    const unknown = `es_live_${'A'.repeat(43)}`;
    expect((await v1(t.server.url, '/sites', { token: unknown })).body).toMatchObject({
      status: 401,
      detail: 'The API token is not known.',
    });
  });

  it('refuses writes with a read-only token', async () => {
    const r = await v1(t.server.url, '/conversations/abc/messages', { token: readOnly, body: { text: 'Hi' } });
    expect(r).toMatchObject({ status: 403, body: { code: 'forbidden', detail: 'This API token lacks the write scope.' } });
  });

  it('tells the rate limit in RateLimit headers', async () => {
    const r = await v1(t.server.url, '/sites', { token: secret });
    expect(r.headers.get('ratelimit-policy')).toBe(
      `"token";q=${DEFAULT_LIMITS.apiRequests.points};w=${DEFAULT_LIMITS.apiRequests.duration}`,
    );
    expect(r.headers.get('ratelimit')).toMatch(/^"token";r=\d+;t=\d+$/);
  });
});

describe('per-token rate limit', () => {
  const t = useServer({ startOpts: { limits: { ...DEFAULT_LIMITS, apiRequests: { points: 2, duration: 60 } } } });

  it('answers 429 with Retry-After once a token has spent its requests, and leaves other tokens alone', async () => {
    const admin = await signInCookie(t.server.url);
    const busy = (await makeToken(t.server.url, admin)).secret;
    const calm = (await makeToken(t.server.url, admin)).secret;
    expect((await v1(t.server.url, '/sites', { token: busy })).headers.get('ratelimit')).toMatch(/^"token";r=1;/);
    expect((await v1(t.server.url, '/sites', { token: busy })).status).toBe(200);
    const r = await v1(t.server.url, '/sites', { token: busy });
    expect(r).toMatchObject({ status: 429, body: { code: 'rate_limited', status: 429 } });
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(r.headers.get('ratelimit')).toMatch(/^"token";r=0;t=\d+$/);
    expect((await v1(t.server.url, '/sites', { token: calm })).status).toBe(200);
  });
});
