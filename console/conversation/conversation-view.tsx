import type { ComponentChildren } from 'preact';
import type { ConversationSummary, Message, VisitorProfile } from '../../protocol/types';
import type { PendingMessage } from '../state/types';
import { AssignControls, type AssignControlsProps } from './assign-controls';
import { ConversationHeader } from './conversation-header';
import { MessageLog } from './message-log';
import { ReplyBox, type ReplyBoxProps } from './reply-box';
import { ReplyReach } from './reply-reach';

export interface ConversationViewProps {
  conversation: ConversationSummary;
  /** The visitor, once loaded: whether a reply reaches them at once. */
  visitor?: VisitorProfile | null;
  /** Back to the inbox: the way out on a phone, where the inbox is not beside the conversation. */
  onBack?(): void;
  messages: Message[];
  pending: PendingMessage[];
  loading: boolean;
  error: string | null;
  agentName: string;
  /** Who else types here; null stands for the visitor. */
  typers: (string | null)[];
  draft: string;
  focusReply?: boolean;
  statusBusy: boolean;
  statusError: string | null;
  /** Assignment (issue 19); left out, none is shown. */
  assign?: Omit<AssignControlsProps, 'conversation'>;
  /** The conversation's tags, under its header. */
  tagBox?: ComponentChildren;
  /** Canned replies, agents to mention and placeholder values for the reply box. */
  compose?: Pick<ReplyBoxProps, 'canned' | 'agents' | 'placeholders'>;
  onSend(text: string, note: boolean): void;
  onRetry(id: string): void;
  onResolve(): void;
  onReopen(): void;
  onTyping(): void;
  onDraft(text: string): void;
  onLeaveReply(): void;
}

/** "Anna is typing…", "Anna and Jan are typing…", or nothing. */
export function typingText(typers: (string | null)[], visitorName: string): string {
  const names = typers.map((n) => n ?? visitorName);
  if (names.length === 0) return '';
  if (names.length === 1) return `${names[0]} is typing…`;
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)} are typing…`;
}

/** The open conversation: header with actions, the history, typing, and the reply box. */
export function ConversationView(p: ConversationViewProps) {
  const { conversation } = p;
  return (
    <main class="conversation" aria-labelledby="conv-title">
      <ConversationHeader
        conversation={conversation}
        onBack={p.onBack}
        busy={p.statusBusy}
        error={p.statusError}
        onResolve={p.onResolve}
        onReopen={p.onReopen}
      />
      {p.assign && <AssignControls conversation={conversation} {...p.assign} />}
      {p.tagBox}
      {p.error ? (
        <p class="conv-load-error" role="alert">
          {p.error}
        </p>
      ) : p.loading && p.messages.length === 0 ? (
        <p class="log-empty" role="status">
          Loading conversation…
        </p>
      ) : (
        <MessageLog
          messages={p.messages}
          pending={p.pending}
          visitorName={conversation.visitorName}
          agentName={p.agentName}
          onRetry={p.onRetry}
        />
      )}
      <p class="typing" aria-live="polite">
        {typingText(p.typers, conversation.visitorName)}
      </p>
      <ReplyBox
        key={conversation.id}
        draft={p.draft}
        autoFocus={p.focusReply}
        {...p.compose}
        onDraft={p.onDraft}
        onSend={p.onSend}
        onTyping={p.onTyping}
        onEscape={p.onLeaveReply}
      />
      <ReplyReach visitor={p.visitor ?? null} />
    </main>
  );
}

/** What the main area shows before a conversation is chosen. */
export function NoConversation({ hasRows }: { hasRows: boolean }) {
  return (
    <main class="conversation conversation-empty" aria-labelledby="conv-empty-title">
      <h2 id="conv-empty-title">{hasRows ? 'Pick a conversation' : 'All quiet'}</h2>
      <p>
        {hasRows
          ? 'Choose one from the inbox, or press j to open the newest.'
          : 'New chats from your site appear in the inbox as they start.'}
      </p>
    </main>
  );
}
