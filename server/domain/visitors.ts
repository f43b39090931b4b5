import Bowser from 'bowser';
import { nanoid } from 'nanoid';
import type { VisitorContext, VisitorProfile } from '../../protocol/types';
import { AppError } from '../errors';
import type { ContactRow, Store, VisitorRow } from '../store/types';
import { friendlyName } from './friendly-name';
import { hashToken, newToken, sameHash } from './secrets';

/** A gap this long since the last sighting starts a new visit. */
const VISIT_GAP_MS = 30 * 60_000;

/** Creates a visitor for a site and returns it with its bearer token (shown only now). */
export async function createVisitor(
  store: Store,
  siteId: string,
  userAgent: string | null,
): Promise<{ visitor: VisitorRow; token: string }> {
  const token = newToken();
  const now = new Date().toISOString();
  const id = nanoid();
  const visitor: VisitorRow = {
    id,
    siteId,
    tokenHash: hashToken(token),
    name: null,
    email: null,
    pageUrl: null,
    pageTitle: null,
    referrer: null,
    userAgent,
    language: null,
    timezone: null,
    firstSeenAt: now,
    lastSeenAt: now,
    visits: 1,
    phone: null,
    // Every visitor starts as a person of its own.
    contactId: `ct_${id}`,
    verifiedAt: null,
    claimedId: null,
  };
  await store.createVisitor(visitor);
  return { visitor, token };
}

/** The visitor a token belongs to, on the given site; `bad_token` otherwise. */
export async function authenticateVisitor(store: Store, siteId: string, token: string): Promise<VisitorRow> {
  const hash = hashToken(token);
  const visitor = await store.getVisitorByTokenHash(hash);
  if (!visitor || !sameHash(visitor.tokenHash, hash) || visitor.siteId !== siteId) {
    throw new AppError('bad_token', 'This visitor session is not valid any more. Start a new one.');
  }
  return visitor;
}

/** Records what the browser said at hello, counting a new visit after a long gap. */
export async function recordHello(store: Store, visitor: VisitorRow, ctx: VisitorContext, userAgent: string | null): Promise<VisitorRow> {
  const now = new Date();
  const newVisit = now.getTime() - Date.parse(visitor.lastSeenAt) > VISIT_GAP_MS;
  return store.updateVisitor(visitor.id, {
    pageUrl: ctx.page.url,
    pageTitle: ctx.page.title,
    referrer: ctx.page.referrer || visitor.referrer,
    language: ctx.language ?? visitor.language,
    timezone: ctx.timezone ?? visitor.timezone,
    userAgent: userAgent ?? visitor.userAgent,
    lastSeenAt: now.toISOString(),
    visits: visitor.visits + (newVisit ? 1 : 0),
  });
}

/** The verified person a visitor was joined to by a verified identity or email, if any (what `toProfile` shows as verified). */
export function contactOf(store: Store, v: VisitorRow): Promise<ContactRow | null> {
  return v.contactId && v.verifiedAt ? store.getContact(v.contactId) : Promise.resolve(null);
}

/** The contact whose verified browsers share this visitor's conversations: only a verified visitor has one. */
export function personOf(v: VisitorRow): string | null {
  return v.verifiedAt ? v.contactId : null;
}

/**
 * What an agent sees about a visitor. A verified visitor shows the details its site vouched for
 * (the contact's); an unverified one the details its page claimed.
 */
export function toProfile(v: VisitorRow, online: boolean, sendsEmail: boolean, contact: ContactRow | null = null): VisitorProfile {
  let browser: string | null = null;
  let os: string | null = null;
  if (v.userAgent) {
    const ua = Bowser.parse(v.userAgent);
    browser = [ua.browser.name, ua.browser.version?.split('.')[0]].filter(Boolean).join(' ') || null;
    os = [ua.os.name, ua.os.versionName ?? ua.os.version].filter(Boolean).join(' ') || null;
  }
  return {
    id: v.id,
    siteId: v.siteId,
    displayName: contact?.name ?? v.name ?? friendlyName(v.id),
    name: contact?.name ?? v.name,
    email: contact?.email ?? v.email,
    pageUrl: v.pageUrl,
    pageTitle: v.pageTitle,
    referrer: v.referrer,
    browser,
    os,
    language: v.language,
    timezone: v.timezone,
    firstSeenAt: v.firstSeenAt,
    lastSeenAt: v.lastSeenAt,
    visits: v.visits,
    online,
    sendsEmail,
    identity: contact ? 'verified' : v.claimedId || v.name || v.email || v.phone ? 'claimed' : null,
    externalId: contact?.externalId ?? v.claimedId,
    contactId: contact?.id ?? null,
    phone: contact?.phone ?? v.phone,
  };
}
