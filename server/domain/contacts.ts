import { nanoid } from 'nanoid';
import type { ContactDetail, ContactSummary, TimelineItem } from '../../protocol/contacts';
import { LIMITS } from '../../protocol/events';
import { AppError, found } from '../errors';
import { patchAttributes } from '../store/rows';
import type {
  ContactListItem,
  ContactMergeRow,
  ContactPatch,
  ContactProblem,
  ContactQuery,
  ContactRow,
  MergeReason,
  Store,
  VisitorRow,
} from '../store/types';
import type { WebhookEvents } from '../store/webhook-events';
import { friendlyName } from './friendly-name';

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
  if (c.erasedAt) throw new AppError('contact_erased', 'This contact was erased.');
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

/** What the Contacts list shows of a contact. */
export function toContactSummary(c: ContactListItem): ContactSummary {
  return {
    id: c.id,
    siteId: c.siteId,
    name: c.name ?? c.visitorName,
    email: c.email ?? c.visitorEmail,
    phone: c.phone,
    externalId: c.externalId,
    emailVerified: c.emailVerifiedAt !== null,
    verified: isVerified(c),
    visitorCount: c.visitorCount,
    lastSeenAt: c.lastSeenAt,
    createdAt: c.createdAt,
  };
}

/** A page of contacts, last seen first. */
export async function listContacts(store: Store, q: ContactQuery): Promise<ContactSummary[]> {
  return (await store.listContacts(q)).map(toContactSummary);
}

const TIMELINE_LIMIT = 200;

/** Everything about a contact: one timeline across channels, its browsers, pages, ratings and merge suggestions. */
export async function contactDetail(store: Store, id: string): Promise<ContactDetail> {
  const item = await store.getContactItem(id);
  if (!item || item.mergedInto) throw new AppError('not_found', 'No such contact.');
  const [visitorIds, conversations, activity, suggestions, lastMerge] = await Promise.all([
    store.contactVisitorIds(id),
    store.listSummaries({ contactId: id, status: 'all', limit: TIMELINE_LIMIT }),
    store.contactActivity(id, TIMELINE_LIMIT),
    store.contactSuggestions(id, 10),
    store.lastMerge(id),
  ]);
  const visitors = (await Promise.all(visitorIds.map((v) => store.getVisitor(v)))).filter((v) => v !== null);
  const replies = await Promise.all(activity.feedback.map((f) => store.listFeedbackReplies(f.id)));
  const timeline: TimelineItem[] = [
    ...conversations.map((c): TimelineItem => ({
      kind: 'conversation',
      at: c.createdAt,
      id: c.id,
      status: c.status,
      preview: c.lastMessage?.text ?? null,
      visitorId: c.visitorId,
    })),
    ...conversations.flatMap((c): TimelineItem[] =>
      c.survey
        ? [{ kind: 'survey', at: c.survey.createdAt, conversationId: c.id, rating: c.survey.rating, comment: c.survey.comment }]
        : [],
    ),
    ...activity.callbacks.map((b): TimelineItem => ({
      kind: 'callback',
      at: b.createdAt,
      id: b.id,
      status: b.status,
      phone: b.phone,
      topic: b.topic,
    })),
    ...activity.feedback.map((f): TimelineItem => ({
      kind: 'feedback',
      at: f.createdAt,
      id: f.id,
      rating: f.rating,
      category: f.category,
      text: f.text,
    })),
    ...replies.flat().map((r): TimelineItem => ({
      kind: 'email',
      at: r.createdAt,
      id: r.id,
      feedbackId: r.feedbackId,
      agentName: r.agentName,
      text: r.text,
    })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const pages = new Map<string, string | null>();
  for (const p of [...visitors, ...activity.callbacks, ...activity.feedback])
    if (p.pageUrl && !pages.has(p.pageUrl)) pages.set(p.pageUrl, p.pageTitle);
  return {
    ...toContactSummary(item),
    attributes: item.attributes,
    notes: item.notes,
    visitors: visitors.map((v) => ({
      id: v.id,
      displayName: v.name ?? friendlyName(v.id),
      verified: v.verifiedAt != null,
      pageUrl: v.pageUrl,
      pageTitle: v.pageTitle,
      lastSeenAt: v.lastSeenAt,
    })),
    timeline,
    pages: [...pages].map(([url, title]) => ({ url, title })),
    ratings: timeline.flatMap((t): ContactDetail['ratings'] =>
      t.kind === 'survey'
        ? [{ at: t.at, rating: t.rating, source: 'survey' }]
        : t.kind === 'feedback' && t.rating !== null
          ? [{ at: t.at, rating: t.rating, source: 'feedback' }]
          : [],
    ),
    suggestions: suggestions.map((s) => ({ contact: toContactSummary(s.contact), email: s.email, phone: s.phone })),
    lastMerge: lastMerge && { id: lastMerge.id, fromId: lastMerge.fromId, reason: lastMerge.reason, createdAt: lastMerge.createdAt },
  };
}

/** Changes a contact's details and attributes (null removes one), refusing a change that would keep too many attributes. */
export async function updateContactDetails(
  store: Store,
  id: string,
  patch: Omit<ContactPatch, 'updatedAt'>,
  events?: WebhookEvents<ContactRow>,
): Promise<ContactRow> {
  const c = await liveContact(store, id);
  if (Object.keys(patchAttributes(c.attributes, patch.attributes)).length > LIMITS.attributes) {
    throw new AppError('invalid_payload', `attributes: a contact keeps at most ${LIMITS.attributes}`, 'attributes');
  }
  return found(await store.updateContact(c.id, { ...patch, updatedAt: new Date().toISOString() }, events), 'No such contact.');
}
