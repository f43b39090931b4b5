import type { ComponentChildren, Ref } from 'preact';
import type { Translate } from '../i18n/t';
import type { TimelineItem } from '../state/selectors';
import type { ConnectionStatus } from '../state/types';
import { Composer } from './composer';
import { MessageList } from './message-list';

export interface ChatPanelProps {
  t: Translate;
  greeting: string | null;
  items: TimelineItem[];
  typing: { name: string | null } | null;
  connection: ConnectionStatus;
  /** The server's reason for refusing the connection. */
  error: string | null;
  resolved: boolean;
  loadingHistory: boolean;
  /** Typical minutes to a first reply while someone is there; null hides it. */
  replyMinutes?: number | null;
  /** The site's away message, while nobody is available. */
  away?: string | null;
  inputRef?: Ref<HTMLTextAreaElement>;
  onSend(text: string): void;
  onRetry(id: string): void;
  onInput(): void;
  onFaq?(id: string, helpful: boolean): void;
  /** Drawn between the conversation and the composer: notices, the survey. */
  children?: ComponentChildren;
}

function Notice({ t, connection, error }: Pick<ChatPanelProps, 't' | 'connection' | 'error'>) {
  if (connection === 'error') {
    return (
      <div class="notice error" role="alert" id="earshot-notice">
        {t('unavailable')}
        {error && <small>{error}</small>}
      </div>
    );
  }
  return (
    <div class="notice" role="status" id="earshot-notice">
      {connection === 'offline' ? t('reconnecting') : ''}
    </div>
  );
}

/** The chat view: conversation, connection notice and composer (the panel shell draws the window). */
export function ChatPanel(p: ChatPanelProps) {
  const { t } = p;
  return (
    <>
      {p.replyMinutes != null && <p class="reply-time">{t('reply_time', { count: p.replyMinutes })}</p>}
      <MessageList
        t={t}
        greeting={p.greeting}
        items={p.items}
        busy={p.loadingHistory}
        typing={p.typing}
        onRetry={p.onRetry}
        onFaq={p.onFaq ?? (() => {})}
      />
      {p.away && <p class="resolved">{p.away}</p>}
      {p.resolved && <p class="resolved">{t('resolved')}</p>}
      {p.children}
      <Notice t={t} connection={p.connection} error={p.error} />
      <Composer t={t} offline={p.connection !== 'online'} inputRef={p.inputRef} onSend={p.onSend} onInput={p.onInput} />
    </>
  );
}
