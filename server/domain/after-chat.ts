import { nanoid } from 'nanoid';
import type { SurveyResult } from '../../protocol/types';
import type { EmailService } from '../email/email-service';
import { chatReplyEmail, offlineMessageEmail, transcriptEmail } from '../email/templates';
import { AppError } from '../errors';
import type { AppendResult, ConversationRow, SiteRow, Store, VisitorRow } from '../store/types';
import { matchFaq } from './faq';
import { friendlyName } from './friendly-name';
import { newResumeLink, RESUME_DAYS } from './resume';
import { conversationEvent, withWebhooks } from './webhooks/events';

/**
 * Posts a scripted answer when a visitor's message matches one before any agent has
 * replied, at most once per answer and conversation.
 */
export async function autoAnswer(store: Store, site: SiteRow, stored: AppendResult): Promise<AppendResult | null> {
  const { conversation, message } = stored;
  if (conversation.firstResponseAt || message.author !== 'visitor') return null;
  const faq = matchFaq(message.text, site.options.faqs);
  if (!faq) return null;
  const earlier = await store.listMessages(conversation.id, 0, 1000);
  if (earlier.some((m) => m.faq?.id === faq.id)) return null;
  return store.appendMessage({
    id: nanoid(),
    conversationId: conversation.id,
    author: 'system',
    agentId: null,
    authorName: site.name,
    text: faq.answer,
    now: new Date().toISOString(),
    faqId: faq.id,
  });
}

/** Records the visitor's satisfaction rating on a resolved conversation of theirs. */
export async function recordSurvey(
  store: Store,
  site: SiteRow,
  c: ConversationRow,
  rating: number,
  comment: string | null,
): Promise<SurveyResult> {
  if (!site.options.surveyEnabled) throw new AppError('forbidden', 'This site does not ask for ratings.');
  if (c.status !== 'resolved') throw new AppError('invalid_payload', 'You can rate a conversation once it is resolved.');
  const survey = { rating, comment, createdAt: new Date().toISOString() };
  const event = conversationEvent('survey.submitted', c, survey.createdAt);
  await withWebhooks(
    store,
    () => [event],
    (events) => store.setSurvey(c.id, survey, events),
  );
  return survey;
}

/** Emails the visitor the whole conversation, in their language. */
export async function sendTranscript(
  store: Store,
  email: EmailService,
  site: SiteRow,
  visitor: VisitorRow,
  c: ConversationRow,
  to: string,
): Promise<void> {
  const messages = await store.listMessages(c.id, 0, 5000);
  const resumeLink = await newResumeLink(store, visitor, c.id);
  const message = transcriptEmail({
    resumeLink,
    resumeDays: RESUME_DAYS,
    locale: visitor.language,
    timezone: visitor.timezone,
    siteName: site.name,
    messages: messages.map((m) => ({
      author: m.author,
      authorName: m.authorName,
      text: m.text,
      createdAt: m.createdAt,
      automatic: Boolean(m.faq),
    })),
  });
  const thread = await email.thread({ kind: 'conversation', id: c.id }, to);
  await email.queue({ to, ...message, ...thread, secret: thread.replyTo !== undefined || resumeLink !== null });
}

/** Emails an agent's reply to a visitor who is not connected and left an email. */
export async function emailReplyIfAway(store: Store, email: EmailService, stored: AppendResult, online: boolean): Promise<boolean> {
  if (online || !email.enabled || stored.message.author !== 'agent') return false;
  const visitor = await store.getVisitor(stored.conversation.visitorId);
  if (!visitor?.email) return false;
  const site = await store.getSite(visitor.siteId);
  const resumeLink = await newResumeLink(store, visitor, stored.conversation.id);
  const message = chatReplyEmail({
    resumeLink,
    resumeDays: RESUME_DAYS,
    locale: visitor.language,
    siteName: site?.name ?? '',
    visitorName: visitor.name,
    agentName: stored.message.authorName ?? site?.name ?? '',
    reply: stored.message.text,
    pageUrl: visitor.pageUrl,
  });
  const thread = await email.thread({ kind: 'conversation', id: stored.conversation.id }, visitor.email);
  // The Reply-To token and the resume link live in the outbox row only until it is sent.
  const secret = thread.replyTo !== undefined || resumeLink !== null;
  await email.queue({ to: visitor.email, ...message, ...thread, secret }, `reply-${stored.message.id}`);
  return true;
}

/** Tells the admins about a message left while nobody was available; once per message and admin, however often it is called. */
export async function emailOfflineMessage(
  store: Store,
  email: EmailService,
  site: SiteRow,
  visitor: VisitorRow,
  text: string,
  messageId: string,
): Promise<void> {
  if (!email.enabled) return;
  // A left message may come without an address (none is asked for where no email could answer it).
  const from =
    visitor.name && visitor.email ? `${visitor.name} <${visitor.email}>` : (visitor.name ?? visitor.email ?? friendlyName(visitor.id));
  const message = offlineMessageEmail({ siteName: site.name, from, text, page: visitor.pageUrl });
  for (const admin of (await store.listAgents()).filter((a) => a.role === 'admin')) {
    await email.queue({ to: admin.email, ...message, replyTo: visitor.email ?? undefined }, `offline-${messageId}-${admin.id}`);
  }
}
