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

  const claim = (tokenId: string, key: string, createdAt = '2026-12-03T10:00:00.000Z', fingerprint = 'f') => ({
    tokenId,
    key,
    fingerprint,
    createdAt,
  });
  const STALE = '2026-12-03T09:59:00.000Z';

  it('gives an Idempotency-Key to one claim of many at once; the others see it running, then its kept answer', async () => {
    await t.store.createApiToken(token('t1', '2026-12-01T10:00:00.000Z'));
    await t.store.createApiToken(token('t2', '2026-12-01T10:00:00.000Z'));
    const held = await Promise.all([1, 2, 3, 4].map(() => t.store.claimIdempotencyKey(claim('t1', 'k'), EARLIER, STALE)));
    expect(held.filter((h) => h === null)).toHaveLength(1);
    expect(held.filter((h) => h !== null).map((h) => h.status)).toEqual([0, 0, 0]);
    // Keys belong to their token: another token's claim of the same key is its own.
    expect(await t.store.claimIdempotencyKey(claim('t2', 'k'), EARLIER, STALE)).toBeNull();
    const answer = { ...claim('t1', 'k'), status: 201, body: { n: 1, nested: { ok: true } } };
    await t.store.finishIdempotencyKey(answer);
    expect(await t.store.claimIdempotencyKey(claim('t1', 'k'), EARLIER, STALE)).toMatchObject({
      status: 201,
      fingerprint: 'f',
      body: answer.body,
    });
    // A finished answer is never overwritten, nor let go.
    await t.store.finishIdempotencyKey({ ...answer, body: { n: 2 } });
    await t.store.releaseIdempotencyKey('t1', 'k');
    expect(await t.store.getIdempotentAnswer('t1', 'k')).toMatchObject({ status: 201, body: answer.body });
    expect(await t.store.getIdempotentAnswer('t1', 'other')).toBeNull();
  });

  it('lets a released claim and a stale one (its request never answered) be claimed anew', async () => {
    await t.store.createApiToken(token('t1', '2026-12-01T10:00:00.000Z'));
    expect(await t.store.claimIdempotencyKey(claim('t1', 'k'), EARLIER, STALE)).toBeNull();
    await t.store.releaseIdempotencyKey('t1', 'k');
    expect(await t.store.claimIdempotencyKey(claim('t1', 'k'), EARLIER, STALE)).toBeNull();
    expect(await t.store.claimIdempotencyKey(claim('t1', 'k', '2026-12-03T10:00:30.000Z'), EARLIER, STALE)).toMatchObject({ status: 0 });
    // A minute later the first claim is stale: the next claim takes the key over.
    expect(await t.store.claimIdempotencyKey(claim('t1', 'k', '2026-12-03T10:01:01.000Z'), EARLIER, '2026-12-03T10:00:01.000Z')).toBeNull();
  });

  it("forgets a token's answers kept before the given time when it claims a key, and no other token's", async () => {
    await t.store.createApiToken(token('t1', '2026-12-01T10:00:00.000Z'));
    await t.store.createApiToken(token('t2', '2026-12-01T10:00:00.000Z'));
    for (const tokenId of ['t1', 't2']) {
      await t.store.claimIdempotencyKey(claim(tokenId, 'old', '2026-12-01T10:00:00.000Z'), EARLIER, EARLIER);
      await t.store.finishIdempotencyKey({ ...claim(tokenId, 'old', '2026-12-01T10:00:00.000Z'), status: 201, body: { tokenId } });
    }
    await t.store.claimIdempotencyKey(claim('t1', 'new'), '2026-12-02T10:00:00.000Z', STALE);
    expect(await t.store.getIdempotentAnswer('t1', 'old')).toBeNull();
    expect(await t.store.getIdempotentAnswer('t1', 'new')).not.toBeNull();
    expect(await t.store.getIdempotentAnswer('t2', 'old')).not.toBeNull();
  });
});
