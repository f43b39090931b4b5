import * as v from 'valibot';
import {
  createWebhook,
  deleteWebhook,
  listDeliveries,
  listWebhooks,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhook,
} from '../domain/webhooks/endpoints';
import type { WebhookDeliveryView, WebhookEndpointView } from '../domain/webhooks/endpoints';
import { description, events, siteId, url } from '../webhooks/fields';
import { answers, op, route, type ApiRoute } from './route';
import { resourceOf } from '../resources/camel';
import { time } from '../resources/schemas';
import { listOf } from './schemas';

const nullableTime = v.nullable(time);

/** A webhook endpoint as the API shows it: never its secrets. */
export const webhookEndpoint = v.object({
  id: v.string(),
  url: v.string(),
  events: v.array(v.string()),
  site_id: v.nullable(v.string()),
  description: v.nullable(v.string()),
  old_secret_until: nullableTime,
  failing_since: nullableTime,
  disabled_at: nullableTime,
  created_at: time,
  updated_at: time,
});

/** An endpoint with its signing secret, in the answer that makes or rotates it only. */
const withSecret = v.object({ endpoint: webhookEndpoint, secret: v.string() });

/** One event's delivery to an endpoint. */
export const webhookDelivery = v.object({
  id: v.string(),
  endpoint_id: v.string(),
  event_type: v.string(),
  status: v.picklist(['pending', 'sending', 'delivered', 'failed']),
  attempts: v.pipe(v.number(), v.integer()),
  next_attempt_at: time,
  response_status: v.nullable(v.pipe(v.number(), v.integer())),
  last_error: v.nullable(v.string()),
  created_at: time,
  updated_at: time,
  delivered_at: nullableTime,
});

const webhookCreateBody = v.strictObject({ url, events, site_id: v.optional(siteId), description: v.optional(description) });
const webhookUpdateBody = v.strictObject({
  url: v.optional(url),
  events: v.optional(events),
  site_id: v.optional(siteId),
  description: v.optional(description),
  enabled: v.optional(v.boolean('must be true or false')),
});

const endpointResource = (e: WebhookEndpointView) => resourceOf(webhookEndpoint, e);
const deliveryResource = (d: WebhookDeliveryView) => resourceOf(webhookDelivery, d);

/** Webhook endpoints of /api/v1: a write token only (the endpoints say where the server's data goes). */
export const WEBHOOK_ROUTES: ApiRoute[] = [
  route({
    ...op('get', '/webhooks', 'listWebhooks', 'Webhooks', 'write'),
    summary: 'List webhook endpoints (one page: there are few)',
    ...answers(200, listOf(webhookEndpoint)),
    async handler({ caller, deps }) {
      return { data: (await listWebhooks(deps.store, caller.agent)).map(endpointResource), next_cursor: null };
    },
  }),
  route({
    ...op('post', '/webhooks', 'createWebhook', 'Webhooks', 'write'),
    summary: 'Add a webhook endpoint; its whsec_ signing secret is in this answer only',
    body: webhookCreateBody,
    ...answers(201, withSecret),
    async handler({ body, caller, deps }) {
      const input = { url: body.url, events: body.events, siteId: body.site_id, description: body.description };
      const made = await createWebhook(deps.store, caller.agent, input, deps.webhooks);
      return { endpoint: endpointResource(made.endpoint), secret: made.secret };
    },
  }),
  route({
    ...op('patch', '/webhooks/:id', 'updateWebhook', 'Webhooks', 'write'),
    summary: "Change an endpoint's URL (checked again), events, site filter or description; enabled: true turns a disabled one on",
    body: webhookUpdateBody,
    ...answers(200, webhookEndpoint),
    async handler({ params, body, caller, deps }) {
      const { site_id, ...rest } = body;
      return endpointResource(await updateWebhook(deps.store, caller.agent, params.id, { ...rest, siteId: site_id }, deps.webhooks));
    },
  }),
  route({
    ...op('delete', '/webhooks/:id', 'deleteWebhook', 'Webhooks', 'write'),
    summary: 'Delete an endpoint and its deliveries',
    ...answers(204),
    async handler({ params, caller, deps }) {
      await deleteWebhook(deps.store, caller.agent, params.id);
    },
  }),
  route({
    ...op('post', '/webhooks/:id/rotate', 'rotateWebhookSecret', 'Webhooks', 'write'),
    summary: 'Give an endpoint a new secret; the old one keeps signing beside it for 24 hours',
    ...answers(200, withSecret),
    async handler({ params, caller, deps }) {
      const made = await rotateWebhookSecret(deps.store, caller.agent, params.id, deps.webhooks);
      return { endpoint: endpointResource(made.endpoint), secret: made.secret };
    },
  }),
  route({
    ...op('get', '/webhooks/:id/deliveries', 'listWebhookDeliveries', 'Webhooks', 'write'),
    summary: "An endpoint's latest deliveries, newest first",
    ...answers(200, listOf(webhookDelivery)),
    async handler({ params, caller, deps }) {
      return { data: (await listDeliveries(deps.store, caller.agent, params.id)).map(deliveryResource), next_cursor: null };
    },
  }),
  route({
    ...op('post', '/webhooks/:id/test', 'sendTestWebhook', 'Webhooks', 'write'),
    summary: 'Queue a webhook.test event for an endpoint',
    ...answers(202, webhookDelivery),
    async handler({ params, caller, deps }) {
      return deliveryResource(await sendTestWebhook(deps.store, caller.agent, params.id));
    },
  }),
];
