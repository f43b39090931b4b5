import type { Socket } from 'socket.io-client';
import type { Ack, ErrorCode } from '../protocol/types';

/** Why a request failed: a server code, `timeout` for a lost ack, `offline` when nothing was sent for want of a connection. */
export type SendError = ErrorCode | 'timeout' | 'offline';

/**
 * An ack, or a lost one (`timeout`: no answer in time, e.g. the connection dropped).
 * `field` names the input at fault, when the server said.
 */
export type Result<T> = { ok: true; data: T } | { ok: false; code: SendError; message: string; field?: string };

/** What a successful ack of event `E` of an event map carries. */
export type AckData<Events, E extends keyof Events> = Events[E] extends (p: never, ack: (r: Ack<infer T>) => void) => void ? T : never;

/** The payload event `E` of an event map takes. */
export type Payload<Events, E extends keyof Events> = Events[E] extends (p: infer P, ack: never) => void ? P : never;

/** The events a socket.io-client socket may emit. */
export type EmitEvents<S> = S extends Socket<infer _Listen, infer C> ? C : never;

/** Emits an event and awaits its ack; never rejects. Typed by the socket's own event map. */
export async function request<S extends Socket, E extends keyof EmitEvents<S> & string>(
  socket: S,
  event: E,
  payload: Payload<EmitEvents<S>, E>,
  ms = 10_000,
): Promise<Result<AckData<EmitEvents<S>, E>>> {
  try {
    // The event map's overloads cannot be narrowed by a generic event name.
    const timed = socket.timeout(ms) as unknown as { emitWithAck(e: string, p: unknown): Promise<Result<AckData<EmitEvents<S>, E>>> };
    return await timed.emitWithAck(event, payload);
  } catch {
    return { ok: false, code: 'timeout', message: 'No answer from the server.' };
  }
}
