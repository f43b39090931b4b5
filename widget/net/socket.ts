import { io, type Socket } from 'socket.io-client';
import type { VisitorClientEvents, VisitorServerEvents } from '../../protocol/events';
import type { Ack } from '../../protocol/types';
import type { SendError } from '../state/types';

/** The visitor's socket, typed by the shared event map. */
export type VisitorSocket = Socket<VisitorServerEvents, VisitorClientEvents>;

type Events = VisitorClientEvents;
/** What a successful ack of event `E` carries. */
export type AckData<E extends keyof Events> = Parameters<Events[E]>[1] extends (r: Ack<infer T>) => void ? T : never;

/**
 * An ack, or a lost one (`timeout`: no answer in time, e.g. the connection dropped).
 * `field` names the input at fault, when the server said.
 */
export type Result<T> = { ok: true; data: T } | { ok: false; code: SendError; message: string; field?: string };

/** Sends one visitor event and awaits its ack: what views get instead of the socket. */
export type Requester = <E extends keyof Events>(event: E, payload: Parameters<Events[E]>[0]) => Promise<Result<AckData<E>>>;

/** Emits an event and awaits its ack; never rejects. */
export async function request<E extends keyof Events>(
  socket: VisitorSocket,
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
    return { ok: false, code: 'timeout', message: 'No answer from the server.' };
  }
}

/**
 * Opens the visitor socket. `auth` is a function so each reconnect presents the token
 * saved (or forgotten) since the first attempt.
 */
export function openSocket(relay: string, siteId: string, token: () => string | null): VisitorSocket {
  return io(`${relay}/visitor`, { autoConnect: false, auth: (cb) => cb({ siteId, token: token() }) });
}
