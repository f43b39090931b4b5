import type { TaggedKind } from '../../protocol/types';
import { request, type AgentSocket, type Result } from './agent-socket';

/** A change of one item's tags, as every console is told of it. */
export type TagsUpdate = { kind: TaggedKind; id: string; tags: string[] };

/** Tags of conversations, callback requests and feedback. */
export interface TagCommands {
  set(kind: TaggedKind, id: string, tags: string[]): Promise<Result<string[]>>;
  of(kind: TaggedKind, ids: string[]): Promise<Result<Record<string, string[]>>>;
  /** Tags in use (on a site, or every site): suggestions while typing one. */
  site(siteId?: string): Promise<Result<string[]>>;
  /** Calls `listener` for every change pushed; returns the way to stop. */
  onUpdated(listener: (u: TagsUpdate) => void): () => void;
}

export function createTagCommands(socket: AgentSocket): TagCommands {
  return {
    set: (kind, id, tags) => request(socket, 'tags:set', { kind, id, tags }),
    of: (kind, ids) => request(socket, 'tags:of', { kind, ids }),
    site: (siteId) => request(socket, 'tags:site', siteId ? { siteId } : {}),
    onUpdated(listener) {
      socket.on('tags:updated', listener);
      return () => void socket.off('tags:updated', listener);
    },
  };
}
