import type { PendingInvite } from '../../protocol/types';
import { formatUntil } from './when';

export interface PendingInvitesProps {
  invites: PendingInvite[];
  emailEnabled: boolean;
  busy: boolean;
  onRenew(invite: PendingInvite): void;
  onRevoke(invite: PendingInvite): void;
}

/** Invitations nobody accepted yet: their links are not kept, so "New link" replaces one. */
export function PendingInvites({ invites, emailEnabled, busy, onRenew, onRevoke }: PendingInvitesProps) {
  return (
    <section class="team-section" aria-labelledby="team-pending-title">
      <h3 id="team-pending-title">Pending invitations</h3>
      {invites.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <ul class="team-invites">
          {invites.map((i) => (
            <li key={i.id} class="team-invite-item">
              <span class="team-email">{i.email}</span>
              <span>{i.role === 'admin' ? 'Admin' : 'Agent'}</span>
              <span class="muted">until {formatUntil(i.expiresAt)}</span>
              <button
                type="button"
                class="btn btn-small"
                disabled={busy}
                aria-label={`${emailEnabled ? 'Re-send' : 'New link'} for ${i.email}`}
                onClick={() => onRenew(i)}
              >
                {emailEnabled ? 'Re-send' : 'New link'}
              </button>
              <button
                type="button"
                class="btn btn-small"
                disabled={busy}
                aria-label={`Revoke the invitation for ${i.email}`}
                onClick={() => onRevoke(i)}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
