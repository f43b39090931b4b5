import { AppError } from '../errors';

/** The page size when a request names none. */
export const DEFAULT_LIMIT = 25;

/** An opaque cursor: the last item's sort key, as base64url JSON, so clients pass it back untouched. */
export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The sort key in a cursor, checked by `valid`; a cursor that is not one of ours is a 400 naming `cursor`. */
export function decodeCursor<T>(cursor: string | undefined, valid: (key: unknown) => key is T): T | undefined {
  if (cursor === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (!valid(key)) throw new AppError('invalid_payload', 'cursor must be a next_cursor from an earlier page', 'cursor');
  return key;
}

/** The page size asked for. */
export const limitOf = (q: { limit?: string }) => (q.limit ? Number(q.limit) : DEFAULT_LIMIT);

/**
 * One page from `rows` fetched with limit + 1: the extra row only tells that there is a next page,
 * whose cursor is the last kept row's key.
 */
export function pageOf<R, T>(
  rows: R[],
  limit: number,
  key: (r: R) => unknown,
  view: (r: R) => T,
): { data: T[]; next_cursor: string | null } {
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  return { data: kept.map(view), next_cursor: rows.length > limit && last !== undefined ? encodeCursor(key(last)) : null };
}

/** A cursor's key in lists ordered by last change: the time (`u`) and id (`i`) of the last row. */
export const isChangeKey = (k: unknown): k is { u: string; i: string } =>
  typeof k === 'object' &&
  k !== null &&
  typeof (k as { u?: unknown }).u === 'string' &&
  !Number.isNaN(Date.parse((k as { u: string }).u)) &&
  typeof (k as { i?: unknown }).i === 'string';
