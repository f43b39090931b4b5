import { useState } from 'preact/hooks';

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
    <main class="signin">
      <form
        class="signin-card"
        aria-labelledby="signin-title"
        aria-busy={busy}
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) onSubmit(email.trim(), password);
        }}
      >
        <h1 id="signin-title">Earshot console</h1>
        {notice && !error && <p class="signin-notice" role="status">{notice}</p>}
        <label class="field">
          <span>Email</span>
          <input
            type="email"
            name="email"
            autocomplete="username"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>Password</span>
          <input
            type="password"
            name="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        {error && <p class="signin-error" role="alert">{error}</p>}
        <button type="submit" class="btn btn-primary" disabled={busy}>Sign in</button>
        {onForgot && <button type="button" class="btn btn-quiet" onClick={onForgot}>Forgot password?</button>}
      </form>
    </main>
  );
}
