import type { ConversationSummary } from '../../protocol/types';
import { BASE } from '../app/route';
import { StatusBadge } from '../inbox/status-badge';
import { surveyText } from './survey-labels';
import { inApp } from '../app/in-app';

export interface ConversationHeaderProps {
  conversation: ConversationSummary;
  busy: boolean;
  /** The server's message when a status change failed. */
  error: string | null;
  onResolve(): void;
  onReopen(): void;
  /** Shown on narrow screens only (styles.css), where the inbox is hidden behind the conversation. */
  onBack?(): void;
}

/** Who the conversation is with, its status, the visitor's rating, and the action that changes the status. */
export function ConversationHeader({ conversation, busy, error, onResolve, onReopen, onBack }: ConversationHeaderProps) {
  const resolved = conversation.status === 'resolved';
  return (
    <header class="conv-head">
      {onBack && (
        <a class="back-link" href={BASE} onClick={inApp(() => onBack())}>
          <span aria-hidden="true">‹ </span>Back to the inbox
        </a>
      )}
      <div class="conv-title">
        <h2 id="conv-title">{conversation.visitorName}</h2>
        <StatusBadge status={conversation.status} />
        <span class="conv-site">{conversation.siteName}</span>
        {conversation.survey && (
          <span class={`conv-survey${conversation.survey.rating <= 2 ? ' is-low' : ''}`} title={conversation.survey.comment ?? undefined}>
            {surveyText(conversation.survey)}
          </span>
        )}
      </div>
      <div class="conv-actions">
        {error && (
          <span class="conv-error" role="alert">
            {error}
          </span>
        )}
        {resolved ? (
          <button type="button" class="btn" aria-disabled={busy} onClick={() => busy || onReopen()}>
            Reopen
          </button>
        ) : (
          <button type="button" class="btn" aria-disabled={busy} onClick={() => busy || onResolve()}>
            Resolve
          </button>
        )}
      </div>
    </header>
  );
}
