import { nanoid } from 'nanoid';
import type { Agent } from '../../protocol/types';
import { AppError } from '../errors';
import type { AgentRow, Store } from '../store/types';
import { hashPassword, hashToken, newToken, verifyPassword } from './secrets';

export const SESSION_DAYS = 30;

/** Public view of an agent: never the password hash. */
export function toAgent(a: AgentRow): Agent {
  return { id: a.id, email: a.email, name: a.name, role: a.role };
}

/**
 * Makes sure someone can sign in. Returns the generated password when it had to
 * invent one, so the caller can print it exactly once.
 */
export async function ensureFirstAdmin(
  store: Store,
  opts: { email: string | null; password: string | null },
): Promise<{ email: string; generatedPassword: string | null } | null> {
  if ((await store.countAgents()) > 0) return null;
  const email = opts.email ?? 'admin@earshot.local';
  const generatedPassword = opts.password ? null : newToken().slice(0, 16);
  const password = opts.password ?? generatedPassword!;
  await store.createAgent({
    id: nanoid(),
    email,
    name: email.split('@')[0]!.replace(/^\w/, (c) => c.toUpperCase()),
    role: 'admin',
    passwordHash: await hashPassword(password),
    createdAt: new Date().toISOString(),
  });
  return { email, generatedPassword };
}

/** Checks credentials and opens a session; the returned token goes into the cookie only. */
export async function signIn(store: Store, email: string, password: string): Promise<{ agent: Agent; token: string; expires: Date }> {
  const agent = await store.getAgentByEmail(email);
  // Hash even for an unknown email, so timing does not tell which emails exist.
  const ok = await verifyPassword(password, agent?.passwordHash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAA');
  if (!agent || !ok) throw new AppError('bad_credentials', 'Wrong email or password.');
  if (agent.deactivatedAt) throw new AppError('account_deactivated', 'This account has been deactivated. Ask an admin to reactivate it.');
  const token = newToken();
  const expires = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  // Sessions nobody signed out of would otherwise stay forever; a sign-in is a fine time to sweep.
  await store.deleteExpiredSessions(new Date().toISOString());
  await store.createSession({ tokenHash: hashToken(token), agentId: agent.id, expiresAt: expires.toISOString() });
  return { agent: toAgent(agent), token, expires };
}

/** A live session: its agent, the token's hash (which names the session) and when it ends. */
export interface LiveSession {
  agent: AgentRow;
  tokenHash: string;
  expiresAt: string;
}

/** The session behind a token, or null when it is unknown or expired. */
export async function sessionFor(store: Store, token: string | undefined): Promise<LiveSession | null> {
  if (!token) return null;
  const session = await store.getSession(hashToken(token));
  if (!session) return null;
  if (session.expiresAt < new Date().toISOString()) {
    await store.deleteSession(session.tokenHash);
    return null;
  }
  const agent = await store.getAgent(session.agentId);
  // A deactivated agent's sessions are refused; reactivating ends them for good.
  if (!agent || agent.deactivatedAt) return null;
  return { agent, tokenHash: session.tokenHash, expiresAt: session.expiresAt };
}

/** The agent behind a session token, or null when it is unknown or expired. */
export async function agentForSession(store: Store, token: string | undefined): Promise<AgentRow | null> {
  return (await sessionFor(store, token))?.agent ?? null;
}

/** Ends a session; unknown tokens are ignored. Returns the ended session's token hash. */
export async function signOut(store: Store, token: string | undefined): Promise<string | null> {
  if (!token) return null;
  const tokenHash = hashToken(token);
  await store.deleteSession(tokenHash);
  return tokenHash;
}
