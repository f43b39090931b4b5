import type { ConversationSummary } from '../../protocol/types';
import { conversationPath } from '../app/route';
import { fullDateTime, shortAgo } from '../format/time';
import { StatusBadge } from './status-badge';
import { inApp } from '../app/in-app';

export interface InboxRowProps {
  row: ConversationSummary;
  /** Named when there are several sites. */
  siteName?: string;
  selected: boolean;
  /** The visitor is typing in it right now. */
  typing: boolean;
  now: number;
  onOpen(id: string): void;
}

function preview(row: ConversationSummary): string {
  const last = row.lastMessage;
  if (!last) return 'No messages yet';
  const who = last.author === 'agent' ? 'Agent: ' : '';
  // Collapse line breaks so one message cannot push the rest of the list down.
  return who + last.text.replace(/\s+/g, ' ');
}

/** One conversation in the inbox: a real link, so it also opens in a new tab. */
export function InboxRow({ row, siteName, selected, typing, now, onOpen }: InboxRowProps) {
  return (
    <li class={`inbox-row${row.unread > 0 ? ' is-unread' : ''}`}>
      <a
        href={conversationPath(row.id)}
        data-conversation-id={row.id}
        aria-current={selected ? 'page' : undefined}
        onClick={inApp(() => onOpen(row.id))}
      >
        <span class="row-top">
          <span class="row-name">{row.visitorName}</span>
          {siteName && <span class="row-site">{siteName}</span>}
          <time class="row-time" dateTime={row.updatedAt} title={fullDateTime(row.updatedAt)}>
            {shortAgo(row.updatedAt, now)}
          </time>
        </span>
        <span class="row-bottom">
          <StatusBadge status={row.status} />
          {row.survey && (
            <span class={`row-survey${row.survey.rating <= 2 ? ' is-low' : ''}`}>
              <span aria-hidden="true">★{row.survey.rating}</span>
              <span class="sr-only">Rated {row.survey.rating} out of 5</span>
            </span>
          )}
          <span class={`row-preview${typing ? ' is-typing' : ''}`}>{typing ? 'typing…' : preview(row)}</span>
          {row.unread > 0 && (
            <span class="unread">
              {row.unread}
              <span class="sr-only"> unread</span>
            </span>
          )}
        </span>
      </a>
    </li>
  );
}
