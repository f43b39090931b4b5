import type { FeedbackCategory, FeedbackItem, FeedbackReply, FeedbackStatus } from '../../protocol/types';

/** Category names as the agent reads them. */
export const CATEGORY_LABEL: Record<FeedbackCategory, string> = {
  complaint: 'Complaint',
  praise: 'Praise',
  idea: 'Idea',
  question: 'Question',
};

/** Status names as the agent reads them. */
export const STATUS_LABEL: Record<FeedbackStatus, string> = { new: 'New', answered: 'Answered', archived: 'Archived' };

/** Where a reply's email is. */
export const EMAIL_STATUS_LABEL: Record<FeedbackReply['emailStatus'], string> = {
  pending: 'Email queued',
  sending: 'Email sending…',
  sent: 'Email sent',
  failed: 'Email failed',
};

/** The first `max` characters of a text on one line, with an ellipsis when cut. */
export function excerpt(text: string, max = 120): string {
  // Collapse line breaks so one long item cannot push the rest of the list down.
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** Who sent it: "Ana <ana@example.com>", or "anonymous". */
export function contactLabel(item: Pick<FeedbackItem, 'name' | 'email'>): string {
  if (!item.email) return item.name ?? 'anonymous';
  return item.name ? `${item.name} <${item.email}>` : item.email;
}

/** The line of a live alert: "New complaint (rating 1) from Ana: It broke…". */
export function alertText(item: FeedbackItem): string {
  const rating = item.rating === null ? '' : ` (rating ${item.rating})`;
  const from = item.name ?? (item.email ? item.email : 'an anonymous visitor');
  const text = excerpt(item.text, 100);
  return `New ${CATEGORY_LABEL[item.category].toLowerCase()}${rating} from ${from}${text ? `: ${text}` : ''}`;
}
