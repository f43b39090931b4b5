import { describe, expect, it } from 'vitest';
import type { ApiTokenRow } from '../../server/store/types';
import { STORE, useTestStore } from '../helpers/stores';

// The store contract of the REST API's tables, on SQLite and again on Postgres.

const t = useTestStore();

/** A time before every answer of these tests: nothing is forgotten. */
const EARLIER = '2026-01-01T00:00:00.000Z';

const token = (id: string, createdAt: string): ApiTokenRow => ({
  id,
  name: `Token ${id}`,
  tokenHash: `hash-${id}`,
  prefix: 'es_live_abcd',
  scopes: ['read', 'write'],
  createdBy: 'admin-1',
  createdAt,
  lastUsedAt: null,
  revokedAt: null,
});

describe(`${STORE} store: API tokens`, () => {
  it('finds a token by its hash and lists tokens newest first', async () => {
    await t.store.createApiToken(token('t1', '2026-12-01T10:00:00.000Z'));
    await t.store.createApiToken(token('t2', '2026-12-02T10:00:00.000Z'));
    expect(await t.store.getApiTokenByHash('hash-t1')).toEqual(token('t1', '2026-12-01T10:00:00.000Z'));
    expect(await t.store.getApiTokenByHash('hash-none')).toBeNull();
    expect((await t.store.listApiTokens()).map((t) => t.id)).toEqual(['t2', 't1']);
  });

  it('keeps the first revocation time, and answers null for an unknown token', async () => {
    await t.store.createApiToken(token('t1', '2026-12-01T10:00:00.000Z'));
    expect((await t.store.revokeApiToken('t1', '2026-12-03T10:00:00.000Z'))?.revokedAt).toBe('2026-12-03T10:00:00.000Z');
    expect((await t.store.revokeApiToken('t1', '2026-12-04T10:00:00.000Z'))?.revokedAt).toBe('2026-12-03T10:00:00.000Z');
    expect(await t.store.revokeApiToken('nope', '2026-12-04T10:00:00.000Z')).toBeNull();
  });

  it('moves last use forward only', async () => {
    await t.store.createApiToken(token('t1', '2026-12-01T10:00:00.000Z'));
    await t.store.touchApiToken('t1', '2026-12-03T10:00:00.000Z');
    await t.store.touchApiToken('t1', '2026-12-02T10:00:00.000Z');
    expect((await t.store.getApiTokenByHash('hash-t1'))?.lastUsedAt).toBe('2026-12-03T10:00:00.000Z');
  });

  it('keeps the first answer for an Idempotency-Key, per token, however many save at once', async () => {
    await t.store.createApiToken(token('t1', '2026-12-01T10:00:00.000Z'));
    await t.store.createApiToken(token('t2', '2026-12-01T10:00:00.000Z'));
    const answer = (tokenId: string, n: number) => ({
      tokenId,
      key: 'k',
      fingerprint: 'f',
      status: 201,
      body: { n, nested: { ok: true } },
      createdAt: '2026-12-01T10:00:00.000Z',
    });
    const saved = await Promise.all([1, 2, 3].map((n) => t.store.saveIdempotentAnswer(answer('t1', n), EARLIER)));
    const first = saved[0]!.body;
    expect(saved.map((s) => s.body)).toEqual([first, first, first]);
    expect(await t.store.getIdempotentAnswer('t1', 'k')).toMatchObject({ status: 201, fingerprint: 'f', body: first });
    expect((await t.store.saveIdempotentAnswer(answer('t2', 9), EARLIER)).body).toEqual({ n: 9, nested: { ok: true } });
    expect(await t.store.getIdempotentAnswer('t1', 'other')).toBeNull();
  });

  it("forgets a token's answers kept before the given time when it saves one, and no other token's", async () => {
    await t.store.createApiToken(token('t1', '2026-12-01T10:00:00.000Z'));
    await t.store.createApiToken(token('t2', '2026-12-01T10:00:00.000Z'));
    const at = (tokenId: string, key: string, createdAt: string) => ({
      tokenId,
      key,
      fingerprint: 'f',
      status: 201,
      body: { key },
      createdAt,
    });
    await t.store.saveIdempotentAnswer(at('t1', 'old', '2026-12-01T10:00:00.000Z'), EARLIER);
    await t.store.saveIdempotentAnswer(at('t2', 'old', '2026-12-01T10:00:00.000Z'), EARLIER);
    await t.store.saveIdempotentAnswer(at('t1', 'new', '2026-12-03T10:00:00.000Z'), '2026-12-02T10:00:00.000Z');
    expect(await t.store.getIdempotentAnswer('t1', 'old')).toBeNull();
    expect(await t.store.getIdempotentAnswer('t1', 'new')).not.toBeNull();
    expect(await t.store.getIdempotentAnswer('t2', 'old')).not.toBeNull();
  });
});
