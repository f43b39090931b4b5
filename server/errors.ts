import type { ErrorCode } from '../protocol/types';

const STATUS: Record<ErrorCode, number> = {
  invalid_payload: 400,
  unknown_event: 400,
  too_long: 413,
  not_found: 404,
  forbidden: 403,
  unauthorized: 401,
  bad_token: 401,
  bad_credentials: 401,
  origin_not_allowed: 403,
  unknown_site: 404,
  duplicate_id: 409,
  idempotency_in_progress: 409,
  rate_limited: 429,
  email_not_configured: 409,
  no_contact: 409,
  invalid_phone: 400,
  slot_unavailable: 409,
  already_claimed: 409,
  site_exists: 409,
  last_site: 409,
  email_taken: 409,
  link_expired: 410,
  link_used: 410,
  link_revoked: 410,
  last_admin: 409,
  account_deactivated: 403,
  bad_identity_hash: 401,
  identity_required: 403,
  contact_erased: 410,
  contact_merged: 409,
  nothing_to_undo: 409,
  shortcut_taken: 409,
  unavailable: 503,
  internal: 500,
};

/** The one error type: a code from the closed list, a message a person can read. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The input at fault, e.g. `contact.email`. */
    readonly field?: string,
    /** What went wrong underneath, for the log (never shown to the client). */
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.status = STATUS[code];
  }
}

/** `row`, or a `not_found` error saying `message` when there is none. */
export function found<T>(row: T | null | undefined, message: string): T {
  if (row == null) throw new AppError('not_found', message);
  return row;
}

/** Turns anything thrown into what a client may see; unknown errors become a generic 500. */
export function toClientError(err: unknown): { status: number; code: ErrorCode; message: string; field?: string; unexpected: boolean } {
  if (err instanceof AppError) {
    return { status: err.status, code: err.code, message: err.message, unexpected: false, ...(err.field ? { field: err.field } : {}) };
  }
  return { status: 500, code: 'internal', message: 'Something went wrong on our side. Please try again.', unexpected: true };
}

/** A 4xx that body-parser or serve-static raised, in the API's terms; null for any other error. */
export function parserError(err: unknown): { status: number; code: ErrorCode; message: string } | null {
  const http = err as { status?: unknown; type?: unknown; expose?: unknown; message?: unknown } | null;
  if (typeof http?.status !== 'number' || http.status >= 500 || err instanceof AppError) return null;
  const code = http.status === 413 ? 'too_long' : http.status === 404 ? 'not_found' : 'invalid_payload';
  const message =
    http.type === 'entity.parse.failed' ? 'The request body is not valid JSON.' : http.expose ? String(http.message) : 'Bad request.';
  return { status: http.status, code, message };
}
