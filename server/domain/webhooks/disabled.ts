import type { EmailService } from '../../email/email-service';
import type { Store, WebhookEndpointRow } from '../../store/types';

/** Tells every active admin that an endpoint was disabled (when email is set up); once per disabling. */
export async function emailAdminsEndpointDisabled(store: Store, email: EmailService, e: WebhookEndpointRow): Promise<void> {
  if (!email.enabled) return;
  const admins = (await store.listAgents()).filter((a) => a.role === 'admin' && !a.deactivatedAt);
  const text = [
    `Earshot stopped sending webhooks to ${e.url}: every delivery failed since ${e.failingSince ?? e.disabledAt}.`,
    '',
    'Fix the receiver, then turn the endpoint back on in Settings → Webhooks; failed deliveries can be sent again from there.',
  ].join('\n');
  for (const a of admins) {
    // Keyed by the endpoint and the time it was disabled: a repeated step queues nothing twice.
    await email.queue(
      { to: a.email, subject: 'A webhook endpoint was disabled', text },
      `webhook-disabled-${e.id}-${e.disabledAt}-${a.id}`,
    );
  }
}
