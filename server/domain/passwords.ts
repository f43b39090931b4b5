import type { LinkResult } from '../../protocol/types';
import type { EmailService } from '../email/email-service';
import { resetEmail } from '../email/team-emails';
import { AppError } from '../errors';
import type { AgentRow, Store } from '../store/types';
import { toAgent } from './agents';
import { issueLink, linkError, linkFor, newSession, RESET_MINUTES, usableLink } from './links';
import { hashPassword, hashToken, verifyPassword } from './secrets';
import { deliverLink } from './team';

/** Changes the agent's own password; every other session of theirs ends, `keepSession` stays. Returns the ended sessions. */
export async function changePassword(
  store: Store,
  agent: AgentRow,
  current: string,
  next: string,
  keepSession: string | null,
): Promise<string[]> {
  if (!(await verifyPassword(current, agent.passwordHash)))
    throw new AppError('bad_credentials', 'The current password is not right.', 'current');
  return store.setAgentPassword(agent.id, await hashPassword(next), keepSession);
}

/** A new one-time reset link for an agent, as a token (shown or sent once). */
export async function newResetToken(
  store: Store,
  agent: AgentRow,
  createdBy: string | null,
): Promise<{ token: string; expiresAt: string }> {
  const { token, row } = await issueLink(
    store,
    { kind: 'reset', email: agent.email, role: null, agentId: agent.id, createdBy },
    RESET_MINUTES * 60_000,
  );
  return { token, expiresAt: row.expiresAt };
}

/** An admin's reset link for an agent: emailed when SMTP is set up, otherwise handed back to copy. */
export async function adminResetLink(
  deps: { store: Store; email: EmailService },
  admin: AgentRow,
  agent: AgentRow,
  linkBase: string,
): Promise<LinkResult> {
  if (agent.deactivatedAt) throw linkError('reset', 'deactivated');
  const { token, expiresAt } = await newResetToken(deps.store, agent, admin.id);
  const link = linkFor(linkBase, 'reset', token);
  return deliverLink(deps.email, agent.email, link, expiresAt, resetEmail({ link, expiresAt }));
}

/**
 * "Forgot password": emails a reset link when the address belongs to an active agent, and does
 * nothing otherwise. The caller answers the same either way, so nobody learns which emails exist.
 */
export async function requestReset(deps: { store: Store; email: EmailService }, email: string, linkBase: string): Promise<void> {
  if (!deps.email.enabled) {
    throw new AppError(
      'email_not_configured',
      'This server cannot send email. Ask an admin for a reset link, or run `npm run admin -- reset-password EMAIL` on the server.',
    );
  }
  const agent = await deps.store.getAgentByEmail(email);
  if (!agent || agent.deactivatedAt) return;
  const { token, expiresAt } = await newResetToken(deps.store, agent, null);
  const link = linkFor(linkBase, 'reset', token);
  await deps.email.queue({ to: agent.email, ...resetEmail({ link, expiresAt }), secret: true });
}

/** What the reset page shows before the new password is chosen. */
export async function resetInfo(store: Store, token: string): Promise<{ email: string }> {
  const t = await usableLink(store, 'reset', token);
  return { email: t.email };
}

/** Sets the new password of a reset link, ends the agent's other sessions and signs them in here, all or nothing. */
export async function useResetLink(store: Store, token: string, password: string) {
  const session = newSession();
  const used = await store.useResetToken(hashToken(token), await hashPassword(password), session.row, new Date().toISOString());
  if (!used.ok) throw linkError('reset', used.problem);
  return { agent: toAgent(used.agent), token: session.token, expires: session.expires, ended: used.ended };
}
