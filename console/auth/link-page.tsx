import { useEffect, useState } from 'preact/hooks';
import type { Agent } from '../../protocol/types';
import type { TeamApi } from '../net/team-api';
import { SignInCard } from '../format/busy-form';
import { TextField } from '../format/text-field';
import { Alert } from '../format/form-messages';

export interface LinkPageProps {
  kind: 'invite' | 'reset';
  token: string;
  api: Pick<TeamApi, 'inviteInfo' | 'acceptInvite' | 'resetInfo' | 'reset'>;
  /** The link worked: the agent is signed in. */
  onSignedIn(agent: Agent): void;
  onSignIn(): void;
}

type Info = { email: string; role?: 'admin' | 'agent'; minPassword: number };

/** A one-time link's page, signed out: accept an invitation (name and password) or choose a new password. */
export function LinkPage({ kind, token, api, onSignedIn, onSignIn }: LinkPageProps) {
  const [info, setInfo] = useState<Info | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const invite = kind === 'invite';

  useEffect(() => {
    void (invite ? api.inviteInfo(token) : api.resetInfo(token)).then((r) => (r.ok ? setInfo(r.data) : setFatal(r.message)));
  }, [api, invite, token]);

  const submit = async () => {
    setBusy(true);
    setError(null);
    const r = invite ? await api.acceptInvite(token, name.trim(), password) : await api.reset(token, password);
    setBusy(false);
    if (r.ok) return onSignedIn(r.data);
    // A link that stopped working meanwhile is not worth another try.
    if (['link_used', 'link_expired', 'link_revoked', 'not_found', 'email_taken'].includes(r.code)) setFatal(r.message);
    else setError(r.message);
  };
  const title = invite ? 'Join the Earshot console' : 'Choose a new password';

  return (
    <SignInCard titleId="link-title" title={title} busy={busy} onSubmit={() => void submit()}>
      {fatal ? (
        <Alert class="signin-error" text={fatal} />
      ) : !info ? (
        <p role="status">Checking the link…</p>
      ) : (
        <>
          <p class="signin-notice">
            {invite
              ? `You are invited as ${info.role === 'admin' ? 'an admin' : 'an agent'} with ${info.email}.`
              : `For ${info.email}. Other sessions of this account sign out.`}
          </p>
          <input type="text" autocomplete="username" value={info.email} hidden readOnly />
          {invite && (
            <TextField
              label="Your name, as visitors see it"
              type="text"
              name="name"
              autocomplete="name"
              required
              maxLength={80}
              value={name}
              onValue={setName}
            />
          )}
          <TextField
            label={
              <>
                {invite ? 'Password' : 'New password'} (at least {info.minPassword} characters)
              </>
            }
            type="password"
            name="password"
            autocomplete="new-password"
            required
            minLength={info.minPassword}
            value={password}
            onValue={setPassword}
          />
          <Alert class="signin-error" text={error} />
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {invite ? 'Join and sign in' : 'Set password and sign in'}
          </button>
        </>
      )}
      <button type="button" class="btn btn-quiet" onClick={onSignIn}>
        Go to sign in
      </button>
    </SignInCard>
  );
}
