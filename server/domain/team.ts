import { nanoid } from 'nanoid';
import type { LinkResult, PendingInvite, TeamMember } from '../../protocol/types';
import { inviteEmail } from '../email/team-emails';
import type { EmailService } from '../email/email-service';
import { AppError, found } from '../errors';
import type { AgentRow, AgentTokenRow, Store } from '../store/types';
import { toAgent } from './agents';
import { INVITE_DAYS, issueLink, linkError, linkFor, newSession, usableLink } from './links';
import { hashPassword, hashToken } from './secrets';

/** An agent as the Team page shows them. */
export function toMember(a: AgentRow): TeamMember {
  return { ...toAgent(a), active: !a.deactivatedAt, createdAt: a.createdAt };
}

/** A pending invitation, without its link (only the hash is kept). */
export function toInvite(t: AgentTokenRow): PendingInvite {
  return { id: t.id, email: t.email, role: t.role ?? 'agent', createdAt: t.createdAt, expiresAt: t.expiresAt };
}

/** Everyone on the team and the invitations still open. */
export async function listTeam(store: Store): Promise<{ agents: TeamMember[]; invites: PendingInvite[] }> {
  const [agents, invites] = await Promise.all([store.listAllAgents(), store.listPendingInvites(new Date().toISOString())]);
  return { agents: agents.map(toMember), invites: invites.map(toInvite) };
}

/** Emails a one-time link when SMTP is set up; otherwise hands it back to be shown and copied. */
export async function deliverLink(
  email: EmailService,
  to: string,
  link: string,
  expiresAt: string,
  mail: { subject: string; text: string },
): Promise<LinkResult> {
  if (!email.enabled) return { link, emailed: false, expiresAt };
  await email.queue({ to, ...mail, secret: true });
  return { link: null, emailed: true, expiresAt };
}

/** Invites `email` with a role; a newer invitation for the same email replaces the pending one. */
export async function invite(
  deps: { store: Store; email: EmailService },
  admin: AgentRow,
  input: { email: string; role: 'admin' | 'agent' },
  linkBase: string,
): Promise<{ invite: PendingInvite } & LinkResult> {
  const existing = await deps.store.getAgentByEmail(input.email);
  if (existing) {
    const hint = existing.deactivatedAt ? ' It is deactivated: reactivate it in the list below instead.' : '';
    throw new AppError('email_taken', `${input.email} already has an account.${hint}`, 'email');
  }
  const { token, row } = await issueLink(
    deps.store,
    { kind: 'invite', email: input.email, role: input.role, agentId: null, createdBy: admin.id },
    INVITE_DAYS * 86_400_000,
  );
  const link = linkFor(linkBase, 'invite', token);
  const sent = await deliverLink(
    deps.email,
    row.email,
    link,
    row.expiresAt,
    inviteEmail({ inviter: admin.name, role: input.role, link, expiresAt: row.expiresAt }),
  );
  return { invite: toInvite(row), ...sent };
}

/** A new link for a pending invitation (the old one stops working). */
export async function renewInvite(deps: { store: Store; email: EmailService }, admin: AgentRow, id: string, linkBase: string) {
  const t = found(await deps.store.getAgentTokenById(id), 'No such invitation.');
  if (t.kind !== 'invite' || t.usedAt) throw new AppError('not_found', 'This invitation has been accepted or does not exist.');
  return invite(deps, admin, { email: t.email, role: t.role ?? 'agent' }, linkBase);
}

/** Withdraws a pending invitation: its link stops working at once. */
export async function revokeInvite(store: Store, id: string): Promise<void> {
  const t = await store.getAgentTokenById(id);
  if (!t || t.kind !== 'invite') throw new AppError('not_found', 'No such invitation.');
  if (!(await store.revokeAgentToken(id, new Date().toISOString())))
    throw new AppError('not_found', 'This invitation was accepted or withdrawn already.');
}

/** What the invitation page shows before the invitee chooses a name and password. */
export async function inviteInfo(store: Store, token: string): Promise<{ email: string; role: 'admin' | 'agent' }> {
  const t = await usableLink(store, 'invite', token);
  if (await store.getAgentByEmail(t.email)) throw linkError('invite', 'email_taken', t.email);
  return { email: t.email, role: t.role ?? 'agent' };
}

/** Creates the invited agent, consumes the invitation and signs them in, all or nothing. */
export async function acceptInvite(store: Store, token: string, input: { name: string; password: string }) {
  const session = newSession();
  const now = new Date().toISOString();
  const used = await store.acceptInvite(
    hashToken(token),
    { id: nanoid(), name: input.name, passwordHash: await hashPassword(input.password), createdAt: now },
    session.row,
    now,
  );
  if (!used.ok) throw linkError('invite', used.problem, (await store.getAgentToken(hashToken(token)))?.email);
  return { agent: toAgent(used.agent), token: session.token, expires: session.expires };
}

/** An admin changes someone's role or (de)activates them; never leaves the team without an active admin. */
export async function changeMember(
  store: Store,
  id: string,
  patch: { role?: 'admin' | 'agent'; active?: boolean },
): Promise<{ before: AgentRow; after: AgentRow }> {
  const before = found(await store.getAgent(id), 'No such agent.');
  const deactivatedAt = patch.active === undefined ? undefined : patch.active ? null : (before.deactivatedAt ?? new Date().toISOString());
  const after = await store.updateAgent(id, { role: patch.role, deactivatedAt });
  if (after === 'last_admin') {
    throw new AppError(
      'last_admin',
      'This is the last active admin: make someone else an admin first, so someone can still manage the team.',
    );
  }
  return { before, after: found(after, 'No such agent.') };
}

/** Changes the agent's own display name: what visitors see on their next messages. */
export async function rename(store: Store, agent: AgentRow, name: string): Promise<AgentRow> {
  const after = await store.updateAgent(agent.id, { name });
  if (after === 'last_admin' || !after) throw new AppError('not_found', 'No such agent.');
  return after;
}
