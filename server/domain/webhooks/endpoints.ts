import { nanoid } from 'nanoid';
import { AppError } from '../../errors';
import type { AgentRow, Store, WebhookDeliveryRow, WebhookEndpointRow } from '../../store/types';
import { checkedAddresses } from '../../webhooks/addresses';
import type { WebhookSettings } from '../../webhooks/settings';
import { webhookQueued } from '../../webhooks/kick';
import { newWebhookSecret } from '../../webhooks/sign';
import { requireAdmin } from '../roles';
import { webhookEndpointsChanged } from '../../webhooks/endpoint-cache';
import { webhookBody } from '../../webhooks/recording';
import type { WebhookEventType } from './events';

/** An endpoint as admins see it: never its secrets. */
export type WebhookEndpointView = Omit<WebhookEndpointRow, 'secret' | 'oldSecret'>;
/** A delivery as admins see it: its body parsed back. */
export type WebhookDeliveryView = Omit<WebhookDeliveryRow, 'body'> & { payload: unknown };

export interface WebhookInput {
  url: string;
  events: WebhookEventType[];
  siteId?: string | null;
  description?: string | null;
}

const WHAT = 'manage webhooks';

/** What an admin may see of an endpoint. */
export function toEndpointView(e: WebhookEndpointRow): WebhookEndpointView {
  const { secret: _s, oldSecret: _o, ...view } = e;
  return view;
}

/** What an admin may see of a delivery. */
export function toDeliveryView(d: WebhookDeliveryRow): WebhookDeliveryView {
  const { body, ...rest } = d;
  return { ...rest, payload: JSON.parse(body) as unknown };
}

async function endpoint(store: Store, id: string): Promise<WebhookEndpointRow> {
  const e = await store.getWebhookEndpoint(id);
  if (!e) throw new AppError('not_found', 'No such webhook endpoint.');
  return e;
}

async function checkSite(store: Store, siteId: string | null | undefined): Promise<void> {
  if (siteId && !(await store.getSite(siteId))) throw new AppError('invalid_payload', 'siteId no such site', 'siteId');
}

/** Adds an endpoint; its secret is in this answer only. The URL must be http(s) and resolve to public addresses only. */
export async function createWebhook(
  store: Store,
  admin: AgentRow,
  input: WebhookInput,
  settings: WebhookSettings,
): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  requireAdmin(admin, WHAT);
  await checkedAddresses(input.url, settings.allowPrivate);
  await checkSite(store, input.siteId);
  const now = new Date().toISOString();
  const row: WebhookEndpointRow = {
    id: `ep_${nanoid()}`,
    url: input.url,
    events: [...new Set(input.events)],
    siteId: input.siteId ?? null,
    description: input.description ?? null,
    secret: newWebhookSecret(),
    oldSecret: null,
    oldSecretUntil: null,
    failingSince: null,
    disabledAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await store.createWebhookEndpoint(row);
  webhookEndpointsChanged(store);
  return { endpoint: toEndpointView(row), secret: row.secret };
}

/** Every endpoint, oldest first. */
export async function listWebhooks(store: Store, admin: AgentRow): Promise<WebhookEndpointView[]> {
  requireAdmin(admin, WHAT);
  return (await store.listWebhookEndpoints()).map(toEndpointView);
}

/** Changes an endpoint; `enabled: true` turns a disabled one back on. */
export async function updateWebhook(
  store: Store,
  admin: AgentRow,
  id: string,
  input: Partial<WebhookInput> & { enabled?: boolean },
  settings: WebhookSettings,
): Promise<WebhookEndpointView> {
  requireAdmin(admin, WHAT);
  await endpoint(store, id);
  if (input.url !== undefined) await checkedAddresses(input.url, settings.allowPrivate);
  await checkSite(store, input.siteId);
  const now = new Date().toISOString();
  const row = await store.updateWebhookEndpoint(id, {
    url: input.url,
    events: input.events && [...new Set(input.events)],
    siteId: input.siteId,
    description: input.description,
    ...(input.enabled === undefined ? {} : input.enabled ? { disabledAt: null, failingSince: null } : { disabledAt: now }),
    updatedAt: now,
  });
  webhookEndpointsChanged(store);
  return toEndpointView(row ?? (await endpoint(store, id)));
}

/** Deletes an endpoint and its deliveries. */
export async function deleteWebhook(store: Store, admin: AgentRow, id: string): Promise<void> {
  requireAdmin(admin, WHAT);
  if (!(await store.deleteWebhookEndpoint(id))) throw new AppError('not_found', 'No such webhook endpoint.');
  webhookEndpointsChanged(store);
}

/** A new secret (shown once); the old one keeps signing beside it for `settings.oldSecretMs`, then never again. */
export async function rotateWebhookSecret(
  store: Store,
  admin: AgentRow,
  id: string,
  settings: WebhookSettings,
): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  requireAdmin(admin, WHAT);
  const e = await endpoint(store, id);
  const secret = newWebhookSecret();
  const until = new Date(settings.now() + settings.oldSecretMs).toISOString();
  const row = await store.updateWebhookEndpoint(id, {
    secret,
    oldSecret: e.secret,
    oldSecretUntil: until,
    updatedAt: new Date().toISOString(),
  });
  return { endpoint: toEndpointView(row ?? e), secret };
}

/** An endpoint's latest deliveries, newest first. */
export async function listDeliveries(store: Store, admin: AgentRow, id: string, limit = 50): Promise<WebhookDeliveryView[]> {
  requireAdmin(admin, WHAT);
  await endpoint(store, id);
  return (await store.listWebhookDeliveries(id, limit)).map(toDeliveryView);
}

/** Sends a delivery again, with its id (receivers that saw it may tell it is the same event). */
export async function redeliverWebhook(store: Store, admin: AgentRow, deliveryId: string): Promise<WebhookDeliveryView> {
  requireAdmin(admin, WHAT);
  const d = await store.redeliverWebhook(deliveryId, new Date().toISOString());
  if (!d) throw new AppError('not_found', 'No such webhook delivery.');
  webhookQueued(store);
  return toDeliveryView(d);
}

/** Queues a `webhook.test` event for one endpoint, whatever events it asked for. */
export async function sendTestWebhook(store: Store, admin: AgentRow, id: string): Promise<WebhookDeliveryView> {
  requireAdmin(admin, WHAT);
  const e = await endpoint(store, id);
  const now = new Date();
  const row = { id: `msg_${nanoid()}`, endpointId: e.id, eventType: 'webhook.test', orderKey: null, createdAt: now.toISOString() };
  const body = webhookBody('webhook.test', { endpoint_id: e.id, message: 'A test event from Earshot.' }, now);
  await store.enqueueWebhookDeliveries([{ ...row, body }]);
  webhookQueued(store);
  return toDeliveryView((await store.getWebhookDelivery(row.id))!);
}
