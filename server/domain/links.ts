import { nanoid } from 'nanoid';
import { AppError } from '../errors';
import type { AgentTokenRow, SessionRow, Store, TokenProblem } from '../store/types';
import { SESSION_DAYS } from './agents';
import { hashToken, newToken } from './secrets';

/** How long an invitation link works. */
export const INVITE_DAYS = 7;
/** How long a password reset link works. */
export const RESET_MINUTES = 60;
/** The shortest password Earshot accepts, as for the first admin. */
export const MIN_PASSWORD = 8;

/** The console URL of a one-time link; `base` is PUBLIC_URL or the console's own origin. */
export function linkFor(base: string, kind: AgentTokenRow['kind'], token: string): string {
  return `${base.replace(/\/$/, '')}/console/${kind}/${token}`;
}

/** Stores a new one-time link (replacing pending ones of its kind for the email) and returns its token, shown once. */
export async function issueLink(
  store: Store,
  t: Pick<AgentTokenRow, 'kind' | 'email' | 'role' | 'agentId' | 'createdBy'>,
  ttlMs: number,
): Promise<{ token: string; row: AgentTokenRow }> {
  const token = newToken();
  const now = Date.now();
  const row: AgentTokenRow = {
    ...t,
    id: nanoid(),
    tokenHash: hashToken(token),
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + ttlMs).toISOString(),
    usedAt: null,
    revokedAt: null,
  };
  await store.createAgentToken(row);
  return { token, row };
}

const WORDS: Record<AgentTokenRow['kind'], Record<Exclude<TokenProblem, 'email_taken' | 'deactivated'>, string>> = {
  invite: {
    unknown: 'This invitation link is not valid. Check that it was copied whole, or ask an admin for a new one.',
    expired: 'This invitation has expired. Ask an admin for a new link.',
    used: 'This invitation has been used already. Sign in instead, or ask an admin for a new link.',
    revoked: 'This invitation was withdrawn by an admin. Ask them for a new link.',
  },
  reset: {
    unknown: 'This reset link is not valid. Check that it was copied whole, or ask for a new one.',
    expired: 'This reset link has expired. Ask for a new one.',
    used: 'This reset link has been used already. Ask for a new one if you still need it.',
    revoked: 'This reset link was replaced by a newer one. Use the latest link you got.',
  },
};

/** The clear error for a link that cannot be used. */
export function linkError(kind: AgentTokenRow['kind'], problem: TokenProblem, email = ''): AppError {
  switch (problem) {
    case 'email_taken':
      return new AppError('email_taken', `There is already an account for ${email || 'this email'}. Sign in instead.`);
    case 'deactivated':
      return new AppError('account_deactivated', 'This account has been deactivated. Ask an admin to reactivate it.');
    case 'unknown':
      return new AppError('not_found', WORDS[kind].unknown);
    case 'expired':
      return new AppError('link_expired', WORDS[kind].expired);
    case 'used':
      return new AppError('link_used', WORDS[kind].used);
    case 'revoked':
      return new AppError('link_revoked', WORDS[kind].revoked);
  }
}

/** The link behind `token` when it can still be used, or its clear error. */
export async function usableLink(store: Store, kind: AgentTokenRow['kind'], token: string): Promise<AgentTokenRow> {
  const t = await store.getAgentToken(hashToken(token));
  if (!t || t.kind !== kind) throw linkError(kind, 'unknown');
  if (t.usedAt) throw linkError(kind, 'used');
  if (t.revokedAt) throw linkError(kind, 'revoked');
  if (t.expiresAt <= new Date().toISOString()) throw linkError(kind, 'expired');
  return t;
}

/** A new session's token (for the cookie only), the row to store and when it ends. */
export function newSession(): { token: string; row: Omit<SessionRow, 'agentId'>; expires: Date } {
  const token = newToken();
  const expires = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  return { token, row: { tokenHash: hashToken(token), expiresAt: expires.toISOString() }, expires };
}
