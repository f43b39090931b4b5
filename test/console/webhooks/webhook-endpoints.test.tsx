// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebhookApi, WebhookDelivery, WebhookEndpoint } from '../../../console/net/webhook-api';
import { WebhookEndpoints } from '../../../console/webhooks/webhook-endpoints';
import { openSection } from '../details';

afterEach(cleanup);

const AT = '2026-12-04T10:00:00Z';

/** A webhook API over in-memory lists, like the server's: the secret is in the create and rotate answers only. */
function fakeWebhookApi(): WebhookApi & { calls: string[] } {
  const endpoints: WebhookEndpoint[] = [];
  const deliveries: WebhookDelivery[] = [];
  const calls: string[] = [];
  const delivery = (endpointId: string, eventType: string): WebhookDelivery => ({
    id: `msg_${deliveries.length + 1}`,
    endpointId,
    eventType,
    status: 'delivered',
    attempts: 1,
    nextAttemptAt: AT,
    responseStatus: 200,
    lastError: null,
    createdAt: AT,
    updatedAt: AT,
    deliveredAt: AT,
  });
  return {
    calls,
    async list() {
      calls.push('list');
      return { ok: true, data: [...endpoints] };
    },
    async create(url, events) {
      calls.push(`create ${url} ${events.join(',')}`);
      const e: WebhookEndpoint = {
        id: `ep_${endpoints.length + 1}`,
        url,
        events,
        siteId: null,
        description: null,
        oldSecretUntil: null,
        failingSince: null,
        disabledAt: null,
        createdAt: AT,
        updatedAt: AT,
      };
      endpoints.push(e);
      return { ok: true, data: { endpoint: e, secret: 'whsec_first' } };
    },
    async setEnabled(id, enabled) {
      calls.push(`enabled ${id} ${enabled}`);
      const e = endpoints.find((x) => x.id === id)!;
      e.disabledAt = enabled ? null : AT;
      return { ok: true, data: e };
    },
    async remove(id) {
      calls.push(`remove ${id}`);
      endpoints.splice(
        endpoints.findIndex((x) => x.id === id),
        1,
      );
      return { ok: true, data: null };
    },
    async rotate(id) {
      calls.push(`rotate ${id}`);
      return { ok: true, data: { endpoint: endpoints.find((x) => x.id === id)!, secret: 'whsec_second' } };
    },
    async deliveries(id) {
      return { ok: true, data: deliveries.filter((d) => d.endpointId === id) };
    },
    async sendTest(id) {
      calls.push(`test ${id}`);
      const d = delivery(id, 'webhook.test');
      deliveries.unshift(d);
      return { ok: true, data: d };
    },
    async sendAgain(id) {
      calls.push(`again ${id}`);
      return { ok: true, data: deliveries.find((d) => d.id === id)! };
    },
  };
}

const open = () => openSection('Webhooks');

describe('Settings → Webhooks', () => {
  it('adds an endpoint with its secret shown once, sends a test event, lists the delivery and sends it again', async () => {
    const api = fakeWebhookApi();
    render(<WebhookEndpoints api={api} />);
    expect(api.calls).toEqual([]);
    open();
    await screen.findByText('No endpoints yet.');
    fireEvent.input(screen.getByRole('textbox', { name: 'Endpoint URL' }), { target: { value: 'https://crm.example/hooks' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'feedback.created' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add endpoint' }));
    const secret = await screen.findByRole<HTMLInputElement>('textbox', { name: 'Signing secret' });
    expect(secret.value).toBe('whsec_first');
    expect(api.calls).toContain('create https://crm.example/hooks conversation.created,message.created,feedback.created');
    const list = await screen.findByRole('list', { name: 'Webhook endpoints' });
    expect(within(list).getByText('https://crm.example/hooks')).toBeTruthy();

    fireEvent.click(within(list).getByRole('button', { name: 'Send a test event' }));
    const recent = await screen.findByRole('list', { name: 'Recent deliveries' });
    expect(within(recent).getByText('webhook.test')).toBeTruthy();
    expect(within(recent).getByText('delivered (200)')).toBeTruthy();
    fireEvent.click(within(recent).getByRole('button', { name: 'Send webhook.test again' }));
    await screen.findByRole('list', { name: 'Recent deliveries' });
    expect(api.calls).toContain('again msg_1');
  });

  it('rotates the secret, turns the endpoint off and deletes it', async () => {
    const api = fakeWebhookApi();
    await api.create('https://crm.example/hooks', ['message.created']);
    render(<WebhookEndpoints api={api} />);
    open();
    const list = await screen.findByRole('list', { name: 'Webhook endpoints' });
    fireEvent.click(within(list).getByRole('button', { name: 'Rotate secret' }));
    expect((await screen.findByRole<HTMLInputElement>('textbox', { name: 'Signing secret' })).value).toBe('whsec_second');
    fireEvent.click(within(list).getByRole('button', { name: 'Turn off' }));
    expect(
      await within(await screen.findByRole('list', { name: 'Webhook endpoints' })).findByRole('button', { name: 'Turn on' }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Delete the endpoint https://crm.example/hooks' }));
    expect(await screen.findByText('No endpoints yet.')).toBeTruthy();
    expect(api.calls).toEqual(expect.arrayContaining(['rotate ep_1', 'enabled ep_1 false', 'remove ep_1']));
  });
});
