import { alertOwners, submitFeedback } from '../domain/feedback';
import { consume } from '../limits';
import { schemas } from '../validation';
import { handle } from './handler';
import { rooms, type SocketDeps, type VisitorSocket } from './types';

/** The feedback form of one visitor socket. */
export function registerVisitorFeedbackHandlers(socket: VisitorSocket, deps: SocketDeps): void {
  const site = () => deps.sites.get(socket.data.siteId);
  socket.on('feedback:send', handle(deps.log, 'feedback:send', schemas.feedbackSend, async (input) => {
    await consume(deps.limiters.feedback, socket.data.visitor.id);
    const siteRow = await site();
    const { item, created } = await submitFeedback(deps.store, siteRow, input);
    if (!created) return { id: item.id, replyExpected: item.email !== null };
    deps.agents.to(rooms.agents).emit('feedback:new', item);
    await alertOwners(deps.store, deps.email, siteRow, item, deps.publicUrl && `${deps.publicUrl}/console/feedback`).catch((err) =>
      deps.log.error({ err }, 'could not queue the unhappy-feedback alert'),
    );
    return { id: item.id, replyExpected: item.email !== null };
  }));
}
