// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { TeamScreen } from '../../../console/team/team-screen';
import { ADMIN_AGENT, fakeTeamApi, member } from './fake-team-api';

afterEach(cleanup);

const petra = member({ id: 'p1', name: 'Petra', email: 'petra@shop.test', role: 'agent' });

describe('TeamScreen', () => {
  it('tells an agent the page is for admins and asks the server for nothing', () => {
    const api = fakeTeamApi();
    render(<TeamScreen api={api} agent={{ ...ADMIN_AGENT, role: 'agent' }} />);
    expect(screen.getByRole('note').textContent).toMatch(/Only admins can manage the team/);
    expect(api.team).not.toHaveBeenCalled();
  });

  it('lists agents with their role and status, marking the signed-in one as you', async () => {
    render(
      <TeamScreen
        api={fakeTeamApi({ agents: [member(), { ...petra, active: false }], invites: [], emailEnabled: false })}
        agent={ADMIN_AGENT}
      />,
    );
    const rows = await screen.findAllByRole('row');
    expect(within(rows[1]!).getByRole('rowheader').textContent).toBe('Owner (you)');
    expect(within(rows[2]!).getByText('Deactivated')).toBeTruthy();
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Role of Petra' }).value).toBe('agent');
    expect(screen.getByRole('button', { name: 'Reactivate Petra' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Deactivate Owner' })).toBeNull();
  });

  it('without email shows the invitation link to copy and says nothing was sent', async () => {
    const api = fakeTeamApi();
    render(<TeamScreen api={api} agent={ADMIN_AGENT} />);
    fireEvent.input(await screen.findByRole('textbox', { name: 'Email' }), { target: { value: 'petra@shop.test' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Role' }), { target: { value: 'admin' } });
    fireEvent.click(screen.getByRole('button', { name: 'Invite' }));
    const link = await screen.findByRole<HTMLInputElement>('textbox', { name: 'Invitation link for petra@shop.test' });
    expect(link.value).toBe('http://x.test/console/invite/tok');
    expect(api.invite).toHaveBeenCalledWith('petra@shop.test', 'admin');
    expect(screen.getByRole('group', { name: 'Invitation link for petra@shop.test' }).textContent).toMatch(/nothing was sent/);
  });

  it('with email says where the invitation went and shows no link', async () => {
    const api = fakeTeamApi({ agents: [member()], invites: [], emailEnabled: true });
    api.invite.mockResolvedValueOnce({
      ok: true,
      data: {
        invite: { id: 'i', email: 'p@shop.test', role: 'agent', createdAt: '', expiresAt: '2026-12-10T10:00:00Z' },
        link: null as never,
        emailed: true,
        expiresAt: '2026-12-10T10:00:00Z',
      },
    });
    render(<TeamScreen api={api} agent={ADMIN_AGENT} />);
    fireEvent.input(await screen.findByRole('textbox', { name: 'Email' }), { target: { value: 'p@shop.test' } });
    fireEvent.click(screen.getByRole('button', { name: 'Invite' }));
    expect((await screen.findByText(/Emailed a one-time link to p@shop.test/)).getAttribute('role')).toBe('status');
    expect(screen.queryByRole('textbox', { name: /Invitation link/ })).toBeNull();
  });

  it("shows the server's refusal of an invitation beside the form", async () => {
    const api = fakeTeamApi();
    api.invite.mockResolvedValueOnce({ ok: false, code: 'email_taken', message: 'petra@shop.test already has an account.' } as never);
    render(<TeamScreen api={api} agent={ADMIN_AGENT} />);
    fireEvent.input(await screen.findByRole('textbox', { name: 'Email' }), { target: { value: 'petra@shop.test' } });
    fireEvent.click(screen.getByRole('button', { name: 'Invite' }));
    expect((await screen.findByRole('alert')).textContent).toBe('petra@shop.test already has an account.');
  });

  it('deactivates only after a confirmation, and can cancel', async () => {
    const api = fakeTeamApi({ agents: [member(), petra], invites: [], emailEnabled: false });
    render(<TeamScreen api={api} agent={ADMIN_AGENT} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Deactivate Petra' }));
    const confirm = screen.getByRole('group', { name: 'Confirm deactivating Petra' });
    // Focus follows the question and comes back with the button, never dropping to the page.
    await waitFor(() => expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Cancel' })));
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(api.changeMember).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Deactivate Petra' })));
    fireEvent.click(screen.getByRole('button', { name: 'Deactivate Petra' }));
    fireEvent.click(within(screen.getByRole('group', { name: 'Confirm deactivating Petra' })).getByRole('button', { name: 'Deactivate' }));
    await waitFor(() => expect(api.changeMember).toHaveBeenCalledWith('p1', { active: false }));
    expect((await screen.findByText(/Petra is deactivated/)).getAttribute('role')).toBe('status');
  });

  it('says why the last admin cannot be demoted', async () => {
    const api = fakeTeamApi({ agents: [member(), petra], invites: [], emailEnabled: false });
    api.changeMember.mockResolvedValueOnce({ ok: false, code: 'last_admin', message: 'This is the last active admin.' } as never);
    render(<TeamScreen api={api} agent={ADMIN_AGENT} />);
    fireEvent.change(await screen.findByRole('combobox', { name: 'Role of Owner' }), { target: { value: 'agent' } });
    expect((await screen.findByRole('alert')).textContent).toBe('This is the last active admin.');
  });

  it('renews and revokes pending invitations', async () => {
    const invite = {
      id: 'i9',
      email: 'late@shop.test',
      role: 'agent' as const,
      createdAt: '2026-12-01T10:00:00Z',
      expiresAt: '2026-12-08T10:00:00Z',
    };
    const api = fakeTeamApi({ agents: [member()], invites: [invite], emailEnabled: false });
    render(<TeamScreen api={api} agent={ADMIN_AGENT} />);
    fireEvent.click(await screen.findByRole('button', { name: 'New link for late@shop.test' }));
    expect((await screen.findByRole<HTMLInputElement>('textbox', { name: 'Invitation link for late@shop.test' })).value).toBe(
      'http://x.test/console/invite/tok2',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Revoke the invitation for late@shop.test' }));
    await waitFor(() => expect(api.revokeInvite).toHaveBeenCalledWith('i9'));
    expect(await screen.findByText(/its link no longer works/)).toBeTruthy();
  });

  it('makes a reset link for an agent to copy', async () => {
    render(<TeamScreen api={fakeTeamApi({ agents: [member(), petra], invites: [], emailEnabled: false })} agent={ADMIN_AGENT} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Reset link for Petra' }));
    expect((await screen.findByRole<HTMLInputElement>('textbox', { name: 'Password reset link for petra@shop.test' })).value).toBe(
      'http://x.test/console/reset/tok',
    );
  });
});
