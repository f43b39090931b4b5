import type { Ref } from 'preact';
import type { Translate } from '../i18n/t';
import type { TimelineItem } from '../state/selectors';
import type { ConnectionStatus } from '../state/types';
import { Composer } from './composer';
import { MessageList } from './message-list';

export interface ChatPanelProps {
  t: Translate;
  open: boolean;
  /** The site's name, once the server told it. */
  title: string | null;
  greeting: string | null;
  items: TimelineItem[];
  typing: { name: string | null } | null;
  connection: ConnectionStatus;
  /** The server's reason for refusing the connection. */
  error: string | null;
  resolved: boolean;
  loadingHistory: boolean;
  inputRef?: Ref<HTMLTextAreaElement>;
  onSend(text: string): void;
  onRetry(id: string): void;
  onInput(): void;
  onClose(): void;
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

/** The chat window: header, conversation, connection notice and composer. */
export function ChatPanel(p: ChatPanelProps) {
  const { t } = p;
  const title = p.title ?? t('chat_title');
  return (
    <section class="panel" id="earshot-panel" role="dialog" aria-label={title} hidden={!p.open}>
      <header class="header">
        <h2 class="title">{title}</h2>
        <button type="button" class="close" aria-label={t('close')} onClick={p.onClose}>
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
          </svg>
        </button>
      </header>
      <MessageList t={t} greeting={p.greeting} items={p.items} busy={p.loadingHistory} typing={p.typing} onRetry={p.onRetry} />
      {p.resolved && <p class="resolved">{t('resolved')}</p>}
      <Notice t={t} connection={p.connection} error={p.error} />
      <Composer t={t} offline={p.connection !== 'online'} inputRef={p.inputRef} onSend={p.onSend} onInput={p.onInput} />
    </section>
  );
}
