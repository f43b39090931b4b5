import { useState } from 'preact/hooks';
import { SignInCard } from '../format/busy-form';
import { TextField } from '../format/text-field';
import { Alert } from '../format/form-messages';

export interface SignInFormProps {
  busy: boolean;
  /** The server's message for the last failed attempt. */
  error: string | null;
  /** Why the agent is here, e.g. an expired session. */
  notice: string | null;
  onSubmit(email: string, password: string): void;
  /** Opens "Forgot password?". */
  onForgot?(): void;
}

/** The sign-in screen: email, password, and the server's answer when it says no. */
export function SignInForm({ busy, error, notice, onSubmit, onForgot }: SignInFormProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  return (
    <SignInCard titleId="signin-title" title="Earshot console" busy={busy} onSubmit={() => onSubmit(email.trim(), password)}>
      {notice && !error && (
        <p class="signin-notice" role="status">
          {notice}
        </p>
      )}
      <TextField label="Email" type="email" name="email" autocomplete="username" required value={email} onValue={setEmail} />
      <TextField
        label="Password"
        type="password"
        name="password"
        autocomplete="current-password"
        required
        value={password}
        onValue={setPassword}
      />
      <Alert class="signin-error" text={error} />
      <button type="submit" class="btn btn-primary" disabled={busy}>
        Sign in
      </button>
      {onForgot && (
        <button type="button" class="btn btn-quiet" onClick={onForgot}>
          Forgot password?
        </button>
      )}
    </SignInCard>
  );
}
