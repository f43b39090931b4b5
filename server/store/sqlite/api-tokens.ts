import { toApiToken, toIdempotentAnswer } from '../api-rows';
import type { Row } from '../rows';
import type { ApiTokenPort, ApiTokenRow, IdempotencyClaim, IdempotentAnswer } from '../types';
import type { SqliteContext } from './context';

/** REST API tokens and their idempotent answers on SQLite. */
export class SqliteApiTokens implements ApiTokenPort {
  constructor(private readonly c: SqliteContext) {}

  async createApiToken(t: ApiTokenRow): Promise<void> {
    this.c
      .q(
        `INSERT INTO api_tokens (id, name, token_hash, prefix, scopes, created_by, created_at, last_used_at, revoked_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(t.id, t.name, t.tokenHash, t.prefix, JSON.stringify(t.scopes), t.createdBy, t.createdAt, t.lastUsedAt, t.revokedAt);
  }

  async getApiTokenByHash(tokenHash: string): Promise<ApiTokenRow | null> {
    return this.c.find('SELECT * FROM api_tokens WHERE token_hash = ?', [tokenHash], toApiToken);
  }

  async listApiTokens(): Promise<ApiTokenRow[]> {
    return (this.c.q('SELECT * FROM api_tokens ORDER BY created_at DESC, rowid DESC').all() as Row[]).map(toApiToken);
  }

  async revokeApiToken(id: string, now: string): Promise<ApiTokenRow | null> {
    const r = this.c.q('UPDATE api_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ? RETURNING *').get(now, id) as
      Row | undefined;
    return r ? toApiToken(r) : null;
  }

  async touchApiToken(id: string, now: string): Promise<void> {
    this.c.q('UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)').run(now, id, now);
  }

  async getIdempotentAnswer(tokenId: string, key: string): Promise<IdempotentAnswer | null> {
    return this.c.find('SELECT * FROM api_idempotency WHERE token_id = ? AND key = ?', [tokenId, key], toIdempotentAnswer);
  }

  async claimIdempotencyKey(c: IdempotencyClaim, forgetBefore: string, staleBefore: string): Promise<IdempotentAnswer | null> {
    return this.c.db
      .transaction(() => {
        this.c.q('DELETE FROM api_idempotency WHERE token_id = ? AND created_at < ?').run(c.tokenId, forgetBefore);
        this.c
          .q('DELETE FROM api_idempotency WHERE token_id = ? AND key = ? AND status = 0 AND created_at < ?')
          .run(c.tokenId, c.key, staleBefore);
        const claimed = this.c
          .q(
            `INSERT INTO api_idempotency (token_id, key, fingerprint, status, body, created_at) VALUES (?, ?, ?, 0, 'null', ?)
             ON CONFLICT (token_id, key) DO NOTHING`,
          )
          .run(c.tokenId, c.key, c.fingerprint, c.createdAt);
        if (claimed.changes === 1) return null;
        return toIdempotentAnswer(this.c.q('SELECT * FROM api_idempotency WHERE token_id = ? AND key = ?').get(c.tokenId, c.key) as Row);
      })
      .immediate();
  }

  async finishIdempotencyKey(a: IdempotentAnswer): Promise<void> {
    this.c
      .q('UPDATE api_idempotency SET status = ?, body = ? WHERE token_id = ? AND key = ? AND status = 0')
      .run(a.status, JSON.stringify(a.body), a.tokenId, a.key);
  }

  async releaseIdempotencyKey(tokenId: string, key: string): Promise<void> {
    this.c.q('DELETE FROM api_idempotency WHERE token_id = ? AND key = ? AND status = 0').run(tokenId, key);
  }
}
