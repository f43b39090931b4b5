import type { ConversationStatus } from '../../protocol/types';

const LABEL: Record<ConversationStatus, string> = { pending: 'Pending', open: 'Open', resolved: 'Resolved' };
const HINT: Record<ConversationStatus, string> = {
  pending: 'Waiting for a first reply',
  open: 'An agent is on it',
  resolved: 'Done',
};

/** A conversation's status as a small labelled badge. */
export function StatusBadge({ status }: { status: ConversationStatus }) {
  return (
    <span class={`badge badge-${status}`} title={HINT[status]}>
      {LABEL[status]}
    </span>
  );
}
