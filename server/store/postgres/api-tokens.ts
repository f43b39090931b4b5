import { toApiToken, toIdempotentAnswer } from '../api-rows';
import type { ApiTokenPort } from '../types';
import type { Db } from './db';

/** REST API tokens and their idempotent answers on Postgres. */
export function pgApiTokens(db: Db): ApiTokenPort {
  const answer = async (tokenId: string, key: string) => {
    return db.find('SELECT * FROM api_idempotency WHERE token_id = $1 AND key = $2', [tokenId, key], toIdempotentAnswer);
  };
  return {
    async createApiToken(t) {
      await db.run(
        `INSERT INTO api_tokens (id, name, token_hash, prefix, scopes, created_by, created_at, last_used_at, revoked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [t.id, t.name, t.tokenHash, t.prefix, JSON.stringify(t.scopes), t.createdBy, t.createdAt, t.lastUsedAt, t.revokedAt],
      );
    },
    async getApiTokenByHash(tokenHash) {
      return db.find('SELECT * FROM api_tokens WHERE token_hash = $1', [tokenHash], toApiToken);
    },
    async listApiTokens() {
      return (await db.rows('SELECT * FROM api_tokens ORDER BY created_at DESC, n DESC')).map(toApiToken);
    },
    async revokeApiToken(id, now) {
      return db.find('UPDATE api_tokens SET revoked_at = coalesce(revoked_at, $1) WHERE id = $2 RETURNING *', [now, id], toApiToken);
    },
    async touchApiToken(id, now) {
      await db.run('UPDATE api_tokens SET last_used_at = $1 WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $1)', [now, id]);
    },
    getIdempotentAnswer: answer,
    async claimIdempotencyKey(c, forgetBefore, staleBefore) {
      await db.run('DELETE FROM api_idempotency WHERE token_id = $1 AND created_at < $2', [c.tokenId, forgetBefore]);
      await db.run('DELETE FROM api_idempotency WHERE token_id = $1 AND key = $2 AND status = 0 AND created_at < $3', [
        c.tokenId,
        c.key,
        staleBefore,
      ]);
      const claimed = await db.one(
        `INSERT INTO api_idempotency (token_id, key, fingerprint, status, body, created_at) VALUES ($1, $2, $3, 0, 'null', $4)
         ON CONFLICT (token_id, key) DO NOTHING RETURNING key`,
        [c.tokenId, c.key, c.fingerprint, c.createdAt],
      );
      if (claimed) return null;
      // Released between the conflict and this read: still someone else's turn, as the caller is told to try again.
      return (await answer(c.tokenId, c.key)) ?? { ...c, status: 0, body: null };
    },
    async finishIdempotencyKey(a) {
      await db.run('UPDATE api_idempotency SET status = $1, body = $2 WHERE token_id = $3 AND key = $4 AND status = 0', [
        a.status,
        JSON.stringify(a.body),
        a.tokenId,
        a.key,
      ]);
    },
    async releaseIdempotencyKey(tokenId, key) {
      await db.run('DELETE FROM api_idempotency WHERE token_id = $1 AND key = $2 AND status = 0', [tokenId, key]);
    },
  };
}
