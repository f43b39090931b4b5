import { beforeEach, describe, expect, it } from 'vitest';
import type { WebhookEndpointRow } from '../../server/store/types';
import { makeToken, v1 } from '../helpers/rest-api';
import { signInCookie, useServer } from '../helpers/server';

// This server keeps the SSRF guard on (no WEBHOOKS_ALLOW_PRIVATE): an endpoint is put straight in the store,
// as one made earlier to a public address would be, so the REST changes to it can be seen against the guard.

const t = useServer();
let token: string;
beforeEach(async () => {
  token = (await makeToken(t.server.url, await signInCookie(t.server.url))).secret;
});

const AT = '2026-12-01T10:00:00.000Z';
async function storedEndpoint(id = 'ep_1'): Promise<string> {
  const row: WebhookEndpointRow = {
    id,
    url: 'https://hooks.example/earshot',
    events: ['message.created'],
    siteId: null,
    description: null,
    secret: 'whsec_dGVzdA',
    oldSecret: null,
    oldSecretUntil: null,
    failingSince: AT,
    disabledAt: AT,
    createdAt: AT,
    updatedAt: AT,
  };
  await t.server.store.createWebhookEndpoint(row);
  return id;
}

describe('REST API: changing and deleting webhook endpoints', () => {
  it('changes events, the site filter, the description and turns a disabled endpoint back on', async () => {
    const id = await storedEndpoint();
    const r = await v1(t.server.url, `/webhooks/${id}`, {
      token,
      method: 'PATCH',
      body: { events: ['conversation.created', 'feedback.created'], site_id: 'demo', description: 'CRM', enabled: true },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      id,
      url: 'https://hooks.example/earshot',
      events: ['conversation.created', 'feedback.created'],
      site_id: 'demo',
      description: 'CRM',
      disabled_at: null,
      failing_since: null,
    });
    expect(JSON.stringify(r.body)).not.toMatch(/whsec_/);
    expect(await t.server.store.getWebhookEndpoint(id)).toMatchObject({ siteId: 'demo', disabledAt: null, events: r.body.events });
    const off = await v1(t.server.url, `/webhooks/${id}`, { token, method: 'PATCH', body: { enabled: false, site_id: null } });
    expect(off.body).toMatchObject({ site_id: null, disabled_at: expect.any(String) });
  });

  it('checks a new URL with the SSRF guard again, and refuses bad fields by name', async () => {
    const id = await storedEndpoint();
    const patch = (body: unknown) => v1(t.server.url, `/webhooks/${id}`, { token, method: 'PATCH', body });
    const loopback = await patch({ url: 'http://127.0.0.1:9/hook' });
    expect(loopback).toMatchObject({ status: 400, body: { code: 'invalid_payload', field: 'url' } });
    expect(loopback.type).toMatch(/^application\/problem\+json/);
    expect((await patch({ url: 'ftp://hooks.example/x' })).body).toMatchObject({ status: 400, field: 'url' });
    expect((await patch({ events: ['nothing.happened'] })).body).toMatchObject({ status: 400, field: 'events.0' });
    expect((await patch({ site_id: 'nowhere' })).body).toMatchObject({ status: 400, field: 'site_id' });
    expect((await patch({ secret: 'whsec_mine' })).body).toMatchObject({ status: 400, field: 'secret' });
    expect((await patch({ enabled: 'yes' })).body).toMatchObject({ status: 400, field: 'enabled' });
    expect(await t.server.store.getWebhookEndpoint(id)).toMatchObject({ url: 'https://hooks.example/earshot', siteId: null });
    expect((await v1(t.server.url, '/webhooks/ep_none', { token, method: 'PATCH', body: { enabled: true } })).status).toBe(404);
  });

  it('deletes an endpoint: 204, gone from the list, a second delete is 404', async () => {
    const id = await storedEndpoint();
    const res = await fetch(`${t.server.url}/api/v1/webhooks/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect((await v1(t.server.url, '/webhooks', { token })).body.data).toEqual([]);
    expect(await t.server.store.getWebhookEndpoint(id)).toBeNull();
    expect((await v1(t.server.url, `/webhooks/${id}`, { token, method: 'DELETE' })).body).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('refuses changes from a read-only token', async () => {
    const id = await storedEndpoint();
    const read = (await makeToken(t.server.url, await signInCookie(t.server.url), ['read'], 'reader')).secret;
    expect((await v1(t.server.url, `/webhooks/${id}`, { token: read, method: 'DELETE' })).status).toBe(403);
    expect((await v1(t.server.url, `/webhooks/${id}`, { token: read, method: 'PATCH', body: { enabled: true } })).status).toBe(403);
    expect(await t.server.store.getWebhookEndpoint(id)).not.toBeNull();
  });
});
