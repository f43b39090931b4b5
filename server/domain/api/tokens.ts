import { randomBytes } from 'node:crypto';
import { nanoid } from 'nanoid';
import { AppError } from '../../errors';
import type { AgentRow, ApiScope, ApiTokenRow, Store } from '../../store/types';
import { requireAdmin } from '../roles';
import { hashToken } from '../secrets';

/** Every API token starts so: secret scanners (and people) can tell a leaked one at a glance. */
export const TOKEN_PREFIX = 'es_live_';
/** es_live_ + 43 base64url characters (256 random bits). */
const TOKEN_SHAPE = /^es_live_[A-Za-z0-9_-]{43}$/;
/** last_used_at is written at most this often per token: a busy integration would otherwise write on every call. */
const TOUCH_EVERY_MS = 60_000;

/** A token as the console lists it: never its secret nor its hash. */
export type ApiTokenView = Omit<ApiTokenRow, 'tokenHash'>;

/** What the console may see of a token. */
export function toTokenView(t: ApiTokenRow): ApiTokenView {
  const { tokenHash: _hash, ...view } = t;
  return view;
}

/**
 * Makes a token for `admin`; the secret is in the answer only, once. It is kept as its sha256,
 * not bcrypt or scrypt: those slow down guessing low-entropy passwords, while 256 random bits
 * cannot be guessed at any speed, and a plain digest can be looked up by index on every request
 * without spending ~100 ms of CPU on it.
 */
export async function createApiToken(
  store: Store,
  admin: AgentRow,
  input: { name: string; scopes: ApiScope[] },
): Promise<{ token: ApiTokenView; secret: string }> {
  requireAdmin(admin, 'manage API tokens');
  const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  // `write` alone still reads what it writes: a write token is given read too.
  const scopes: ApiScope[] = input.scopes.includes('write') ? ['read', 'write'] : ['read'];
  const row: ApiTokenRow = {
    id: nanoid(),
    name: input.name,
    tokenHash: hashToken(secret),
    prefix: secret.slice(0, TOKEN_PREFIX.length + 4),
    scopes,
    createdBy: admin.id,
    createdAt: new Date().toISOString(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await store.createApiToken(row);
  return { token: toTokenView(row), secret };
}

/** Every token, newest first, for admins. */
export async function listApiTokens(store: Store, admin: AgentRow): Promise<ApiTokenView[]> {
  requireAdmin(admin, 'manage API tokens');
  return (await store.listApiTokens()).map(toTokenView);
}

/** Revokes a token at once, on every node (each request reads the token from the store). */
export async function revokeApiToken(store: Store, admin: AgentRow, id: string): Promise<ApiTokenView> {
  requireAdmin(admin, 'manage API tokens');
  const row = await store.revokeApiToken(id, new Date().toISOString());
  if (!row) throw new AppError('not_found', 'No such API token.');
  return toTokenView(row);
}

/** The live token and the agent it acts as for a bearer secret, or `bad_token` saying why not. */
export async function authenticateApiToken(store: Store, secret: string): Promise<{ token: ApiTokenRow; agent: AgentRow }> {
  if (!TOKEN_SHAPE.test(secret))
    throw new AppError('bad_token', 'The API token is malformed: it starts with es_live_ followed by 43 characters.');
  const token = await store.getApiTokenByHash(hashToken(secret));
  if (!token) throw new AppError('bad_token', 'The API token is not known.');
  if (token.revokedAt) throw new AppError('bad_token', 'The API token has been revoked.');
  // The token acts as the admin who made it: a deactivated (or demoted) admin's tokens stop working with them.
  const agent = await store.getAgent(token.createdBy);
  if (!agent || agent.deactivatedAt || agent.role !== 'admin')
    throw new AppError('bad_token', 'The admin who created this API token can no longer use it.');
  const now = new Date();
  if (!token.lastUsedAt || now.getTime() - Date.parse(token.lastUsedAt) >= TOUCH_EVERY_MS)
    await store.touchApiToken(token.id, now.toISOString());
  return { token, agent };
}

/** Throws `forbidden` unless the token has `scope`. */
export function requireScope(token: Pick<ApiTokenRow, 'scopes'>, scope: ApiScope): void {
  if (!token.scopes.includes(scope)) throw new AppError('forbidden', `This API token lacks the ${scope} scope.`);
}
