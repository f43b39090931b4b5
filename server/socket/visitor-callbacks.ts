import type { VisitorClientEvents } from '../../protocol/events';
import { changeCallbackTime, ownOpenCallback, requestCallback, slotsFor, toVisitorCallback } from '../domain/callbacks';
import { alertOwnersOfCallback } from '../domain/callback-alerts';
import { toE164 } from '../domain/phone';
import { consume } from '../limits';
import { schemas } from '../validation';
import { announceCallback } from './callback-broadcast';
import { handlerFor, type EventTable } from './handler';
import { siteOf, type VisitorSocket } from './types';

const on = handlerFor<VisitorSocket>();

/** Call back requests from visitor sockets. */
export const visitorCallbackHandlers = {
  'callback:slots': on(schemas.empty, async (_, socket, deps) => slotsFor(await siteOf(socket, deps))),

  // One after another per tab: a double submit updates the request it made, not a second one.
  'callback:request': on(
    schemas.callbackRequest,
    async (input, socket, deps) => {
      // A malformed number costs no one's quota (invalid_phone first).
      const phone = toE164(input.phone, input.country);
      await consume(deps.limiters.callbacksPerIp, deps.clientIp(socket.request));
      // The line, whatever the extension: another extension is no fresh quota against one number.
      await consume(deps.limiters.callbacksPerPhone, phone.split(';')[0]!);
      const siteRow = await siteOf(socket, deps);
      const { callback } = await requestCallback(deps.store, siteRow, socket.data.visitor, input);
      await announceCallback(deps, callback.id);
      // Every time, created or not: the emails are keyed by request and admin, so this queues only
      // what a crash after storing the request left unqueued.
      await alertOwnersOfCallback(deps.store, deps.email, siteRow, callback).catch((err) =>
        deps.log.error({ err }, 'could not queue the callback email'),
      );
      return toVisitorCallback(callback);
    },
    { serial: true },
  ),

  'callback:mine': on(schemas.empty, async (_, socket, deps) => {
    const c = await deps.store.latestCallbackForVisitor(socket.data.visitor.id);
    return c && toVisitorCallback(c);
  }),

  'callback:change': on(schemas.callbackChange, async (p, socket, deps) => {
    await consume(deps.limiters.visitorUpdates, socket.data.visitor.id);
    const c = await ownOpenCallback(deps.store, socket.data.visitor, p.callbackId);
    await changeCallbackTime(deps.store, await siteOf(socket, deps), c, p.when);
    return announceCallback(deps, c.id).then(toVisitorCallback);
  }),

  'callback:cancel': on(schemas.callbackId, async (p, socket, deps) => {
    const c = await ownOpenCallback(deps.store, socket.data.visitor, p.callbackId);
    await deps.store.updateCallback(c.id, { status: 'cancelled', updatedAt: new Date().toISOString() });
    return announceCallback(deps, c.id).then(toVisitorCallback);
  }),
} satisfies EventTable<VisitorClientEvents, VisitorSocket>;
