import type { VisitorProfile } from '../../protocol/types';

/** How a reply sent now reaches the visitor, when not at once in their open chat; null while they are there. */
export function replyReach(visitor: Pick<VisitorProfile, 'online' | 'email' | 'sendsEmail'>): string | null {
  if (visitor.online) return null;
  if (!visitor.sendsEmail) return 'The visitor is offline and this server sends no email: they see your reply when they come back.';
  if (!visitor.email) return 'The visitor is offline and left no email address: they see your reply when they come back.';
  return `The visitor is offline: your reply is emailed to ${visitor.email}, and waits in their chat too.`;
}

/** The note by the reply box telling the agent that a reply will not be seen at once. */
export function ReplyReach({ visitor }: { visitor: VisitorProfile | null }) {
  const text = visitor && replyReach(visitor);
  return (
    <p class="reply-reach" aria-live="polite">
      {text}
    </p>
  );
}
