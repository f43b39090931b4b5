import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { nanoid } from 'nanoid';
import type { IdentifyInput, SiteIdentity } from '../../protocol/types';
import { AppError } from '../errors';
import type { ContactRow, SiteIdentityRow, Store, VisitorPatch, VisitorRow } from '../store/types';
import { isVerified } from './contacts';
import { personOf } from './visitors';
import { contactEvents, withWebhooks } from './webhooks/events';

/** A new identity secret; the prefix lets secret scanners find a leaked one. */
export function newIdentitySecret(): string {
  return `esid_${randomBytes(32).toString('base64url')}`;
}

/** The hex HMAC-SHA256 of a user id with a site's secret: what the site's backend computes. */
export function identityHash(secret: string, externalId: string): string {
  return createHmac('sha256', secret).update(externalId, 'utf8').digest('hex');
}

/** Whether `hash` is the HMAC of `externalId` with `secret`, compared in constant time. */
export function validIdentityHash(secret: string, externalId: string, hash: string): boolean {
  const want = Buffer.from(identityHash(secret, externalId), 'hex');
  const got = /^[0-9a-fA-F]{64}$/.test(hash) ? Buffer.from(hash, 'hex') : null;
  return got !== null && timingSafeEqual(want, got);
}

/** What admins see of a site's identity settings. */
export function toSiteIdentity(r: SiteIdentityRow): SiteIdentity {
  return { siteId: r.siteId, secret: r.secret, requireVerification: r.requireVerification, rotatedAt: r.rotatedAt };
}

/** The site's identity settings, with a secret made on the first ask. */
export function ensureSiteIdentity(store: Store, siteId: string): Promise<SiteIdentityRow> {
  return store.ensureSiteIdentity({ siteId, secret: newIdentitySecret(), requireVerification: false, rotatedAt: new Date().toISOString() });
}

/**
 * A new secret, in force at once: a rotation is done because the old one may have leaked, and a
 * grace period would keep a leaked secret signing identities. Until the site's backend has the new
 * one, its visitors still chat; they are just not verified (or refused, if the site requires it).
 */
export async function rotateIdentitySecret(store: Store, siteId: string): Promise<SiteIdentityRow> {
  await ensureSiteIdentity(store, siteId);
  return store.updateSiteIdentity(siteId, { secret: newIdentitySecret(), rotatedAt: new Date().toISOString() });
}

export interface Identified {
  visitor: VisitorRow;
  /** The verified person, or null when the details are only claimed. */
  contact: ContactRow | null;
  /** This browser just joined a person already seen on other browsers (listed). */
  merged: boolean;
  others: string[];
}

/**
 * Identifies a visitor. With `id` and a valid `hash` the visitor becomes (or stays) that person's,
 * sharing their conversations with the person's other browsers. A hash that does not verify is
 * refused (`bad_identity_hash`), as Intercom refuses a wrong `user_hash`; without a hash the details
 * are kept as claimed, merged into no one; where the site requires verification they are refused
 * (`identity_required`), but for an address alone (what the visitor gives for an emailed answer).
 */
export async function identifyVisitor(store: Store, visitor: VisitorRow, p: IdentifyInput): Promise<Identified> {
  const settings = await store.getSiteIdentity(visitor.siteId);
  const details = { name: p.name, email: p.email, phone: p.phone };
  if (p.hash !== undefined && p.id === undefined) throw new AppError('invalid_payload', 'A hash needs the id it was made from.', 'id');
  if (p.id === undefined || p.hash === undefined) {
    // The widget's own "email me the answer" sends an address alone: the visitor's, for a reply, not
    // the site vouching for a user. It is kept as claimed even where verification is required.
    const replyAddress =
      p.email !== undefined && p.id === undefined && p.name === undefined && p.phone === undefined && p.attributes === undefined;
    if (settings?.requireVerification && !replyAddress) {
      throw new AppError(
        'identity_required',
        'This site accepts only verified identities: identify needs the user id and its hash.',
        'hash',
      );
    }
    // A claimed id is kept (another tab of this browser learns it at hello), merged into no one.
    const claimed = await identified(store, visitor, { ...details, ...(p.id === undefined ? {} : { claimedId: p.id }) });
    await claimOnContact(store, claimed, { ...details, attributes: p.attributes });
    return { visitor: claimed, contact: null, merged: false, others: [] };
  }
  if (!settings) {
    throw new AppError('bad_identity_hash', 'This site has no identity secret yet: an admin finds it in the site settings.', 'hash');
  }
  if (!validIdentityHash(settings.secret, p.id, p.hash)) {
    throw new AppError('bad_identity_hash', "The hash is not the HMAC-SHA256 of this id with the site's identity secret.", 'hash');
  }
  const current = visitor.contactId ? await store.getContact(visitor.contactId) : null;
  // Else a second user signing in on a shared browser would see the first one's conversations.
  if (current?.externalId && current.externalId !== p.id) {
    throw new AppError('forbidden', 'This browser is identified as another user already; it must start a new visitor session first.', 'id');
  }
  const now = new Date().toISOString();
  const contact = await store.upsertContactByExternalId({
    id: nanoid(),
    siteId: visitor.siteId,
    externalId: p.id,
    name: p.name ?? null,
    email: p.email ?? null,
    phone: p.phone ?? null,
    createdAt: now,
    updatedAt: now,
  });
  // The browser's own contact (and whatever an agent merged into it) becomes the verified person's, recorded
  // as a merge an agent can undo. Two tabs at once: the second finds it merged, and the browser just moves.
  if (current && current.id !== contact.id && !current.mergedInto) {
    await store.mergeContacts({ id: nanoid(), fromId: current.id, intoId: contact.id, reason: 'identity', agentId: null, createdAt: now });
  }
  if (p.attributes) await store.updateContact(contact.id, { attributes: p.attributes, updatedAt: now });
  const updated = await identified(store, visitor, {
    ...details,
    contactId: contact.id,
    verifiedAt: visitor.verifiedAt ?? now,
    claimedId: null,
  });
  // Listed after joining, so two browsers joining at once each find the other.
  const others = (await store.contactVisitorIds(contact.id, true)).filter((id) => id !== visitor.id);
  const joined = visitor.contactId !== contact.id || !visitor.verifiedAt;
  return { visitor: updated, contact: (await store.getContact(contact.id)) ?? contact, merged: joined && others.length > 0, others };
}

/** What a page claimed goes on the browser's contact too, while that contact is no verified person (whose details the site vouches for). */
async function claimOnContact(store: Store, v: VisitorRow, details: Omit<IdentifyInput, 'id' | 'hash'>): Promise<void> {
  const c = v.contactId ? await store.getContact(v.contactId) : null;
  if (!c || c.mergedInto || isVerified(c)) return;
  const patch = { name: details.name, email: details.email, phone: details.phone, attributes: details.attributes };
  if (Object.values(patch).every((x) => x === undefined)) return;
  await store.updateContact(c.id, { ...patch, updatedAt: new Date().toISOString() });
}

/** Stores what identify says of a visitor, with its `contact.updated` when that changed anything. */
function identified(store: Store, visitor: VisitorRow, patch: VisitorPatch): Promise<VisitorRow> {
  return withWebhooks(store, contactEvents(visitor), (events) => store.updateVisitor(visitor.id, patch, events));
}

/** Whether a visitor may see a conversation: their own, or one of another verified browser of the same person. */
export async function ownsConversation(store: Store, visitor: VisitorRow, conversationVisitorId: string): Promise<boolean> {
  if (conversationVisitorId === visitor.id) return true;
  // Read again: another tab of this visitor's may have been verified since this socket connected.
  const me = personOf((await store.getVisitor(visitor.id)) ?? visitor);
  if (!me) return false;
  // Both verified: a browser an agent merged by hand sees no one's history, and shows no one its own.
  const other = await store.getVisitor(conversationVisitorId);
  return other !== null && personOf(other) === me;
}
