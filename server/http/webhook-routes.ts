import express, { type Response, type Router } from 'express';
import * as v from 'valibot';
import {
  createWebhook,
  deleteWebhook,
  listDeliveries,
  listWebhooks,
  redeliverWebhook,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhook,
} from '../domain/webhooks/endpoints';
import { requireAgent } from './auth-routes';
import type { AgentRow, Store } from '../store/types';
import { parse } from '../validation';
import { description, events, siteId, url } from '../webhooks/fields';
import type { WebhookSettings } from '../webhooks/settings';

/** What an admin gives a new endpoint. */
export const webhookCreate = v.strictObject({ url, events, siteId: v.optional(siteId), description: v.optional(description) });
/** What an admin may change. */
export const webhookUpdate = v.strictObject({
  url: v.optional(url),
  events: v.optional(events),
  siteId: v.optional(siteId),
  description: v.optional(description),
  enabled: v.optional(v.boolean('must be true or false')),
});

const me = (res: Response) => res.locals.agent as AgentRow;
const id = (p: unknown) => String(p);

/** The console's Settings → Webhooks calls (signed-in admins; the domain checks the role). */
export function webhookRoutes(store: Store, settings: WebhookSettings): Router {
  const r = express.Router();
  r.use(requireAgent(store));
  r.get('/', async (_req, res) => {
    res.json({ ok: true, data: await listWebhooks(store, me(res)) });
  });
  r.post('/', async (req, res) => {
    res.json({ ok: true, data: await createWebhook(store, me(res), parse(webhookCreate, req.body), settings) });
  });
  r.patch('/:id', async (req, res) => {
    res.json({ ok: true, data: await updateWebhook(store, me(res), id(req.params.id), parse(webhookUpdate, req.body), settings) });
  });
  r.delete('/:id', async (req, res) => {
    await deleteWebhook(store, me(res), id(req.params.id));
    res.json({ ok: true, data: null });
  });
  r.post('/:id/rotate', async (req, res) => {
    res.json({ ok: true, data: await rotateWebhookSecret(store, me(res), id(req.params.id), settings) });
  });
  r.get('/:id/deliveries', async (req, res) => {
    res.json({ ok: true, data: await listDeliveries(store, me(res), id(req.params.id)) });
  });
  r.post('/:id/test', async (req, res) => {
    res.json({ ok: true, data: await sendTestWebhook(store, me(res), id(req.params.id)) });
  });
  r.post('/deliveries/:id/retry', async (req, res) => {
    res.json({ ok: true, data: await redeliverWebhook(store, me(res), id(req.params.id)) });
  });
  return r;
}
