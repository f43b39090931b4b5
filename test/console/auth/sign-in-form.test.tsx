// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignInForm } from '../../../console/auth/sign-in-form';

afterEach(cleanup);

describe('SignInForm', () => {
  it('submits the email and password typed in', () => {
    const onSubmit = vi.fn();
    render(<SignInForm busy={false} error={null} notice={null} onSubmit={onSubmit} />);
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: ' agent@example.com ' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(onSubmit).toHaveBeenCalledWith('agent@example.com', 'secret');
  });

  it('shows the error as an alert', () => {
    render(<SignInForm busy={false} error="Wrong email or password." notice={null} onSubmit={() => {}} />);
    expect(screen.getByRole('alert').textContent).toBe('Wrong email or password.');
  });

  it('cannot be submitted twice while signing in', () => {
    const onSubmit = vi.fn();
    render(<SignInForm busy error={null} notice={null} onSubmit={onSubmit} />);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Sign in' }).disabled).toBe(true);
  });
});
