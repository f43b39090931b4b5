import { createHash } from 'node:crypto';
import { nanoid } from 'nanoid';
import { LIMITS } from '../../protocol/events';
import { replyTokenOf } from '../email/threads';
import { AppError } from '../errors';
import type { AppendResult, HeldMailReason, HeldMailRow, MailTarget, MailThreadRow, Store } from '../store/types';
import { sendVisitorMessage } from './chat';
import { verifyContactEmail } from './contacts';
import { hashToken } from './secrets';
import { createVisitor } from './visitors';

/** An email as it arrived (by SMTP or a provider's webhook), its new text already taken out. */
export interface InboundMail {
  /** The sender's address (the From header). */
  from: string;
  /** Every address it was sent to: the envelope's recipients, then To and Cc. */
  to: string[];
  subject: string;
  /** The reply's new text: no quoted history, no signature, never HTML. */
  text: string;
  messageId: string | null;
  /** The provider's verdicts, where it sends them ("pass", "fail", …); null when unknown. */
  spf: string | null;
  dkim: string | null;
}

export type InboundOutcome = { posted: AppendResult } | { held: HeldMailReason; id: string };

/** Verdicts that mean the sender is not who the From header says. */
const FAILED = /^(fail|softfail|permerror|none\/fail)$/i;

/** The visitor message's id for a received email: the same email delivered twice is posted once. */
function messageIdFor(mail: InboundMail): string {
  if (!mail.messageId) return nanoid();
  return `mail-${createHash('sha256').update(mail.messageId).digest('base64url').slice(0, 24)}`;
}

/** The text as a chat message: trimmed to what a visitor may send. */
function asMessageText(text: string): string {
  const t = text.trim();
  return t.length > LIMITS.messageLength ? `${t.slice(0, LIMITS.messageLength - 1)}…` : t;
}

/** The first recipient that carries a reply token of ours, and what it belongs to. */
async function threadOf(store: Store, mail: InboundMail, domain: string | null): Promise<{ thread: MailThreadRow; to: string } | null> {
  if (!domain) return null;
  for (const to of mail.to) {
    const token = replyTokenOf(to, domain);
    const thread = token && (await store.mailThreadByToken(hashToken(token)));
    if (thread) return { thread, to };
  }
  return null;
}

/**
 * Posts a feedback's emailed answer in a conversation of its own (feedback answers are the
 * team's; the visitor's answer is a chat), made the first time, with the feedback's name and address.
 */
async function feedbackConversation(store: Store, feedbackId: string): Promise<string> {
  const id = `fb-${feedbackId}`;
  if (await store.getConversation(id)) return id;
  const f = await store.getFeedback(feedbackId);
  if (!f) throw new AppError('not_found', 'The feedback this email answers is gone.');
  const { visitor } = await createVisitor(store, f.siteId, null);
  await store.updateVisitor(visitor.id, { name: f.name, email: f.email, language: f.locale, pageUrl: f.pageUrl });
  return (await store.latestOrNewConversation(visitor.id, f.siteId, id, new Date().toISOString())).id;
}

/** Adds an email's text to its conversation as the visitor's message (which reopens it). */
export async function postMailText(
  store: Store,
  target: MailTarget,
  text: string,
  id: string,
  messageId: string | null,
): Promise<AppendResult> {
  const conversationId = target.kind === 'conversation' ? target.id : await feedbackConversation(store, target.id);
  const c = await store.getConversation(conversationId);
  const visitor = c && (await store.getVisitor(c.visitorId));
  if (!c || !visitor) throw new AppError('not_found', 'The conversation this email answers is gone.');
  const result = await sendVisitorMessage(store, visitor, { id, conversationId, text: asMessageText(text) });
  // The next email in the thread answers this one.
  if (messageId) await store.addMailThread({ ...target, messageId, tokenHash: null, address: null, createdAt: result.message.createdAt });
  return result;
}

/**
 * Takes in a reply: posted to its conversation when it carries one of our tokens, comes from the
 * address that token was mailed to and passed the provider's checks; held for an admin otherwise.
 */
export async function receiveMail(store: Store, mail: InboundMail, inboundDomain: string | null): Promise<InboundOutcome> {
  const found = await threadOf(store, mail, inboundDomain);
  const sender = mail.from.trim().toLowerCase();
  const reason: HeldMailReason | null = !found
    ? 'no_token'
    : (mail.spf && FAILED.test(mail.spf)) || (mail.dkim && FAILED.test(mail.dkim))
      ? 'auth_failed'
      : !sender || sender !== found.thread.address
        ? 'wrong_sender'
        : !mail.text.trim()
          ? 'empty'
          : null;
  if (reason === null && found) {
    const posted = await postMailText(store, found.thread, mail.text, messageIdFor(mail), mail.messageId);
    // They wrote from the address it was mailed to: that email is theirs (a verified email, which merges).
    const v = await store.getVisitor(posted.conversation.visitorId);
    // The message stands either way: a contact erased meanwhile just gains no verified email.
    if (v?.contactId) await verifyContactEmail(store, v.contactId, sender).catch(() => undefined);
    return { posted };
  }
  const held: HeldMailRow = {
    id: nanoid(),
    receivedAt: new Date().toISOString(),
    reason: reason ?? 'no_token',
    from: mail.from.slice(0, 320),
    to: (found?.to ?? mail.to[0] ?? '').slice(0, 320),
    subject: mail.subject.slice(0, 500),
    text: mail.text.slice(0, LIMITS.messageLength * 4),
    messageId: mail.messageId?.slice(0, 500) ?? null,
    target: found ? { kind: found.thread.kind, id: found.thread.id } : null,
    spf: mail.spf?.slice(0, 40) ?? null,
    dkim: mail.dkim?.slice(0, 40) ?? null,
    status: 'held',
    decidedBy: null,
    decidedAt: null,
  };
  await store.holdMail(held);
  return { held: held.reason, id: held.id };
}
