import { nanoid } from 'nanoid';
import type { FeedbackCategory, FeedbackInput, FeedbackItem, FeedbackReply, FeedbackStats } from '../../protocol/types';
import { FEEDBACK_CATEGORIES } from '../../protocol/types';
import type { EmailService } from '../email/email-service';
import { feedbackReplyEmail, unhappyFeedbackEmail } from '../email/templates';
import { AppError } from '../errors';
import type { AgentRow, FeedbackRow, SiteRow, Store } from '../store/types';
import { feedbackEvent, withWebhooks } from './webhooks/events';

const DAY_MS = 86_400_000;

/** Complaints and ratings of 1 or 2. */
export function isUnhappy(f: Pick<FeedbackRow, 'category' | 'rating'>): boolean {
  return f.category === 'complaint' || (f.rating !== null && f.rating <= 2);
}

/** What agents see of a stored piece of feedback. */
export function toFeedbackItem(f: FeedbackRow): FeedbackItem {
  // The visitor link serves the contact's timeline; the item itself never carries it.
  const { visitorId, ...item } = f;
  void visitorId;
  return { ...item, unhappy: isUnhappy(f) };
}

/**
 * Stores a visitor's feedback. Anonymous feedback keeps no name, email or visitor link:
 * only what the form says it attaches (the page); signed feedback belongs to the visitor's contact.
 * A retried id returns what was stored.
 */
export async function submitFeedback(
  store: Store,
  site: SiteRow,
  input: FeedbackInput,
  visitorId: string | null = null,
): Promise<{ item: FeedbackItem; created: boolean }> {
  if (!site.options.channels.feedback) throw new AppError('forbidden', 'Feedback is turned off for this site.');
  if (input.id) {
    const known = await store.getFeedback(input.id);
    if (known) return retried(known, site, input);
  }
  if (input.rating === null && input.text === '') {
    throw new AppError('invalid_payload', 'text must not be empty when there is no rating', 'text');
  }
  const now = new Date().toISOString();
  const named = input.contact.mode === 'reply' ? input.contact : null;
  const row: FeedbackRow = {
    id: input.id ?? nanoid(),
    siteId: site.id,
    rating: input.rating,
    category: input.category,
    text: input.text,
    name: named?.name ?? null,
    email: named?.email ?? null,
    pageUrl: input.page.url || null,
    pageTitle: input.page.title || null,
    locale: input.locale ?? null,
    status: 'new',
    createdAt: now,
    updatedAt: now,
    visitorId: named ? visitorId : null,
  };
  // Two sends of one id at once (a retry racing the first): the second finds the first's row.
  const item = toFeedbackItem(row);
  const created = await withWebhooks(
    store,
    () => [feedbackEvent(item)],
    (events) => store.createFeedback(row, events),
  );
  if (!created) return retried((await store.getFeedback(row.id))!, site, input);
  return { item, created: true };
}

/**
 * The answer to a retried id: what was stored, when the send is the same feedback again (a retry
 * says what the first send said). Anything else with a taken id, such as another visitor's send or
 * another site's, is `duplicate_id` and learns nothing of the stored item. The content decides,
 * not a visitor link, because anonymous feedback keeps none.
 */
function retried(known: FeedbackRow, site: SiteRow, input: FeedbackInput): { item: FeedbackItem; created: false } {
  if (known.siteId !== site.id || !sameFeedback(known, input)) {
    throw new AppError('duplicate_id', 'That feedback id is already taken; send with a new id.');
  }
  return { item: toFeedbackItem(known), created: false };
}

function sameFeedback(known: FeedbackRow, input: FeedbackInput): boolean {
  const named = input.contact.mode === 'reply' ? input.contact : null;
  return (
    known.rating === input.rating &&
    known.category === input.category &&
    known.text === input.text &&
    known.email === (named?.email ?? null) &&
    // Not the page: a retry from a single-page site may come after the visitor moved on.
    known.name === (named?.name ?? null)
  );
}

/** Emails every admin about unhappy feedback, when email is configured; once per feedback and admin, however often it is called. */
export async function alertOwners(
  store: Store,
  email: EmailService,
  site: SiteRow,
  item: FeedbackItem,
  consoleUrl: string | null,
): Promise<void> {
  if (!email.enabled || !item.unhappy) return;
  const admins = (await store.listAgents()).filter((a) => a.role === 'admin');
  const message = unhappyFeedbackEmail({
    siteName: site.name,
    rating: item.rating,
    category: item.category,
    text: item.text,
    from: item.email ? `${item.name} <${item.email}>` : 'an anonymous visitor',
    page: item.pageUrl,
    consoleUrl,
  });
  for (const admin of admins)
    await email.queue({ to: admin.email, ...message, replyTo: item.email ?? undefined }, `unhappy-${item.id}-${admin.id}`);
}

/** A reply as consoles see it: who wrote it by name, not by id. */
export const publicReply = ({ agentId: _agentId, ...reply }: FeedbackReply & { agentId: string }): FeedbackReply => reply;

/** Answers feedback by email: reply, outbox row and "answered" are stored together. */
export async function replyToFeedback(
  store: Store,
  email: EmailService,
  agent: AgentRow,
  feedbackId: string,
  text: string,
  replyId: string = nanoid(),
): Promise<{ reply: FeedbackReply; item: FeedbackItem; created: boolean }> {
  const f = await store.getFeedback(feedbackId);
  if (!f) throw new AppError('not_found', 'No such feedback.');
  // A retry of a reply that was stored (its answer lost): answered with it, emailed once.
  const known = (await store.listFeedbackReplies(f.id)).find((r) => r.id === replyId);
  if (known) {
    // Only the agent who wrote it retries a reply's id; anyone else's send is a new reply with a taken id.
    if (known.agentId !== agent.id) throw new AppError('duplicate_id', 'That reply id is already taken; send with a new id.');
    return { reply: publicReply(known), item: toFeedbackItem(f), created: false };
  }
  if (!f.email) throw new AppError('no_contact', 'This feedback is anonymous: there is no one to email.');
  if (!email.enabled)
    throw new AppError('email_not_configured', 'Email is not configured on this server (set SMTP_URL), so replies cannot be sent.');
  const site = await store.getSite(f.siteId);
  const message = feedbackReplyEmail({
    locale: f.locale,
    siteName: site?.name ?? 'us',
    visitorName: f.name ?? '',
    agentName: agent.name,
    reply: text,
    original: f.text,
  });
  // Without an inbound domain the visitor's answer goes to the agent, as before threading.
  const thread = await email.thread({ kind: 'feedback', id: f.id }, f.email);
  const payload = { to: f.email, ...message, ...thread, replyTo: thread.replyTo ?? agent.email, secret: thread.replyTo !== undefined };
  const reply = await store.addFeedbackReply(
    { id: replyId, feedbackId: f.id, agentId: agent.id, agentName: agent.name, text, createdAt: new Date().toISOString() },
    { id: nanoid(), kind: 'email', payload },
  );
  email.kick();
  const updated = await store.getFeedback(f.id);
  return { reply, item: toFeedbackItem(updated ?? f), created: true };
}

/** Average rating per UTC day over the last 30 days, and the count per category. */
export async function feedbackStats(store: Store, now = new Date()): Promise<FeedbackStats> {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const first = today - 29 * DAY_MS;
  const rows = await store.feedbackSince(new Date(first).toISOString());
  const days = Array.from({ length: 30 }, (_, i) => ({
    date: new Date(first + i * DAY_MS).toISOString().slice(0, 10),
    sum: 0,
    rated: 0,
    count: 0,
  }));
  const categories = Object.fromEntries(FEEDBACK_CATEGORIES.map((c) => [c, 0])) as Record<FeedbackCategory, number>;
  for (const r of rows) {
    const day = days[Math.floor((Date.parse(r.createdAt) - first) / DAY_MS)];
    if (!day) continue;
    day.count++;
    if (r.rating !== null) {
      day.sum += r.rating;
      day.rated++;
    }
    categories[r.category]++;
  }
  return {
    days: days.map((d) => ({ date: d.date, count: d.count, average: d.rated ? Math.round((d.sum / d.rated) * 100) / 100 : null })),
    categories,
  };
}
