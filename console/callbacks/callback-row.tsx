import type { CallbackItem } from '../../protocol/types';
import { callbackPath } from '../app/route';
import { ExternalLink } from '../format/external-link';
import { telHref } from '../format/phone';
import { safeHref } from '../format/url';
import { isOpenCallback, isOverdue } from '../state/callback-selectors';
import { CallbackWhen, type Clocks } from './callback-when';
import { CALLBACK_STATUS_LABEL, dueText } from './labels';
import { inApp } from '../app/in-app';

export interface CallbackRowProps {
  item: CallbackItem;
  /** Named when there are several sites. */
  siteName?: string;
  selected: boolean;
  now: number;
  clocks: Clocks;
  onOpen(id: string): void;
}

/** The page as the agent recognises it: host and path of an http(s) URL. */
function pageLabel(url: string): string {
  const u = new URL(url);
  return u.host + (u.pathname === '/' ? '' : u.pathname);
}

/**
 * One request in the queue. Not one big link: the phone and the page are links of their
 * own, so the name is the link that opens the request.
 */
export function CallbackRow({ item, siteName, selected, now, clocks, onOpen }: CallbackRowProps) {
  const overdue = isOverdue(item, now);
  const due = dueText(item, now);
  const page = safeHref(item.pageUrl);
  return (
    <li
      class={`cb-row${overdue ? ' is-overdue' : ''}${selected ? ' is-selected' : ''}${isOpenCallback(item) ? '' : ' is-closed'}`}
      data-callback-id={item.id}
    >
      <div class="cb-row-head">
        <a class="cb-name" href={callbackPath(item.id)} aria-current={selected ? 'page' : undefined} onClick={inApp(() => onOpen(item.id))}>
          {item.visitorName}
        </a>
        <a class="cb-phone" href={telHref(item.phone)}>
          {item.phoneDisplay}
        </a>
        {item.asap && <span class="badge badge-asap">As soon as possible</span>}
        {!isOpenCallback(item) && <span class={`badge badge-cb-${item.status}`}>{CALLBACK_STATUS_LABEL[item.status]}</span>}
        {due && <span class={`cb-due${overdue ? ' is-overdue' : ''}`}>{due}</span>}
      </div>
      <CallbackWhen item={item} clocks={clocks} />
      {item.topic && <p class="cb-topic">{item.topic}</p>}
      <p class="cb-meta">
        {siteName && <span class="row-site">{siteName}</span>}
        {page && (
          <span>
            From <ExternalLink url={page} label={pageLabel(page)} />
          </span>
        )}
        <span>{item.attempts === 1 ? '1 attempt' : `${item.attempts} attempts`}</span>
        {item.claimedBy ? <span>Claimed by {item.claimedBy.name}</span> : <span class="muted">Not claimed</span>}
      </p>
    </li>
  );
}
