import { AppError } from '../errors';
import type { EventHandler } from './handler';
import type { AgentSocket, SocketDeps } from './types';

/**
 * Reads the socket's agent again before each event, so a new display name or role counts at
 * once in every open tab (typing, replies, claims), and a deactivated agent's socket is refused
 * and closed even if the disconnect that deactivation sent missed it.
 */
export async function refreshAgent(socket: AgentSocket, deps: Pick<SocketDeps, 'store'>): Promise<void> {
  const agent = await deps.store.getAgent(socket.data.agent.id);
  if (!agent || agent.deactivatedAt) {
    socket.disconnect(true);
    throw new AppError('unauthorized', 'Your account has been deactivated. Ask an admin to reactivate it.');
  }
  socket.data.agent = agent;
}

/** The same handlers, each reading the socket's agent fresh first (`refreshAgent`). */
export function withFreshAgent<T extends object>(table: T): T {
  const wrapped: Record<string, EventHandler<AgentSocket, unknown>> = {};
  for (const [event, h] of Object.entries(table) as [string, EventHandler<AgentSocket, unknown>][]) {
    wrapped[event] = {
      ...h,
      run: async (input, socket, deps: SocketDeps) => {
        await refreshAgent(socket, deps);
        return h.run(input, socket, deps);
      },
    };
  }
  return wrapped as T;
}
