import type { LinkResult } from '../../protocol/types';
import { CopyField } from '../format/copy-field';
import { formatUntil } from './when';

export interface LinkBoxProps {
  /** What the link is for, e.g. "Invitation link for petra@example.com". */
  label: string;
  result: LinkResult;
  /** Who the email went to, when it went. */
  to: string;
}

/**
 * A one-time link just made: with email on, says where it went; with email off, shows it to copy
 * and says so, since nobody else will send it.
 */
export function LinkBox({ label, result, to }: LinkBoxProps) {
  if (result.emailed || !result.link) {
    return (
      <p class="team-link" role="status">
        Emailed a one-time link to {to}. It works until {formatUntil(result.expiresAt)}.
      </p>
    );
  }
  const link = result.link;
  return (
    <div class="team-link" role="group" aria-label={label}>
      <p role="status">
        Email is not set up on this server (SMTP_URL), so nothing was sent: copy this link and give it to {to} yourself. It works once,
        until {formatUntil(result.expiresAt)}.
      </p>
      <CopyField label={label} value={link} button="Copy link" byHand="select the link and copy it by hand" />
    </div>
  );
}
