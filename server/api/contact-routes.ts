import { createHash } from 'node:crypto';
import * as v from 'valibot';
import { LIMITS } from '../../protocol/events';
import { isVerified, updateContactDetails } from '../domain/contacts';
import { withWebhooks } from '../domain/webhooks/events';
import { AppError, found } from '../errors';
import type { ContactListItem, ContactRow, Store } from '../store/types';
import { attributesPatch } from '../validation';
import { decodeCursor, isChangeKey, limitOf, pageOf } from './pagination';
import { route, type ApiRoute } from './route';
import { time } from '../resources/schemas';
import { id, idParam, listOf, page } from './schemas';

/** A contact as the API shows it: one person, gathering their browsers (visitors) on a site. */
export const contactSchema = v.object({
  id: v.string(),
  site_id: v.string(),
  /** The site's own user id, from identify with a valid hash. */
  external_id: v.nullable(v.string()),
  name: v.nullable(v.string()),
  email: v.nullable(v.string()),
  email_verified: v.boolean(),
  phone: v.nullable(v.string()),
  /** A verified identity or a verified email. */
  verified: v.boolean(),
  attributes: v.record(v.string(), v.union([v.string(), v.number(), v.boolean()])),
  visitor_count: v.pipe(v.number(), v.integer()),
  last_seen_at: time,
  created_at: time,
  updated_at: time,
});

/** A contact as the API shows it. */
export function contactResource(c: ContactListItem): v.InferOutput<typeof contactSchema> {
  return {
    id: c.id,
    site_id: c.siteId,
    external_id: c.externalId,
    name: c.name ?? c.visitorName,
    email: c.email ?? c.visitorEmail,
    email_verified: c.emailVerifiedAt !== null,
    phone: c.phone,
    verified: isVerified(c),
    attributes: c.attributes,
    visitor_count: c.visitorCount,
    last_seen_at: c.lastSeenAt,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

const contactListQuery = v.strictObject({
  ...page,
  site: v.optional(id),
  /** Matches name, email or phone. */
  search: v.optional(v.pipe(v.string('must be a string'), v.maxLength(200, 'must be at most 200 characters'))),
});

const nullableText = (max: number) =>
  v.nullable(v.pipe(v.string('must be a string or null'), v.maxLength(max, `must be at most ${max} characters`)));
const contactPatch = v.strictObject({
  name: v.optional(nullableText(LIMITS.nameLength)),
  email: v.optional(
    v.nullable(v.pipe(v.string('must be a string or null'), v.maxLength(LIMITS.emailLength), v.email('must be an email address'))),
  ),
  phone: v.optional(nullableText(LIMITS.phoneLength)),
  /** Merged key by key; null removes a key. */
  attributes: v.optional(attributesPatch),
});

const itemOf = async (store: Store, contactId: string) => {
  const c = found(await store.getContactItem(contactId), 'No such contact.');
  if (c.mergedInto) throw new AppError('not_found', 'No such contact: it was merged into another one.');
  if (c.erasedAt) throw new AppError('contact_erased', 'This contact was erased.');
  return c;
};

/** Contacts (list, get, change) of /api/v1; a change is sent as `contact.updated`. */
export const CONTACT_ROUTES: ApiRoute[] = [
  route({
    method: 'get',
    path: '/contacts',
    operationId: 'listContacts',
    summary: 'List contacts, last seen first; search by name, email or phone',
    tag: 'Contacts',
    scope: 'read',
    query: contactListQuery,
    status: 200,
    response: listOf(contactSchema),
    async handler({ query, deps }) {
      const limit = limitOf(query);
      const after = decodeCursor(query.cursor, isChangeKey);
      const rows = await deps.store.listContacts({
        siteId: query.site,
        search: query.search?.trim() || undefined,
        before: after && { lastSeenAt: new Date(after.u).toISOString(), id: after.i },
        limit: limit + 1,
      });
      return pageOf(rows, limit, (c) => ({ u: c.lastSeenAt, i: c.id }), contactResource);
    },
  }),
  route({
    method: 'get',
    path: '/contacts/:id',
    operationId: 'getContact',
    summary: 'Get a contact with its custom attributes',
    tag: 'Contacts',
    scope: 'read',
    params: idParam,
    status: 200,
    response: contactSchema,
    async handler({ params, deps }) {
      return contactResource(await itemOf(deps.store, params.id));
    },
  }),
  route({
    method: 'patch',
    path: '/contacts/:id',
    operationId: 'updateContact',
    summary: "Change a contact's name, email, phone or custom attributes (null removes one); sends contact.updated",
    tag: 'Contacts',
    scope: 'write',
    params: idParam,
    body: contactPatch,
    status: 200,
    response: contactSchema,
    async handler({ params, body, deps }) {
      if (Object.keys(body).length === 0)
        throw new AppError('invalid_payload', 'must change at least one of name, email, phone or attributes');
      // The event's resource is the contact as the change leaves it (its browsers' figures as read just before).
      const prior = await itemOf(deps.store, params.id);
      const c = await withWebhooks(
        deps.store,
        (after: ContactRow) => {
          const resource = contactResource({ ...prior, ...after });
          const digest = createHash('sha256').update(JSON.stringify(resource)).digest('base64url');
          return [
            {
              type: 'contact.updated',
              key: `contact.updated:${after.id}:${digest}`,
              siteId: after.siteId,
              orderKey: after.id,
              data: { resource },
            },
          ];
        },
        (events) => updateContactDetails(deps.store, params.id, body, events),
      );
      return contactResource({ ...prior, ...c });
    },
  }),
];
