import type { EmailService } from '../email/email-service';
import { newCallbackEmail } from '../email/templates';
import type { CallbackRow, SiteRow, Store } from '../store/types';
import { displayPhone } from './phone';

/**
 * Emails the site's admins about a new call back request, when email is configured; once per
 * request and admin, however often it is called (a retry queues only what a crash left unqueued).
 */
export async function alertOwnersOfCallback(store: Store, email: EmailService, site: SiteRow, c: CallbackRow): Promise<void> {
  if (!email.enabled) return;
  const due = new Intl.DateTimeFormat('en-GB', { timeZone: site.hours.timezone, dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(c.dueAt),
  );
  const message = newCallbackEmail({
    siteName: site.name,
    phone: displayPhone(c.phone),
    name: c.name,
    topic: c.topic,
    due: `${due} (${site.hours.timezone})`,
    asap: c.asap,
    page: c.pageUrl,
  });
  for (const admin of (await store.listAgents()).filter((a) => a.role === 'admin')) {
    await email.queue({ to: admin.email, ...message }, `callback-${c.id}-${admin.id}`);
  }
}
