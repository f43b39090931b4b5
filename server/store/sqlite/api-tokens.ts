import { toApiToken, toIdempotentAnswer } from '../api-rows';
import type { Row } from '../rows';
import type { ApiTokenPort, ApiTokenRow, IdempotentAnswer } from '../types';
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

  async saveIdempotentAnswer(a: IdempotentAnswer, forgetBefore: string): Promise<IdempotentAnswer> {
    this.c.q('DELETE FROM api_idempotency WHERE token_id = ? AND created_at < ?').run(a.tokenId, forgetBefore);
    this.c
      .q(
        `INSERT INTO api_idempotency (token_id, key, fingerprint, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (token_id, key) DO NOTHING`,
      )
      .run(a.tokenId, a.key, a.fingerprint, a.status, JSON.stringify(a.body), a.createdAt);
    return (await this.getIdempotentAnswer(a.tokenId, a.key))!;
  }
}
