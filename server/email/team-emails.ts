/** Emails to agents about their account: an invitation and a password reset link. Plain text. */

const until = (iso: string) => new Date(iso).toUTCString().replace(/:\d\d GMT$/, ' UTC');

/** An invitation to join the team in the Earshot console. */
export function inviteEmail(p: { inviter: string; role: 'admin' | 'agent'; link: string; expiresAt: string }) {
  const role = p.role === 'admin' ? 'an admin' : 'an agent';
  const text = [
    `${p.inviter} invites you to answer chats in the Earshot console, as ${role}.`,
    '',
    'Choose your name and password here:',
    p.link,
    '',
    `The link works once, until ${until(p.expiresAt)}.`,
    'If you did not expect this, ignore this email.',
  ].join('\n');
  return { subject: 'You are invited to the Earshot console', text };
}

/** A one-time link to choose a new password. */
export function resetEmail(p: { link: string; expiresAt: string }) {
  const text = [
    'Someone asked for a new password for your Earshot console account.',
    '',
    'Choose a new password here:',
    p.link,
    '',
    `The link works once, until ${until(p.expiresAt)}. Using it signs you out everywhere else.`,
    'If it was not you, ignore this email: your password stays as it is.',
  ].join('\n');
  return { subject: 'Your Earshot password', text };
}
