import { useEffect, useRef } from 'preact/hooks';
import type { Translate } from '../i18n/t';
import type { TimelineItem } from '../state/selectors';
import { MessageItem } from './message-item';

export interface MessageListProps {
  t: Translate;
  greeting: string | null;
  items: TimelineItem[];
  /** While the history loads, screen readers wait instead of reading every old message. */
  busy: boolean;
  typing: { name: string | null } | null;
  onRetry(id: string): void;
  onFaq(id: string, helpful: boolean): void;
}

/** The scrolling conversation: greeting, messages and the agent's typing indicator. */
export function MessageList({ t, greeting, items, busy, typing, onRetry, onFaq }: MessageListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const count = items.length;
  useEffect(() => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [count, typing]);
  return (
    <div class="scroll" ref={scroller}>
      {greeting && (
        <div class="msg agent greeting">
          <p class="bubble">{greeting}</p>
        </div>
      )}
      {/* Only additions are announced: a delivery state turning to "Sent" is not news. */}
      <div role="log" aria-live="polite" aria-relevant="additions" aria-busy={busy} aria-label={t('chat_label')} class="log">
        {items.map((item) => (
          <MessageItem key={item.id} t={t} item={item} onRetry={onRetry} onFaq={onFaq} />
        ))}
      </div>
      {typing && <p class="typing">{t('typing', { name: typing.name ?? t('agent') })}</p>}
    </div>
  );
}
