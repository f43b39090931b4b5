import { int, iso, isoOrNull, json, pick, text, type Row } from './rows';
import type { ApiScope, ApiTokenRow, IdempotentAnswer } from './types';

// Row mappers of the REST API's tables, for both stores (see rows.ts for why they read either driver's values).

/** An API token row. */
export function toApiToken(r: Row): ApiTokenRow {
  return {
    ...pick(r, text, 'id', 'name', 'tokenHash', 'prefix', 'createdBy'),
    scopes: json<ApiScope[]>(r.scopes),
    createdAt: iso(r.created_at),
    ...pick(r, isoOrNull, 'lastUsedAt', 'revokedAt'),
  };
}

/** A kept answer to a write. */
export function toIdempotentAnswer(r: Row): IdempotentAnswer {
  return {
    ...pick(r, text, 'tokenId', 'key', 'fingerprint'),
    status: int(r.status),
    body: json<unknown>(r.body),
    createdAt: iso(r.created_at),
  };
}
