import { iso, isoOrNull, json, type Row } from './rows';
import type { ApiScope, ApiTokenRow, IdempotentAnswer } from './types';

// Row mappers of the REST API's tables, for both stores (see rows.ts for why they read either driver's values).

/** An API token row. */
export function toApiToken(r: Row): ApiTokenRow {
  return {
    id: r.id as string,
    name: r.name as string,
    tokenHash: r.token_hash as string,
    prefix: r.prefix as string,
    scopes: json<ApiScope[]>(r.scopes),
    createdBy: r.created_by as string,
    createdAt: iso(r.created_at),
    lastUsedAt: isoOrNull(r.last_used_at),
    revokedAt: isoOrNull(r.revoked_at),
  };
}

/** A kept answer to a write. */
export function toIdempotentAnswer(r: Row): IdempotentAnswer {
  return {
    tokenId: r.token_id as string,
    key: r.key as string,
    fingerprint: r.fingerprint as string,
    status: Number(r.status),
    body: json<unknown>(r.body),
    createdAt: iso(r.created_at),
  };
}
