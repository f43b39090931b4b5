import { nanoid } from 'nanoid';
import type { Agent } from '../../protocol/types';
import { AppError } from '../errors';
import type { AgentRow, Store } from '../store/types';
import { hashPassword, hashToken, newToken, verifyPassword } from './secrets';

export const SESSION_DAYS = 30;

/** The cookie that carries a sign-in, read by the REST routes and the agent sockets alike. */
export const SESSION_COOKIE = 'earshot_session';

/** Public view of an agent: never the password hash. */
export function toAgent(a: AgentRow): Agent {
  return { id: a.id, email: a.email, name: a.name, role: a.role };
}

/** The first admin a start reports: created now, or still waiting for its generated password's first use. */
export interface FirstAdmin {
  email: string;
  /** The generated password, until someone signs in with it; null when it came from the environment. */
  generatedPassword: string | null;
  /** False when an earlier start created this admin and nobody has signed in with its password yet. */
  createdNow: boolean;
}

/**
 * Makes sure someone can sign in. A generated password is kept until its first use and returned
 * by every start until then, so a start that dies after creating the admin cannot lock anyone out.
 */
export async function ensureFirstAdmin(store: Store, opts: { email: string | null; password: string | null }): Promise<FirstAdmin | null> {
  if ((await store.countAgents()) > 0) return waitingAdmin(store);
  const email = opts.email ?? 'admin@earshot.local';
  const generatedPassword = opts.password ? null : newToken().slice(0, 16);
  const password = opts.password ?? generatedPassword!;
  const created = await store.createFirstAgent({
    id: nanoid(),
    email,
    name: email.split('@')[0]!.replace(/^\w/, (c) => c.toUpperCase()),
    role: 'admin',
    passwordHash: await hashPassword(password),
    initialPassword: generatedPassword,
    createdAt: new Date().toISOString(),
  });
  // Another node starting at the same instant made the first admin: report theirs.
  if (!created) return waitingAdmin(store);
  return { email, generatedPassword, createdNow: true };
}

async function waitingAdmin(store: Store): Promise<FirstAdmin | null> {
  const waiting = (await store.listAgents()).find((a) => a.initialPassword);
  return waiting ? { email: waiting.email, generatedPassword: waiting.initialPassword!, createdNow: false } : null;
}

/** Checks credentials and opens a session; the returned token goes into the cookie only. */
export async function signIn(store: Store, email: string, password: string): Promise<{ agent: Agent; token: string; expires: Date }> {
  const agent = await store.getAgentByEmail(email);
  // Hash even for an unknown email, so timing does not tell which emails exist.
  const ok = await verifyPassword(password, agent?.passwordHash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAA');
  if (!agent || !ok) throw new AppError('bad_credentials', 'Wrong email or password.');
  if (agent.deactivatedAt) throw new AppError('account_deactivated', 'This account has been deactivated. Ask an admin to reactivate it.');
  // The generated first password has done its job: later starts stop printing it.
  if (agent.initialPassword) await store.clearInitialPassword(agent.id);
  const token = newToken();
  const expires = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  // Sessions nobody signed out of would otherwise stay forever; a sign-in is a fine time to sweep.
  await store.deleteExpiredSessions();
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
  // Expired ones are not found (by the store's clock, which nodes share); the sweep deletes them.
  const session = await store.getSession(hashToken(token));
  if (!session) return null;
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
