import { nanoid } from 'nanoid';
import { AppError } from '../errors';
import type { ContactMergeRow, ContactProblem, ContactRow, MergeReason, Store, VisitorRow } from '../store/types';

const PROBLEMS: Record<ContactProblem, [code: 'not_found' | 'invalid_payload' | 'contact_merged' | 'nothing_to_undo', message: string]> = {
  not_found: ['not_found', 'No such contact.'],
  same_contact: ['invalid_payload', 'A contact cannot be merged into itself.'],
  other_site: ['invalid_payload', 'Contacts of different sites cannot be merged.'],
  merged: ['contact_merged', 'That contact was merged into another one already.'],
  both_verified: ['invalid_payload', 'Both contacts are verified as different users of the site; they are not one person.'],
  nothing_to_undo: ['nothing_to_undo', 'This contact has no merge to undo.'],
  only_visitor: ['invalid_payload', 'This is the contact’s only browser; there is nothing to split from.'],
};

/** A store's refusal as the error every edge answers with. */
export function contactProblem(p: ContactProblem): AppError {
  const [code, message] = PROBLEMS[p];
  return new AppError(code, message);
}

function settled<T extends object>(r: T | ContactProblem): T {
  if (typeof r === 'string') throw contactProblem(r);
  return r;
}

/** A contact that is not merged into another; `not_found` otherwise. */
export async function liveContact(store: Store, id: string): Promise<ContactRow> {
  const c = await store.getContact(id);
  if (!c || c.mergedInto) throw new AppError('not_found', 'No such contact.');
  return c;
}

/** Whether a contact is a verified person: a verified identity (external id) or a verified email. */
export function isVerified(c: Pick<ContactRow, 'externalId' | 'emailVerifiedAt'>): boolean {
  return c.externalId !== null || c.emailVerifiedAt !== null;
}

/** Merges `fromId` into `intoId` (recorded, so it can be undone); a merge into itself or across sites is refused. */
export async function mergeContacts(
  store: Store,
  fromId: string,
  intoId: string,
  reason: MergeReason,
  agentId: string | null = null,
): Promise<ContactMergeRow> {
  return settled(await store.mergeContacts({ id: nanoid(), fromId, intoId, reason, agentId, createdAt: new Date().toISOString() }));
}

/** Undoes the latest merge into a contact: the merged contact and its browsers come back. */
export async function undoLastMerge(store: Store, intoId: string): Promise<ContactMergeRow> {
  return settled(await store.undoLastMerge(intoId, new Date().toISOString()));
}

/** Takes a browser out of its contact into a new, unverified contact of its own. */
export async function splitVisitor(store: Store, visitor: VisitorRow): Promise<ContactRow> {
  const now = new Date().toISOString();
  const { name, email, phone } = visitor;
  const fresh = { id: nanoid(), siteId: visitor.siteId, externalId: null, name, email, phone, createdAt: now, updatedAt: now };
  return settled(await store.splitVisitor(visitor.id, fresh));
}

/**
 * Marks `email` as shown to be the contact's (a confirmation link was opened, or a mail came from
 * it), then merges the contact into the site's other contact with that verified email, if any (the
 * older one stays). Returns the contact the person is now.
 */
export async function verifyContactEmail(store: Store, contactId: string, email: string): Promise<ContactRow> {
  const now = new Date().toISOString();
  const c = await liveContact(store, contactId);
  const updated = (await store.updateContact(c.id, { email, emailVerifiedAt: now, updatedAt: now }))!;
  const other = await store.findContactByVerifiedEmail(c.siteId, email, c.id);
  if (!other || (other.externalId && updated.externalId)) return updated;
  const [from, into] = other.createdAt <= updated.createdAt ? [updated, other] : [other, updated];
  await mergeContacts(store, from.id, into.id, 'email');
  return liveContact(store, into.id);
}
