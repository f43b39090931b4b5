import { AppError } from '../errors';
import type { Store, VisitorRow } from '../store/types';
import { visitorContactId } from '../store/rows';
import { mergeContacts } from './contacts';
import { hashToken, newToken } from './secrets';

/** How long a resume link works. */
export const RESUME_DAYS = 7;

/** The fragment the widget reads on the owner's page; a fragment never reaches the site's server or its logs. */
export const RESUME_PARAM = 'earshot-resume';

/**
 * A single-use link that moves the conversation to another browser: the page the visitor was on,
 * with `#earshot-resume=<token>`; the token is kept only as its hash. Null without a page to link to.
 */
export async function newResumeLink(store: Store, visitor: VisitorRow, conversationId: string): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(visitor.pageUrl ?? '');
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  } catch {
    return null;
  }
  const token = newToken();
  const now = Date.now();
  await store.createResumeLink({
    tokenHash: hashToken(token),
    visitorId: visitor.id,
    conversationId,
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + RESUME_DAYS * 86_400_000).toISOString(),
    usedAt: null,
  });
  url.hash = `${RESUME_PARAM}=${token}`;
  return url.href;
}

/**
 * Spends a resume link in the browser of `visitor`: that browser joins the person who was sent the
 * link (their contact), so it sees their conversations and no one else's. Refused, clearly, when
 * the link was used, expired, is not one of ours, or is another site's.
 */
export async function resumeConversation(
  store: Store,
  visitor: VisitorRow,
  token: string,
): Promise<{ conversationId: string; others: string[] }> {
  const link = await store.spendResumeLink(hashToken(token), new Date().toISOString());
  if (link === 'spent') throw new AppError('link_used', 'This link was used already. Ask for a new one in the chat on your other device.');
  if (link === 'expired') throw new AppError('link_expired', 'This link has expired. Ask for a new one in the chat on your other device.');
  const owner = link === 'unknown' ? null : await store.getVisitor(link.visitorId);
  if (link === 'unknown' || !owner || owner.siteId !== visitor.siteId) throw new AppError('bad_token', 'This link is not valid.');
  if (owner.id === visitor.id) return { conversationId: link.conversationId, others: [] };
  if (visitor.contactId && visitor.contactId !== owner.contactId && (await store.getContact(visitor.contactId))?.externalId) {
    throw new AppError('forbidden', 'This browser is signed in as someone else; open the link in another browser.');
  }
  // Opening the link proves the mailbox it was sent to: the new browser joins that person (its own
  // contact merges into theirs, recorded and undoable), and both browsers are verified, so they share
  // the history; nobody else's.
  const now = new Date().toISOString();
  const contactId = visitorContactId(owner);
  if (visitor.contactId && visitor.contactId !== contactId) await mergeContacts(store, visitor.contactId, contactId, 'email');
  await store.updateVisitor(owner.id, { verifiedAt: owner.verifiedAt ?? now });
  await store.updateVisitor(visitor.id, { contactId, verifiedAt: now });
  const others = (await store.contactVisitorIds(contactId)).filter((id) => id !== visitor.id);
  return { conversationId: link.conversationId, others };
}
