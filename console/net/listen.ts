import type { AgentServerEvents } from '../../protocol/events';
import type { AgentSocket } from './agent-socket';

/** What a console binding may listen to: the server's pushes and socket.io's own connection events. */
export type Listeners = { [E in keyof AgentServerEvents]?: AgentServerEvents[E] } & {
  connect?: () => void;
  disconnect?: (reason: string) => void;
  connect_error?: (err: Error & { data?: { code?: string; message?: string } }) => void;
};

type AnyListener = (...args: unknown[]) => void;

/** Adds each listener to the socket and returns what removes exactly those, so no binding forgets one on close. */
export function listen(socket: AgentSocket, listeners: Listeners): () => void {
  // The map's keys and values are paired by the type above; socket.io's overloads cannot see that through entries().
  const pairs = Object.entries(listeners) as [string, AnyListener][];
  const emitter = socket as unknown as { on(event: string, fn: AnyListener): void; off(event: string, fn: AnyListener): void };
  for (const [event, fn] of pairs) emitter.on(event, fn);
  return () => {
    for (const [event, fn] of pairs) emitter.off(event, fn);
  };
}
