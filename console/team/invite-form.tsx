import { useState } from 'preact/hooks';
import type { Role } from '../net/team-api';
import { Alert } from '../format/form-messages';
import { BusyForm } from '../format/busy-form';

export interface InviteFormProps {
  busy: boolean;
  error: string | null;
  emailEnabled: boolean;
  onInvite(email: string, role: Role): Promise<boolean>;
}

/** Invite someone by email with a role. */
export function InviteForm({ busy, error, emailEnabled, onInvite }: InviteFormProps) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('agent');
  return (
    <BusyForm
      class="team-invite"
      aria-labelledby="team-invite-title"
      busy={busy}
      onSubmit={() => void onInvite(email.trim(), role).then((ok) => ok && setEmail(''))}
    >
      <h3 id="team-invite-title">Invite someone</h3>
      <p class="muted">
        {emailEnabled
          ? 'They get an email with a one-time link, valid for 7 days.'
          : 'You get a one-time link (valid for 7 days) to hand over: this server sends no email.'}
      </p>
      <div class="team-invite-row">
        <label class="field">
          <span>Email</span>
          <input
            type="email"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'team-invite-error' : undefined}
          />
        </label>
        <label class="field">
          <span>Role</span>
          <select value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            <option value="agent">Agent: answers chats, callbacks, feedback</option>
            <option value="admin">Admin: also manages sites, team and settings</option>
          </select>
        </label>
        <button type="submit" class="btn btn-primary" disabled={busy}>
          Invite
        </button>
      </div>
      <Alert id="team-invite-error" class="field-error" text={error} />
    </BusyForm>
  );
}
