import { io, type Socket } from 'socket.io-client';
import type { VisitorClientEvents, VisitorServerEvents } from '../../protocol/events';
import type { AckData as Acked, Payload, Result } from '../../client/request';

export type { Result };
export { request } from '../../client/request';

/** The visitor's socket, typed by the shared event map. */
export type VisitorSocket = Socket<VisitorServerEvents, VisitorClientEvents>;

type Events = VisitorClientEvents;
/** What a successful ack of event `E` carries. */
export type AckData<E extends keyof Events> = Acked<Events, E>;

/** Sends one visitor event and awaits its ack: what views get instead of the socket. */
export type Requester = <E extends keyof Events>(event: E, payload: Payload<Events, E>) => Promise<Result<AckData<E>>>;

/**
 * Opens the visitor socket. `auth` is a function so each reconnect presents the token
 * saved (or forgotten) since the first attempt.
 */
export function openSocket(relay: string, siteId: string, token: () => string | null): VisitorSocket {
  return io(`${relay}/visitor`, { autoConnect: false, auth: (cb) => cb({ siteId, token: token() }) });
}
