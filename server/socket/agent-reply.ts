import type { Message } from '../../protocol/types';
import { emailReplyIfAway } from '../domain/after-chat';
import { sendAgentMessage } from '../domain/chat';
import type { AgentRow } from '../store/types';
import { announceMessage, visitorOnline } from './broadcast';
import type { SocketDeps } from './types';

/**
 * An agent's reply from anywhere (the console's socket, the REST API): stored, then sent to the
 * visitor's tabs and every console through the rooms, and emailed when the visitor is away.
 */
export async function postAgentReply(deps: SocketDeps, agent: AgentRow, p: { id: string; conversationId: string; text: string }): Promise<Message> {
  const result = await sendAgentMessage(deps.store, agent, p);
  if (result.created) await announceMessage(deps, result);
  // A retry too (the email is keyed by the message): one a crash after storing it left unqueued goes out.
  const online = await visitorOnline(deps, result.conversation.visitorId);
  await emailReplyIfAway(deps.store, deps.email, result, online).catch((err) => deps.log.error({ err }, 'could not queue the reply email'));
  return result.message;
}
