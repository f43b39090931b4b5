import type { TimelineItem } from '../../protocol/contacts';
import { callbackPath, conversationPath, feedbackPath } from '../app/route';
import { inApp } from '../app/in-app';
import { fullDateTime } from '../format/time';

const stars = (n: number) => `${n} of 5`;

/** What one timeline entry says, and where it leads. */
function describe(item: TimelineItem): { label: string; text: string | null; href: string | null } {
  switch (item.kind) {
    case 'conversation':
      return { label: `Chat (${item.status})`, text: item.preview, href: conversationPath(item.id) };
    case 'callback':
      return {
        label: `Call back request (${item.status})`,
        text: [item.phone, item.topic].filter(Boolean).join(' · '),
        href: callbackPath(item.id),
      };
    case 'feedback':
      return {
        label: `Feedback: ${item.category}${item.rating !== null ? `, rated ${stars(item.rating)}` : ''}`,
        text: item.text,
        href: feedbackPath(item.id),
      };
    case 'survey':
      return { label: `Chat rated ${stars(item.rating)}`, text: item.comment, href: conversationPath(item.conversationId) };
    case 'email':
      return { label: `Email from ${item.agentName}`, text: item.text, href: feedbackPath(item.feedbackId) };
  }
}

/** Everything that happened with the person on every channel, newest first; each entry opens where it lives. */
export function ContactTimeline({ items, onNavigate }: { items: TimelineItem[]; onNavigate(href: string): void }) {
  if (items.length === 0) return <p class="muted">Nothing yet: no chat, call back request, feedback or email.</p>;
  return (
    <ol class="contact-timeline" aria-label="Timeline, newest first">
      {items.map((item, i) => {
        const d = describe(item);
        return (
          <li key={`${item.kind}-${i}`} data-kind={item.kind}>
            <time dateTime={item.at}>{fullDateTime(item.at)}</time>{' '}
            {d.href ? (
              <a href={d.href} onClick={inApp(() => onNavigate(d.href!))}>
                {d.label}
              </a>
            ) : (
              <strong>{d.label}</strong>
            )}
            {d.text && <p class="contact-timeline-text">{d.text}</p>}
          </li>
        );
      })}
    </ol>
  );
}
