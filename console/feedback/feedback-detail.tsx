import type { ComponentChildren } from 'preact';
import type { FeedbackItem, FeedbackReply, FeedbackStatus } from '../../protocol/types';
import { Fact } from '../app/detail-parts';
import { ExternalLink } from '../format/external-link';
import { fullDateTime, languageName } from '../format/time';
import { FeedbackStatusBadge, Rating } from './badges';
import { FeedbackComposer } from './feedback-composer';
import { CATEGORY_LABEL, contactLabel } from './labels';
import type { PendingMessage } from '../state/types';
import { ReplyThread } from './reply-thread';
import { Alert } from '../format/form-messages';

/** Shown instead of the reply box when the server cannot send email. */
export const EMAIL_NOT_CONFIGURED = 'Email is not configured on this server: set SMTP_URL to answer feedback by email.';

export interface FeedbackDetailProps {
  /** The item's tags, under its header. */
  tagBox?: ComponentChildren;
  item: FeedbackItem;
  replies: FeedbackReply[];
  loading: boolean;
  /** Why the item could not be loaded (again). */
  error: string | null;
  /** From `server:status`; null while unknown, when the reply box shows and the server has the last word. */
  emailConfigured: boolean | null;
  statusBusy: boolean;
  statusError: string | null;
  /** Own replies to this item in the outbox: sending, or refused for good. */
  pending: PendingMessage[];
  /** Who the console shows as the author of a pending reply. */
  agentName: string;
  onStatus(status: FeedbackStatus): void;
  onReply(text: string): void;
  /** Sends a refused reply again under its id. */
  onRetry(replyId: string): void;
}

function Answer(p: FeedbackDetailProps) {
  if (!p.item.email) {
    return <p class="fb-no-reply">This feedback is anonymous, so there is no one to answer.</p>;
  }
  if (p.emailConfigured === false)
    return (
      <p class="fb-no-reply" role="note">
        {EMAIL_NOT_CONFIGURED}
      </p>
    );
  return <FeedbackComposer key={p.item.id} to={contactLabel(p.item)} onSend={p.onReply} />;
}

/** One piece of feedback in full: what the visitor said, where, who, the replies, and the answer box. */
export function FeedbackDetail(p: FeedbackDetailProps) {
  const { item } = p;
  return (
    <main class="conversation fb-detail" aria-labelledby="fb-title">
      <header class="conv-head">
        <div class="conv-title">
          <h2 id="fb-title">
            {CATEGORY_LABEL[item.category]} from {item.name ?? (item.email ? item.email : 'an anonymous visitor')}
          </h2>
          <FeedbackStatusBadge status={item.status} />
        </div>
        <div class="conv-actions">
          {p.statusError && (
            <span class="conv-error" role="alert">
              {p.statusError}
            </span>
          )}
          {item.status !== 'archived' && (
            <button type="button" class="btn" disabled={p.statusBusy} onClick={() => p.onStatus('archived')}>
              Archive
            </button>
          )}
          {item.status !== 'new' && (
            <button type="button" class="btn" disabled={p.statusBusy} onClick={() => p.onStatus('new')}>
              Mark as new
            </button>
          )}
        </div>
      </header>
      {p.tagBox}
      <div class="fb-body" role="region" tabIndex={0} aria-label="Feedback details">
        <Alert class="conv-load-error" text={p.error} />
        <dl class="facts fb-facts">
          <Fact label="Rating">
            <Rating rating={item.rating} />
          </Fact>
          <Fact label="Category">{CATEGORY_LABEL[item.category]}</Fact>
          <Fact label="Received">
            <time dateTime={item.createdAt}>{fullDateTime(item.createdAt)}</time>
          </Fact>
          <Fact label="Page">
            {item.pageUrl ? <ExternalLink url={item.pageUrl} /> : <span class="muted">{item.pageTitle ?? 'Unknown'}</span>}
          </Fact>
          <Fact label="Contact">{item.email ? contactLabel(item) : <span class="muted">anonymous</span>}</Fact>
          {item.locale && <Fact label="Language">{languageName(item.locale)}</Fact>}
        </dl>
        <h3 class="fb-section-title">What they wrote</h3>
        {/* Always text: the visitor wrote it, so it never becomes markup. */}
        <p class="fb-text">{item.text || <span class="muted">No text, only a rating.</span>}</p>
        <h3 class="fb-section-title" id="fb-replies-title">
          Replies
        </h3>
        <section aria-labelledby="fb-replies-title" aria-busy={p.loading}>
          {p.loading && p.replies.length === 0 && p.pending.length === 0 ? (
            <p class="muted" role="status">
              Loading replies…
            </p>
          ) : (
            <ReplyThread replies={p.replies} pending={p.pending} agentName={p.agentName} onRetry={p.onRetry} />
          )}
        </section>
      </div>
      <div class="fb-answer">
        <Answer {...p} />
      </div>
    </main>
  );
}
