import type { AgentClientEvents } from '../../protocol/events';
import { setItemTags } from '../domain/tags';
import { schemas } from '../validation';
import { handlerFor, type EventTable } from './handler';
import type { AgentSocket } from './types';

const on = handlerFor<AgentSocket>();

/** Tags of agent console sockets; a change is pushed to every console. */
export const agentTagHandlers = {
  'tags:set': on(schemas.tagsSet, async (p, _socket, deps) => {
    const tags = await setItemTags(deps.store, p.kind, p.id, p.tags);
    deps.live.tags(p.kind, p.id, tags);
    return tags;
  }),
  'tags:of': on(schemas.tagsOf, async (p, _socket, { store }) => store.tagsOf(p.kind, p.ids)),
  'tags:site': on(schemas.tagsSite, async (p, _socket, { store }) => store.siteTags(p.siteId)),
} satisfies EventTable<AgentClientEvents, AgentSocket>;
