import type { Agent, LinkResult, PendingInvite, TeamMember } from '../../protocol/types';
import { call, type RestResult } from './rest';

/** The Team page's data. */
export interface TeamData {
  agents: TeamMember[];
  invites: PendingInvite[];
  emailEnabled: boolean;
}

export type Role = 'admin' | 'agent';

/** The console's calls for the team, the agent's own account and the one-time link pages. */
export interface TeamApi {
  team(): Promise<RestResult<TeamData>>;
  invite(email: string, role: Role): Promise<RestResult<{ invite: PendingInvite } & LinkResult>>;
  renewInvite(id: string): Promise<RestResult<{ invite: PendingInvite } & LinkResult>>;
  revokeInvite(id: string): Promise<RestResult<null>>;
  changeMember(id: string, patch: { role?: Role; active?: boolean }): Promise<RestResult<TeamMember>>;
  resetLink(id: string): Promise<RestResult<LinkResult>>;
  rename(name: string): Promise<RestResult<Agent>>;
  changePassword(current: string, password: string): Promise<RestResult<{ endedSessions: number }>>;
  inviteInfo(token: string): Promise<RestResult<{ email: string; role: Role; minPassword: number }>>;
  acceptInvite(token: string, name: string, password: string): Promise<RestResult<Agent>>;
  forgotInfo(): Promise<RestResult<{ emailEnabled: boolean }>>;
  forgot(email: string): Promise<RestResult<{ message: string }>>;
  resetInfo(token: string): Promise<RestResult<{ email: string; minPassword: number }>>;
  reset(token: string, password: string): Promise<RestResult<Agent>>;
}

/** REST adapter over `fetch` on the console's own origin. */
export function createTeamApi(fetcher: typeof fetch = (...a) => fetch(...a)): TeamApi {
  const json = (method: string, body: unknown): RequestInit => ({
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const t = encodeURIComponent;
  return {
    team: () => call(fetcher, '/api/team'),
    invite: (email, role) => call(fetcher, '/api/team/invites', json('POST', { email, role })),
    renewInvite: (id) => call(fetcher, `/api/team/invites/${t(id)}/renew`, json('POST', {})),
    revokeInvite: (id) => call(fetcher, `/api/team/invites/${t(id)}`, { method: 'DELETE' }),
    changeMember: (id, patch) => call(fetcher, `/api/team/agents/${t(id)}`, json('PATCH', patch)),
    resetLink: (id) => call(fetcher, `/api/team/agents/${t(id)}/reset-link`, json('POST', {})),
    rename: (name) => call(fetcher, '/api/account', json('PATCH', { name })),
    changePassword: (current, password) => call(fetcher, '/api/account/password', json('POST', { current, password })),
    inviteInfo: (token) => call(fetcher, `/api/auth/invite/${t(token)}`),
    acceptInvite: (token, name, password) => call(fetcher, `/api/auth/invite/${t(token)}`, json('POST', { name, password })),
    forgotInfo: () => call(fetcher, '/api/auth/forgot'),
    forgot: (email) => call(fetcher, '/api/auth/forgot', json('POST', { email })),
    resetInfo: (token) => call(fetcher, `/api/auth/reset/${t(token)}`),
    reset: (token, password) => call(fetcher, `/api/auth/reset/${t(token)}`, json('POST', { password })),
  };
}
