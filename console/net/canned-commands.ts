import type { CannedReply } from '../../protocol/types';
import { request, type AgentSocket, type Result } from './agent-socket';

/** Canned replies: the reply box lists them, Settings manages them. */
export interface CannedCommands {
  list(): Promise<Result<CannedReply[]>>;
  save(p: { id?: string; shortcut: string; text: string; shared?: boolean }): Promise<Result<CannedReply>>;
  remove(id: string): Promise<Result<null>>;
}

export function createCannedCommands(socket: AgentSocket): CannedCommands {
  return {
    list: () => request(socket, 'canned:list', {}),
    save: (p) => request(socket, 'canned:save', p),
    remove: (id) => request(socket, 'canned:delete', { id }),
  };
}
