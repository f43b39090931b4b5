import type { HeldMail, Message } from '../../protocol/types';
import { request, type AgentSocket, type Result } from './agent-socket';

/** Admins' review of emailed replies Earshot held instead of posting. */
export interface HeldMailCommands {
  list(): Promise<Result<HeldMail[]>>;
  /** Posts the reply to the conversation its address pointed at. */
  post(id: string): Promise<Result<Message>>;
  discard(id: string): Promise<Result<null>>;
  /** Calls `fn` with the count of held mail whenever it changes; returns the unsubscribe. */
  onChanged(fn: (count: number) => void): () => void;
}

/** The held-mail requests over the console's socket. */
export function createHeldMailCommands(socket: AgentSocket): HeldMailCommands {
  return {
    list: () => request(socket, 'heldMail:list', {}),
    post: (id) => request(socket, 'heldMail:post', { id }),
    discard: (id) => request(socket, 'heldMail:discard', { id }),
    onChanged(fn) {
      socket.on('heldMail:changed', fn);
      return () => void socket.off('heldMail:changed', fn);
    },
  };
}
