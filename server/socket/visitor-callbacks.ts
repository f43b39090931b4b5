import { changeCallbackTime, ownOpenCallback, requestCallback, slotsFor, toVisitorCallback } from '../domain/callbacks';
import { toE164 } from '../domain/phone';
import { newCallbackEmail } from '../email/templates';
import { consume } from '../limits';
import type { CallbackRow, SiteRow } from '../store/types';
import { schemas } from '../validation';
import { announceCallback } from './callback-broadcast';
import { handle } from './handler';
import type { SocketDeps, VisitorSocket } from './types';

/** Call back requests from one visitor socket. */
export function registerVisitorCallbackHandlers(socket: VisitorSocket, deps: SocketDeps): void {
  const site = () => deps.sites.get(socket.data.siteId);
  const { store, log } = deps;

  socket.on('callback:slots', handle(log, 'callback:slots', schemas.empty, async () => slotsFor(await site())));

  socket.on('callback:request', handle(log, 'callback:request', schemas.callbackRequest, async (input) => {
    await consume(deps.limiters.callbacksPerIp, socket.handshake.address);
    await consume(deps.limiters.callbacksPerPhone, toE164(input.phone, input.country));
    const siteRow = await site();
    const { callback, created } = await requestCallback(store, siteRow, socket.data.visitor, input);
    await announceCallback(deps, callback.id);
    if (created) await notifyOwners(deps, siteRow, callback).catch((err) => log.error({ err }, 'could not queue the callback email'));
    return toVisitorCallback(callback);
  }));

  socket.on('callback:mine', handle(log, 'callback:mine', schemas.empty, async () => {
    const c = await store.latestCallbackForVisitor(socket.data.visitor.id);
    return c && toVisitorCallback(c);
  }));

  socket.on('callback:change', handle(log, 'callback:change', schemas.callbackChange, async (p) => {
    const c = await ownOpenCallback(store, socket.data.visitor, p.callbackId);
    await changeCallbackTime(store, await site(), c, p.when);
    return announceCallback(deps, c.id).then(toVisitorCallback);
  }));

  socket.on('callback:cancel', handle(log, 'callback:cancel', schemas.callbackId, async (p) => {
    const c = await ownOpenCallback(store, socket.data.visitor, p.callbackId);
    await store.updateCallback(c.id, { status: 'cancelled', updatedAt: new Date().toISOString() });
    return announceCallback(deps, c.id).then(toVisitorCallback);
  }));
}

/** Emails the site's admins about a new request, when email is configured. */
async function notifyOwners(deps: SocketDeps, site: SiteRow, c: CallbackRow): Promise<void> {
  if (!deps.email.enabled) return;
  const due = new Intl.DateTimeFormat('en-GB', { timeZone: site.hours.timezone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(c.dueAt));
  const message = newCallbackEmail({
    siteName: site.name, phone: c.phone, name: c.name, topic: c.topic, due: `${due} (${site.hours.timezone})`, asap: c.asap, page: c.pageUrl,
  });
  for (const admin of (await deps.store.listAgents()).filter((a) => a.role === 'admin')) {
    await deps.email.queue({ to: admin.email, ...message });
  }
}
