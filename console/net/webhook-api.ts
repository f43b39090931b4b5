import type { WebhookDelivery, WebhookEndpoint } from '../../protocol/webhooks';
import { call, type RestResult } from './rest';

export type { WebhookDelivery, WebhookEndpoint };

/** The console's calls for Settings → Webhooks (admins only). */
export interface WebhookApi {
  list(): Promise<RestResult<WebhookEndpoint[]>>;
  create(url: string, events: string[]): Promise<RestResult<{ endpoint: WebhookEndpoint; secret: string }>>;
  setEnabled(id: string, enabled: boolean): Promise<RestResult<WebhookEndpoint>>;
  remove(id: string): Promise<RestResult<null>>;
  rotate(id: string): Promise<RestResult<{ endpoint: WebhookEndpoint; secret: string }>>;
  deliveries(id: string): Promise<RestResult<WebhookDelivery[]>>;
  sendTest(id: string): Promise<RestResult<WebhookDelivery>>;
  sendAgain(deliveryId: string): Promise<RestResult<WebhookDelivery>>;
}

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** REST adapter over `fetch` on the console's own origin. */
export function createWebhookApi(fetcher: typeof fetch = (...a) => fetch(...a)): WebhookApi {
  const at = (id: string) => `/api/webhooks/${encodeURIComponent(id)}`;
  return {
    list: () => call(fetcher, '/api/webhooks'),
    create: (url, events) => call(fetcher, '/api/webhooks', json('POST', { url, events })),
    setEnabled: (id, enabled) => call(fetcher, at(id), json('PATCH', { enabled })),
    remove: (id) => call(fetcher, at(id), { method: 'DELETE' }),
    rotate: (id) => call(fetcher, `${at(id)}/rotate`, json('POST', {})),
    deliveries: (id) => call(fetcher, `${at(id)}/deliveries`),
    sendTest: (id) => call(fetcher, `${at(id)}/test`, json('POST', {})),
    sendAgain: (deliveryId) => call(fetcher, `/api/webhooks/deliveries/${encodeURIComponent(deliveryId)}/retry`, json('POST', {})),
  };
}
