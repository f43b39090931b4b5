import { io, type Socket } from 'socket.io-client';
import type { AgentClientEvents, AgentServerEvents } from '../../protocol/events';
import type { Ack } from '../../protocol/types';

/** The agent console's socket, typed by the shared event map. */
export type AgentSocket = Socket<AgentServerEvents, AgentClientEvents>;

type Events = AgentClientEvents;

/** What an event's ack carries when it succeeds. */
export type AckData<E extends keyof Events> = Parameters<Events[E]>[1] extends (r: Ack<infer T>) => void ? T : never;

/** An ack, or `timeout` when none came in time (e.g. the connection dropped); `field` names the bad input. */
export type Result<T> = { ok: true; data: T } | { ok: false; code: string; message: string; field?: string };

/** Emits an event and awaits its ack; never rejects. */
export async function request<E extends keyof Events>(
  socket: AgentSocket,
  event: E,
  payload: Parameters<Events[E]>[0],
  ms = 10_000,
): Promise<Result<AckData<E>>> {
  try {
    const timed = socket.timeout(ms);
    // The event map's overloads cannot be narrowed by a generic event name.
    const emit = timed.emitWithAck as (e: E, p: unknown) => Promise<Ack<AckData<E>>>;
    return await emit.call(timed, event, payload);
  } catch {
    return { ok: false, code: 'timeout', message: 'No answer from the server. Check the connection.' };
  }
}

/** Opens the `/agent` namespace on this origin; the session cookie authenticates it. */
export function openAgentSocket(): AgentSocket {
  return io('/agent', { withCredentials: true, autoConnect: false });
}
