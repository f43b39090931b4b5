import { io, type Socket } from 'socket.io-client';
import type { AgentClientEvents, AgentServerEvents } from '../../protocol/events';
import type { AckData as Acked, Result } from '../../client/request';

export type { Result };
export { request } from '../../client/request';

/** The agent console's socket, typed by the shared event map. */
export type AgentSocket = Socket<AgentServerEvents, AgentClientEvents>;

type Events = AgentClientEvents;

/** What an event's ack carries when it succeeds. */
export type AckData<E extends keyof Events> = Acked<Events, E>;

/** Opens the `/agent` namespace on this origin; the session cookie authenticates it. */
export function openAgentSocket(): AgentSocket {
  return io('/agent', { withCredentials: true, autoConnect: false });
}
