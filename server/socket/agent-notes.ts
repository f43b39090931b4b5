import type { Message } from '../../protocol/types';
import { sendAgentMessage } from '../domain/chat';
import { mentionedAgents } from '../domain/notes';
import type { AgentRow } from '../store/types';
import { rooms, type SocketDeps } from './types';

/**
 * An agent's internal note: stored, then sent to consoles only (never a visitor's room, email or webhook);
 * each agent it mentions by `@name` gets `note:mention` on their own sockets.
 */
export async function postAgentNote(
  deps: SocketDeps,
  agent: AgentRow,
  p: { id: string; conversationId: string; text: string },
): Promise<Message> {
  const result = await sendAgentMessage(deps.store, agent, { ...p, note: true });
  if (!result.created) return result.message;
  const row = await deps.store.getSummary(result.conversation.id);
  if (row) deps.agents.to(rooms.agents).emit('message:new', result.message, row);
  const mention = { conversationId: result.conversation.id, messageId: result.message.id, from: agent.name, text: result.message.text };
  const mentioned = p.text.includes('@') ? mentionedAgents(p.text, await deps.store.listAgents(), agent.id) : [];
  for (const a of mentioned) deps.agents.to(rooms.agent(a.id)).emit('note:mention', mention);
  return result.message;
}
