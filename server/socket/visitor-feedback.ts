import type { VisitorClientEvents } from '../../protocol/events';
import { alertOwners, submitFeedback } from '../domain/feedback';
import { consume } from '../limits';
import { announceNewFeedbackCount } from './broadcast';
import { schemas } from '../validation';
import { handlerFor, type EventTable } from './handler';
import { rooms, siteOf, type VisitorSocket } from './types';

const on = handlerFor<VisitorSocket>();

/** The feedback form of visitor sockets. */
export const visitorFeedbackHandlers = {
  'feedback:send': on(schemas.feedbackSend, async (input, socket, deps) => {
    await consume(deps.limiters.feedback, socket.data.visitor.id);
    const siteRow = await siteOf(socket, deps);
    const { item, created } = await submitFeedback(deps.store, siteRow, input, socket.data.visitor.id);
    if (created) {
      deps.agents.to(rooms.agents).emit('feedback:new', item);
      announceNewFeedbackCount(deps);
    }
    // A retry too: the alert is keyed by feedback and admin, so only one a crash left unqueued goes out.
    await alertOwners(deps.store, deps.email, siteRow, item, deps.publicUrl && `${deps.publicUrl}/console/feedback`).catch((err) =>
      deps.log.error({ err }, 'could not queue the unhappy-feedback alert'),
    );
    return { id: item.id, replyExpected: item.email !== null && deps.email.enabled };
  }),
} satisfies EventTable<VisitorClientEvents, VisitorSocket>;
