import { createHash } from 'node:crypto';
import { nanoid } from 'nanoid';
import type { Request } from 'express';
import { AppError } from '../errors';
import type { IdempotentAnswer, Store } from '../store/types';

/** How long a key is remembered: a client retries within minutes; Stripe keeps keys a day too. */
export const KEEP_MS = 86_400_000;

/** Printable ASCII, as the IETF Idempotency-Key draft and Stripe's keys are (UUIDs, nanoids, …). */
const KEY = /^[\x21-\x7e]{1,255}$/;

/** The request's Idempotency-Key, or null when it sent none; a malformed one is a 400 naming the header. */
export function idempotencyKey(req: Request): string | null {
  const key = req.get('idempotency-key');
  if (key === undefined) return null;
  if (!KEY.test(key))
    throw new AppError('invalid_payload', 'Idempotency-Key must be 1 to 255 printable ASCII characters.', 'Idempotency-Key');
  return key;
}

/** What a write was: the same key sent with another method, path or body is not a repeat. */
export function fingerprint(req: Request): string {
  return createHash('sha256')
    .update(`${req.method} ${req.baseUrl}${req.path}\n${JSON.stringify(req.body ?? null)}`)
    .digest('base64url');
}

/** How long a claimed key waits for its request's answer before a repeat may run anew (the node that ran it died). */
export const STALE_MS = 60_000;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Claims the key for this request, atomically in the store: null when the request is the first with it and runs; the
 * kept answer when it repeats an answered one; `duplicate_id` when the key was used for another request, and
 * `idempotency_in_progress` while the first request with it still runs.
 */
export async function claimKey(store: Store, tokenId: string, key: string, print: string): Promise<IdempotentAnswer | null> {
  const now = Date.now();
  const held = await store.claimIdempotencyKey(
    { tokenId, key, fingerprint: print, createdAt: iso(now) },
    iso(now - KEEP_MS),
    iso(now - STALE_MS),
  );
  if (!held) return null;
  if (held.fingerprint !== print) {
    throw new AppError(
      'duplicate_id',
      'This Idempotency-Key was used for a different request; use a new key for a new write.',
      'Idempotency-Key',
    );
  }
  if (held.status === 0) {
    throw new AppError(
      'idempotency_in_progress',
      'A request with this Idempotency-Key is still running; repeat it in a moment to get its answer.',
      'Idempotency-Key',
    );
  }
  return held;
}

/**
 * The id of what a write with an Idempotency-Key stores: derived from the token and the key, so two
 * requests racing with one key store one row (the store answers a retried id with the stored one).
 */
export const writeId = (tokenId: string, key: string | null) =>
  key ? createHash('sha256').update(`${tokenId}\0${key}`).digest('base64url').slice(0, 32) : nanoid();
