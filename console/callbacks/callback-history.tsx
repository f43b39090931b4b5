import type { CallbackAttempt, ConversationSummary } from '../../protocol/types';
import { conversationPath } from '../app/route';
import { dayTimeInZone, fullDateTime } from '../format/time';
import { StatusBadge } from '../inbox/status-badge';
import { ATTEMPT_LABEL } from './labels';
import { inApp } from '../app/in-app';

/** Every call and reschedule so far, oldest first. */
export function AttemptList({ attempts, timeZone, locale }: { attempts: CallbackAttempt[]; timeZone?: string; locale?: string }) {
  if (attempts.length === 0) return <p class="muted">No calls yet.</p>;
  return (
    <ol class="cb-attempts">
      {attempts.map((a) => (
        <li key={a.id}>
          <span class="cb-attempt-outcome">{ATTEMPT_LABEL[a.outcome]}</span>
          {a.outcome === 'rescheduled' && a.dueAt && <span> to {dayTimeInZone(a.dueAt, timeZone, locale)}</span>}
          <span class="muted">
            {' '}
            · {a.agentName} · <time dateTime={a.createdAt}>{fullDateTime(a.createdAt, locale)}</time>
          </span>
          {a.note && <p class="cb-attempt-note">{a.note}</p>}
        </li>
      ))}
    </ol>
  );
}

/** The same visitor's chats, each a link into the conversation, so the agent knows who is calling. */
export function VisitorChats({ conversations, onOpen }: { conversations: ConversationSummary[]; onOpen(id: string): void }) {
  if (conversations.length === 0) return <p class="muted">No chats with this visitor.</p>;
  return (
    <ul class="cb-chats">
      {conversations.map((c) => (
        <li key={c.id}>
          <a href={conversationPath(c.id)} onClick={inApp(() => onOpen(c.id))}>
            <StatusBadge status={c.status} /> <span>{c.lastMessage?.text.replace(/\s+/g, ' ') ?? 'No messages'}</span>
          </a>
          <span class="muted">
            {' '}
            <time dateTime={c.updatedAt}>{fullDateTime(c.updatedAt)}</time>
          </span>
        </li>
      ))}
    </ul>
  );
}
