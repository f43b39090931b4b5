import { randomBytes } from 'node:crypto';
import { nanoid } from 'nanoid';
import { hashToken } from '../domain/secrets';
import type { EmailPayload, MailTarget, Store } from '../store/types';

/** The headers that put an email in its thread and bring the answer back to it. */
export type ThreadHeaders = Pick<EmailPayload, 'messageId' | 'inReplyTo' | 'references' | 'replyTo'>;

/** How many earlier Message-IDs an email's References carries (RFC 5322 lets it grow; clients need the root and the last few). */
const REFERENCES = 10;

/**
 * Lowercase hex: the local part of an address may be lowercased on the way back (RFC 5321 lets
 * hosts treat it as case-insensitive), and 160 random bits keep `reply+<token>` within 64 characters.
 */
export function newReplyToken(): string {
  return randomBytes(20).toString('hex');
}

/** The reply token in a `reply+<token>@<domain>` address, or null. */
export function replyTokenOf(address: string, domain: string): string | null {
  const m = /^reply\+([0-9a-f]{40})@(.+)$/i.exec(address.trim());
  return m && m[2]!.toLowerCase() === domain ? m[1]!.toLowerCase() : null;
}

/**
 * Makes the next email of a thread: a new Message-ID on `messageIdDomain`, In-Reply-To and
 * References to the thread's earlier emails (sent and received), and with `inboundDomain` a fresh
 * Reply-To token of its own, kept only as its hash, tied to the thread and to the address mailed.
 */
export async function nextThreadEmail(
  store: Store,
  domains: { inboundDomain: string | null; messageIdDomain: string },
  target: MailTarget,
  to: string,
): Promise<ThreadHeaders> {
  const earlier = await store.mailThreadIds(target, REFERENCES);
  const messageId = `<${nanoid()}@${domains.messageIdDomain}>`;
  const token = domains.inboundDomain ? newReplyToken() : null;
  await store.addMailThread({
    ...target,
    messageId,
    tokenHash: token && hashToken(token),
    address: to.toLowerCase(),
    createdAt: new Date().toISOString(),
  });
  return {
    messageId,
    inReplyTo: earlier.at(-1),
    references: earlier.length ? earlier : undefined,
    replyTo: token ? `reply+${token}@${domains.inboundDomain}` : undefined,
  };
}
