import { vi } from 'vitest';
import type { TeamMember } from '../../../protocol/types';
import type { TeamApi, TeamData } from '../../../console/net/team-api';

export const ADMIN_AGENT = { id: 'a1', email: 'owner@shop.test', name: 'Owner', role: 'admin' as const };

export const member = (over: Partial<TeamMember> = {}): TeamMember => ({
  ...ADMIN_AGENT,
  active: true,
  createdAt: '2026-12-01T10:00:00Z',
  ...over,
});

/** A TeamApi whose every call answers ok with plausible data, each a spy to inspect or override. */
export function fakeTeamApi(team: TeamData = { agents: [member()], invites: [], emailEnabled: false }) {
  const expiresAt = '2026-12-10T10:00:00Z';
  const invite = { id: 'i1', email: 'petra@shop.test', role: 'agent' as const, createdAt: '2026-12-03T10:00:00Z', expiresAt };
  const api = {
    team: vi.fn(async () => ({ ok: true as const, data: team })),
    invite: vi.fn(async () => ({
      ok: true as const,
      data: { invite, link: 'http://x.test/console/invite/tok', emailed: false, expiresAt },
    })),
    renewInvite: vi.fn(async () => ({
      ok: true as const,
      data: { invite, link: 'http://x.test/console/invite/tok2', emailed: false, expiresAt },
    })),
    revokeInvite: vi.fn(async () => ({ ok: true as const, data: null })),
    changeMember: vi.fn(async (id: string) => ({ ok: true as const, data: member({ id }) })),
    resetLink: vi.fn(async () => ({ ok: true as const, data: { link: 'http://x.test/console/reset/tok', emailed: false, expiresAt } })),
    rename: vi.fn(async (name: string) => ({ ok: true as const, data: { ...ADMIN_AGENT, name } })),
    changePassword: vi.fn(async () => ({ ok: true as const, data: { endedSessions: 2 } })),
    inviteInfo: vi.fn(async () => ({ ok: true as const, data: { email: 'petra@shop.test', role: 'agent' as const, minPassword: 8 } })),
    acceptInvite: vi.fn(async (_t: string, name: string) => ({
      ok: true as const,
      data: { id: 'p', email: 'petra@shop.test', name, role: 'agent' as const },
    })),
    forgotInfo: vi.fn(async () => ({ ok: true as const, data: { emailEnabled: true } })),
    forgot: vi.fn(async (email: string) => ({
      ok: true as const,
      data: { message: `If ${email} has an account, a reset link is on its way.` },
    })),
    resetInfo: vi.fn(async () => ({ ok: true as const, data: { email: 'petra@shop.test', minPassword: 8 } })),
    reset: vi.fn(async () => ({ ok: true as const, data: { id: 'p', email: 'petra@shop.test', name: 'Petra', role: 'agent' as const } })),
  } satisfies TeamApi;
  return api;
}
