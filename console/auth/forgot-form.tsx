import { useEffect, useState } from 'preact/hooks';
import type { TeamApi } from '../net/team-api';
import { SignInCard } from '../format/busy-form';
import { TextField } from '../format/text-field';

export interface ForgotFormProps {
  api: Pick<TeamApi, 'forgot' | 'forgotInfo'>;
  onBack(): void;
}

const NO_EMAIL =
  'This server cannot send email. Ask an admin for a reset link (Team page), or, on the server, run: npm run ' +
  'admin -- reset-password YOUR-EMAIL';

/** "Forgot password?": asks for the email and sends a reset link; without email on the server, says who can help. */
export function ForgotForm({ api, onBack }: ForgotFormProps) {
  const [emailEnabled, setEmailEnabled] = useState<boolean | null>(null);
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    void api.forgotInfo().then((r) => setEmailEnabled(r.ok ? r.data.emailEnabled : true));
  }, [api]);
  const submit = async () => {
    setBusy(true);
    const r = await api.forgot(email.trim());
    setBusy(false);
    setAnswer(r.ok ? { ok: true, text: r.data.message } : { ok: false, text: r.message });
  };
  return (
    <SignInCard titleId="forgot-title" title="Forgot password" busy={busy} onSubmit={() => void submit()}>
      {emailEnabled === false ? (
        <p class="signin-notice" role="note">
          {NO_EMAIL}
        </p>
      ) : (
        <>
          <p class="signin-notice">We email you a link to choose a new password. It works once, for an hour.</p>
          <TextField label="Email" type="email" name="email" autocomplete="username" required value={email} onValue={setEmail} />
          {answer && (
            <p class={answer.ok ? 'signin-notice' : 'signin-error'} role={answer.ok ? 'status' : 'alert'}>
              {answer.text}
            </p>
          )}
          <button type="submit" class="btn btn-primary" disabled={busy || emailEnabled === null}>
            Send reset link
          </button>
        </>
      )}
      <button type="button" class="btn btn-quiet" onClick={onBack}>
        Back to sign in
      </button>
    </SignInCard>
  );
}
