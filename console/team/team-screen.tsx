import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Agent, LinkResult, PendingInvite, TeamMember } from '../../protocol/types';
import type { RestResult } from '../net/rest';
import type { Role, TeamApi, TeamData } from '../net/team-api';
import { InviteForm } from './invite-form';
import { LinkBox } from './link-box';
import { PendingInvites } from './pending-invites';
import { TeamList } from './team-list';
import { FormMessages } from '../format/form-messages';

export interface TeamScreenProps {
  api: TeamApi;
  agent: Agent | null;
}

/** The last link made, to show (or say where it was emailed). */
interface Made {
  label: string;
  to: string;
  result: LinkResult;
}

/** Connector of the Team page: admins invite, change roles, deactivate and make reset links; others are told it is for admins. */
export function TeamScreen({ api, agent }: TeamScreenProps) {
  const [team, setTeam] = useState<TeamData | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [inviteError, setInviteError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [made, setMade] = useState<Made | null>(null);
  const isAdmin = agent?.role === 'admin';

  const load = useCallback(async () => {
    const r = await api.team();
    if (r.ok) setTeam(r.data);
    else setLoadError(r.message);
  }, [api]);
  useEffect(() => {
    if (isAdmin) void load();
  }, [isAdmin, load]);

  if (!isAdmin) {
    return (
      <main class="settings" aria-labelledby="team-title">
        <h2 id="team-title">Team</h2>
        <p class="set-readonly" role="note">
          Only admins can manage the team. Ask an admin to invite someone or change a role.
        </p>
      </main>
    );
  }
  if (!team) {
    return (
      <main class="conversation conversation-empty" aria-label="Team">
        {loadError ? <p role="alert">{loadError}</p> : <p role="status">Loading the team…</p>}
      </main>
    );
  }

  /** Runs one action; on success shows `done` and reloads the team. */
  const act = async <T,>(run: () => Promise<RestResult<T>>, done: (data: T) => string | null, onError = setError): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setInviteError(null);
    setNotice(null);
    const r = await run();
    setBusy(false);
    if (!r.ok) {
      onError(r.message);
      return false;
    }
    setNotice(done(r.data));
    await load();
    return true;
  };

  const invite = (email: string, role: Role) =>
    act(
      () => api.invite(email, role),
      (d) => (setMade({ label: `Invitation link for ${email}`, to: email, result: d }), null),
      setInviteError,
    );
  const renew = (i: PendingInvite) =>
    void act(
      () => api.renewInvite(i.id),
      (d) => (setMade({ label: `Invitation link for ${i.email}`, to: i.email, result: d }), null),
    );
  const revoke = (i: PendingInvite) =>
    void act(
      () => api.revokeInvite(i.id),
      () => (setMade(null), `The invitation for ${i.email} is revoked: its link no longer works.`),
    );
  const role = (a: TeamMember, next: Role) =>
    void act(
      () => api.changeMember(a.id, { role: next }),
      () => `${a.name} is now ${next === 'admin' ? 'an admin' : 'an agent'}.`,
    );
  const active = (a: TeamMember, next: boolean) =>
    void act(
      () => api.changeMember(a.id, { active: next }),
      () => (next ? `${a.name} is active again and can sign in.` : `${a.name} is deactivated and signed out everywhere.`),
    );
  const resetLink = (a: TeamMember) =>
    void act(
      () => api.resetLink(a.id),
      (d) => (setMade({ label: `Password reset link for ${a.email}`, to: a.email, result: d }), null),
    );

  return (
    <main class="settings team" aria-labelledby="team-title">
      <header class="set-head">
        <h2 id="team-title">Team</h2>
      </header>
      <FormMessages error={error} notice={notice} />
      {made && <LinkBox label={made.label} to={made.to} result={made.result} />}
      <InviteForm busy={busy} error={inviteError} emailEnabled={team.emailEnabled} onInvite={invite} />
      <PendingInvites invites={team.invites} emailEnabled={team.emailEnabled} busy={busy} onRenew={renew} onRevoke={revoke} />
      <TeamList agents={team.agents} selfId={agent?.id ?? null} busy={busy} onRole={role} onActive={active} onResetLink={resetLink} />
    </main>
  );
}
