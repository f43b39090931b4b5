// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccountScreen } from '../../../console/account/account-screen';
import { ForgotForm } from '../../../console/auth/forgot-form';
import { LinkPage } from '../../../console/auth/link-page';
import { SignInForm } from '../../../console/auth/sign-in-form';
import { ADMIN_AGENT, fakeTeamApi } from './fake-team-api';

afterEach(cleanup);

describe('AccountScreen', () => {
  it('saves the display name and tells the shell about it', async () => {
    const api = fakeTeamApi();
    const onAgentUpdated = vi.fn();
    render(<AccountScreen api={api} agent={ADMIN_AGENT} onAgentUpdated={onAgentUpdated} />);
    fireEvent.input(screen.getByRole('textbox', { name: 'Name visitors see' }), { target: { value: ' Olga ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/Visitors see "Olga"/);
    expect(api.rename).toHaveBeenCalledWith('Olga');
    expect(onAgentUpdated).toHaveBeenCalledWith({ ...ADMIN_AGENT, name: 'Olga' });
  });

  it('changes the password with the current one and says the other sessions ended', async () => {
    const api = fakeTeamApi();
    render(<AccountScreen api={api} agent={ADMIN_AGENT} onAgentUpdated={() => {}} />);
    fireEvent.input(screen.getByLabelText('Current password'), { target: { value: 'old one' } });
    fireEvent.input(screen.getByLabelText('New password (at least 8 characters)'), { target: { value: 'new password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect((await screen.findByRole('status')).textContent).toBe('Password changed. Signed out 2 other sessions.');
    expect(api.changePassword).toHaveBeenCalledWith('old one', 'new password');
    expect(screen.getByLabelText<HTMLInputElement>('Current password').value).toBe('');
  });

  it('shows a wrong current password as an alert', async () => {
    const api = fakeTeamApi();
    api.changePassword.mockResolvedValueOnce({
      ok: false,
      code: 'bad_credentials',
      message: 'The current password is not right.',
    } as never);
    render(<AccountScreen api={api} agent={ADMIN_AGENT} onAgentUpdated={() => {}} />);
    fireEvent.input(screen.getByLabelText('Current password'), { target: { value: 'not it' } });
    fireEvent.input(screen.getByLabelText('New password (at least 8 characters)'), { target: { value: 'new password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The current password is not right.');
  });
});

describe('LinkPage', () => {
  it('accepts an invitation with a name and password and signs in', async () => {
    const api = fakeTeamApi();
    const onSignedIn = vi.fn();
    render(<LinkPage kind="invite" token="tok" api={api} onSignedIn={onSignedIn} onSignIn={() => {}} />);
    expect(await screen.findByText('You are invited as an agent with petra@shop.test.')).toBeTruthy();
    fireEvent.input(screen.getByRole('textbox', { name: 'Your name, as visitors see it' }), { target: { value: 'Petra' } });
    fireEvent.input(screen.getByLabelText('Password (at least 8 characters)'), { target: { value: 'long enough' } });
    fireEvent.click(screen.getByRole('button', { name: 'Join and sign in' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(expect.objectContaining({ name: 'Petra' })));
    expect(api.acceptInvite).toHaveBeenCalledWith('tok', 'Petra', 'long enough');
  });

  it('says so when the link was used already, with no form to fill', async () => {
    const api = fakeTeamApi();
    api.inviteInfo.mockResolvedValueOnce({ ok: false, code: 'link_used', message: 'This invitation has been used already.' } as never);
    render(<LinkPage kind="invite" token="tok" api={api} onSignedIn={() => {}} onSignIn={() => {}} />);
    expect((await screen.findByRole('alert')).textContent).toBe('This invitation has been used already.');
    expect(screen.queryByRole('button', { name: 'Join and sign in' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Go to sign in' })).toBeTruthy();
  });

  it('sets a new password from a reset link', async () => {
    const api = fakeTeamApi();
    const onSignedIn = vi.fn();
    render(<LinkPage kind="reset" token="rt" api={api} onSignedIn={onSignedIn} onSignIn={() => {}} />);
    fireEvent.input(await screen.findByLabelText('New password (at least 8 characters)'), { target: { value: 'brand new one' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(api.reset).toHaveBeenCalledWith('rt', 'brand new one');
  });
});

describe('Forgot password', () => {
  it('is offered on the sign-in form', () => {
    const onForgot = vi.fn();
    render(<SignInForm busy={false} error={null} notice={null} onSubmit={() => {}} onForgot={onForgot} />);
    fireEvent.click(screen.getByRole('button', { name: 'Forgot password?' }));
    expect(onForgot).toHaveBeenCalled();
  });

  it('sends the email and shows the answer that never says whether it exists', async () => {
    const api = fakeTeamApi();
    render(<ForgotForm api={api} onBack={() => {}} />);
    await waitFor(() => expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Send reset link' }).disabled).toBe(false));
    fireEvent.input(screen.getByRole('textbox', { name: 'Email' }), { target: { value: 'who@shop.test' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send reset link' }));
    expect((await screen.findByRole('status')).textContent).toBe('If who@shop.test has an account, a reset link is on its way.');
  });

  it('without email on the server says to ask an admin or use the CLI, and asks for nothing', async () => {
    const api = fakeTeamApi();
    api.forgotInfo.mockResolvedValueOnce({ ok: true, data: { emailEnabled: false } });
    render(<ForgotForm api={api} onBack={() => {}} />);
    expect((await screen.findByRole('note')).textContent).toMatch(/Ask an admin.*npm run admin -- reset-password/);
    expect(screen.queryByRole('textbox', { name: 'Email' })).toBeNull();
  });
});
