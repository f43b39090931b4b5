import type { ComponentChildren } from 'preact';
import type { CallbackAttempt, CallbackItem, CallbackOutcome, ConversationSummary } from '../../protocol/types';
import { Fact } from '../app/detail-parts';
import { ExternalLink } from '../format/external-link';
import { telHref } from '../format/phone';
import { fullDateTime, languageName } from '../format/time';
import { isOverdue } from '../state/callback-selectors';
import { CallbackActions } from './callback-actions';
import { AttemptList, VisitorChats } from './callback-history';
import { CallbackWhen, type Clocks } from './callback-when';
import { CALLBACK_STATUS_LABEL, dueText } from './labels';
import { Alert } from '../format/form-messages';

export interface CallbackDetailProps {
  /** The item's tags, under its header. */
  tagBox?: ComponentChildren;
  item: CallbackItem;
  attempts: CallbackAttempt[];
  conversations: ConversationSummary[];
  loading: boolean;
  /** Why the request could not be loaded (again). */
  loadError: string | null;
  selfId: string | null;
  now: number;
  clocks: Clocks;
  busy: boolean;
  /** An action waits in the outbox for the connection. */
  waiting?: boolean;
  actionError: string | null;
  onClaim(takeOverFrom?: string): Promise<boolean>;
  onOutcome(outcome: CallbackOutcome, note: string): Promise<boolean>;
  onReschedule(dueAt: string, note: string): Promise<boolean>;
  onOpenConversation(id: string): void;
}

/** One request in full: whom to call and when, the actions, what happened so far, and who it is. */
export function CallbackDetail(p: CallbackDetailProps) {
  const { item } = p;
  const due = dueText(item, p.now);
  return (
    <main class="conversation cb-detail" aria-labelledby="cb-detail-title">
      <header class="conv-head">
        <div class="conv-title">
          <h2 id="cb-detail-title">Call {item.visitorName}</h2>
          <span class={`badge badge-cb-${item.status}`}>{CALLBACK_STATUS_LABEL[item.status]}</span>
          {due && <span class={`cb-due${isOverdue(item, p.now) ? ' is-overdue' : ''}`}>{due}</span>}
        </div>
      </header>
      {p.tagBox}
      <div class="fb-body" role="region" tabIndex={0} aria-label="Request details">
        <Alert class="conv-load-error" text={p.loadError} />
        <dl class="facts fb-facts">
          <Fact label="Phone">
            <a class="cb-phone" href={telHref(item.phone)}>
              {item.phoneDisplay}
            </a>
          </Fact>
          <Fact label="When">
            {item.asap && <span class="badge badge-asap">As soon as possible</span>} <CallbackWhen item={item} clocks={p.clocks} />
          </Fact>
          <Fact label="Topic">{item.topic ?? <span class="muted">None given</span>}</Fact>
          <Fact label="Page">
            {item.pageUrl ? <ExternalLink url={item.pageUrl} label={item.pageTitle ?? undefined} /> : <span class="muted">Unknown</span>}
          </Fact>
          {item.visitorLocale && <Fact label="Language">{languageName(item.visitorLocale, p.clocks.locale)}</Fact>}
          <Fact label="Claimed by">{item.claimedBy?.name ?? <span class="muted">Nobody yet</span>}</Fact>
          <Fact label="Attempts">{item.attempts}</Fact>
          <Fact label="Requested">
            <time dateTime={item.createdAt}>{fullDateTime(item.createdAt, p.clocks.locale)}</time>
          </Fact>
        </dl>
        <CallbackActions
          key={item.id}
          item={item}
          selfId={p.selfId}
          now={p.now}
          busy={p.busy}
          waiting={p.waiting ?? false}
          error={p.actionError}
          onClaim={p.onClaim}
          onOutcome={p.onOutcome}
          onReschedule={p.onReschedule}
        />
        <section aria-labelledby="cb-attempts-title" aria-busy={p.loading}>
          <h3 id="cb-attempts-title" class="fb-section-title">
            Attempts
          </h3>
          {p.loading && p.attempts.length === 0 ? (
            <p class="muted" role="status">
              Loading…
            </p>
          ) : (
            <AttemptList attempts={p.attempts} timeZone={p.clocks.agent} locale={p.clocks.locale} />
          )}
        </section>
        <section aria-labelledby="cb-chats-title">
          <h3 id="cb-chats-title" class="fb-section-title">
            Chats with this visitor
          </h3>
          <VisitorChats conversations={p.conversations} onOpen={p.onOpenConversation} />
        </section>
      </div>
    </main>
  );
}
