import type { Translate } from '../i18n/t';
import type { TimelineItem } from '../state/selectors';
import type { SendError } from '../state/types';

export interface MessageItemProps {
  t: Translate;
  item: TimelineItem;
  onRetry(id: string): void;
  /** The visitor's verdict on an automatic answer. */
  onFaq(id: string, helpful: boolean): void;
}

function reason(t: Translate, error: SendError | null): string {
  return error === 'too_long' ? t('error_too_long') : t('error_rejected');
}

function time(iso: string, lang: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });
}

/** One message bubble; its text is always rendered as text, never as markup. */
export function MessageItem({ t, item, onRetry, onFaq }: MessageItemProps) {
  const own = item.author === 'visitor';
  const faq = item.faq;
  return (
    <div class={`msg ${own ? 'own' : faq ? 'agent auto' : item.author}`}>
      {(item.author === 'agent' || faq) && <span class="name">{faq ? t('auto_answer') : (item.authorName ?? t('agent'))}</span>}
      {own && <span class="vh">{t('you')}</span>}
      <p class="bubble">{item.text}</p>
      {faq &&
        (faq.helpful === null ? (
          <span class="faq">
            <button type="button" class="retry" onClick={() => onFaq(item.id, true)}>
              {t('faq_yes')}
            </button>
            <button type="button" class="retry" onClick={() => onFaq(item.id, false)}>
              {t('faq_no')}
            </button>
          </span>
        ) : (
          <span class="meta" role="status">
            {t(faq.helpful ? 'faq_yes_done' : 'faq_no_done')}
          </span>
        ))}
      {own && (
        <span class={`meta ${item.delivery ?? ''}`}>
          {item.delivery === 'sent' && `${time(item.createdAt, t('language_tag'))} · ${t('sent')}`}
          {item.delivery === 'sending' && t('sending')}
          {item.delivery === 'failed' && (
            <>
              {t('not_sent', { reason: reason(t, item.error) })}{' '}
              <button type="button" class="retry" onClick={() => onRetry(item.id)}>
                {t('retry')}
              </button>
            </>
          )}
        </span>
      )}
    </div>
  );
}
