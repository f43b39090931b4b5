import type { FeedbackItem } from '../../protocol/types';
import { feedbackPath } from '../app/route';
import { fullDateTime, shortAgo } from '../format/time';
import { safeHref } from '../format/url';
import { FeedbackStatusBadge, Rating } from './badges';
import { CATEGORY_LABEL, excerpt } from './labels';
import { inApp } from '../app/in-app';

export interface FeedbackRowProps {
  item: FeedbackItem;
  /** Named when there are several sites. */
  siteName?: string;
  selected: boolean;
  now: number;
  onOpen(id: string): void;
}

/** The page as the agent recognises it: host and path of an http(s) URL, else what was reported. */
function pageLabel(item: FeedbackItem): string | null {
  const href = safeHref(item.pageUrl);
  if (!href) return item.pageUrl ?? item.pageTitle;
  const u = new URL(href);
  return u.host + (u.pathname === '/' ? '' : u.pathname);
}

/** One piece of feedback in the list: a real link, so it also opens in a new tab. */
export function FeedbackRow({ item, siteName, selected, now, onOpen }: FeedbackRowProps) {
  const page = pageLabel(item);
  return (
    <li class={`fb-row${item.status === 'new' ? ' is-new' : ''}${item.unhappy ? ' is-unhappy' : ''}`}>
      <a
        href={feedbackPath(item.id)}
        data-feedback-id={item.id}
        aria-current={selected ? 'page' : undefined}
        onClick={inApp(() => onOpen(item.id))}
      >
        <span class="row-top">
          <Rating rating={item.rating} />
          <span class="fb-category">{CATEGORY_LABEL[item.category]}</span>
          <span class="row-name">{item.name ?? (item.email ? item.email : 'anonymous')}</span>
          <time class="row-time" dateTime={item.createdAt} title={fullDateTime(item.createdAt)}>
            {shortAgo(item.createdAt, now)}
          </time>
        </span>
        <span class="row-preview fb-excerpt">{excerpt(item.text) || 'No text'}</span>
        <span class="row-bottom">
          <FeedbackStatusBadge status={item.status} />
          {siteName && <span class="row-site">{siteName}</span>}
          {page && <span class="fb-page">{page}</span>}
        </span>
      </a>
    </li>
  );
}
