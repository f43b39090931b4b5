import type { ConversationSummary } from '../../protocol/types';
import { conversationPath } from '../app/route';
import { shortAgo } from '../format/time';
import { StatusBadge } from '../inbox/status-badge';
import { inApp } from '../app/in-app';

export interface VisitorHistoryProps {
  history: ConversationSummary[];
  now: number;
  onOpen(id: string): void;
}

/** The same visitor's other conversations, each a link that opens it. */
export function VisitorHistory({ history, now, onOpen }: VisitorHistoryProps) {
  return (
    <section class="history" aria-labelledby="history-title">
      <h3 id="history-title">Other conversations</h3>
      {history.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <ul>
          {history.map((h) => (
            <li key={h.id}>
              <a href={conversationPath(h.id)} onClick={inApp(() => onOpen(h.id))}>
                <span class="history-top">
                  <StatusBadge status={h.status} />
                  <time dateTime={h.updatedAt}>{shortAgo(h.updatedAt, now)}</time>
                </span>
                <span class="history-preview">{h.lastMessage?.text.replace(/\s+/g, ' ') ?? 'No messages'}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
