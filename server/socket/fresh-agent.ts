import { AppError } from '../errors';
import type { EventHandler } from './handler';
import type { AgentSocket, SocketDeps } from './types';

/**
 * Reads the socket's agent again before each event, so a new display name or role counts at
 * once in every open tab (typing, replies, claims), and a deactivated agent's socket, or one whose
 * session ended, is refused and closed even if the disconnect sent then missed it.
 */
export async function refreshAgent(socket: AgentSocket, deps: Pick<SocketDeps, 'store'>): Promise<void> {
  const [agent, session] = await Promise.all([
    deps.store.getAgent(socket.data.agent.id),
    deps.store.getSession(socket.data.session.tokenHash),
  ]);
  if (!agent || agent.deactivatedAt) {
    closeAfterAck(socket);
    throw new AppError('unauthorized', 'Your account has been deactivated. Ask an admin to reactivate it.');
  }
  // Ended elsewhere (a password set with the CLI, another relay node): the sign-in is over here too.
  if (!session) {
    closeAfterAck(socket);
    throw new AppError('unauthorized', 'Please sign in again.');
  }
  socket.data.agent = agent;
}

/**
 * Every `everyMs`, closes this node's console sockets whose sign-in ended where no disconnect
 * could reach them (a password set with `npm run admin` in another process), so a console that
 * only listens stops receiving conversations, not only one that sends. The console's reconnect
 * then hears why. Two indexed reads per open console tab a sweep. Runs on every node, on purpose:
 * each checks only the sockets it holds, so the cluster's work is that of one node, and a lease
 * would leave the other nodes' sockets unchecked. Sign-outs and deactivations do not wait for it:
 * they close the sign-in's sockets on every node at once (`endSessionSockets`, `endAgentSockets`).
 */
export function startAgentSweep(deps: Pick<SocketDeps, 'store' | 'agents' | 'log'>, everyMs = 15_000): () => void {
  const sweep = async () => {
    for (const socket of deps.agents.sockets.values()) {
      const [agent, session] = await Promise.all([
        deps.store.getAgent(socket.data.agent.id),
        deps.store.getSession(socket.data.session.tokenHash),
      ]);
      if (!agent || agent.deactivatedAt || !session) socket.disconnect(true);
    }
  };
  const timer = setInterval(() => void sweep().catch((err) => deps.log.warn({ err }, 'agent session sweep failed')), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Disconnects once the refusal's ack is out, so the console hears why before the socket closes. */
function closeAfterAck(socket: AgentSocket): void {
  setImmediate(() => socket.disconnect(true));
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
