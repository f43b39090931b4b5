import * as v from 'valibot';
import { LIMITS } from '../../protocol/events';
import type { TaggedKind } from '../../protocol/types';
import { setItemTags } from '../domain/tags';
import { rooms } from '../socket/types';
import type { Store } from '../store/types';
import { tagName } from '../validation';
import { pageOf } from './pagination';
import { route, type ApiRoute } from './route';
import { idParam } from './schemas';

/** Each row's tags, for the resource views: a function of the row's id. */
export async function tagLookup(store: Store, kind: TaggedKind, rows: { id: string }[]): Promise<(id: string) => string[]> {
  const map = await store.tagsOf(
    kind,
    rows.map((r) => r.id),
  );
  return (id) => map[id] ?? [];
}

/** A page of a list (see `pageOf`), each row's resource given the row's tags. */
export async function taggedPage<R extends { id: string }, T>(
  store: Store,
  kind: TaggedKind,
  page: { rows: R[]; limit: number; key: (r: R) => unknown },
  view: (r: R, tags: string[]) => T,
) {
  const tags = await tagLookup(store, kind, page.rows);
  return pageOf(page.rows, page.limit, page.key, (r) => view(r, tags(r.id)));
}

/** One item's tags. */
export async function tagsOfOne(store: Store, kind: TaggedKind, id: string): Promise<string[]> {
  return (await store.tagsOf(kind, [id]))[id] ?? [];
}

const tagsBody = v.strictObject({
  tags: v.pipe(v.array(tagName, 'must be a list of tags'), v.maxLength(LIMITS.tags, `must be at most ${LIMITS.tags} tags`)),
});
const tagsAnswer = v.object({ tags: v.array(v.string()) });

const TAGGED: { kind: TaggedKind; path: string; name: string; tag: string }[] = [
  { kind: 'conversation', path: 'conversations', name: 'Conversation', tag: 'Conversations' },
  { kind: 'callback', path: 'callbacks', name: 'Callback', tag: 'Callbacks' },
  { kind: 'feedback', path: 'feedback', name: 'Feedback', tag: 'Feedback' },
];

/** `PUT /{conversations|callbacks|feedback}/{id}/tags`: replaces the tags (new ones made by naming them); consoles see it live. */
export const TAG_ROUTES: ApiRoute[] = TAGGED.map((t) =>
  route({
    method: 'put',
    path: `/${t.path}/:id/tags`,
    operationId: `set${t.name}Tags`,
    summary: `Replace the tags of a ${t.kind === 'callback' ? 'call back request' : t.kind}`,
    tag: t.tag,
    scope: 'write',
    params: idParam,
    body: tagsBody,
    status: 200,
    response: tagsAnswer,
    async handler({ params, body, deps }) {
      const tags = await setItemTags(deps.store, t.kind, params.id, body.tags);
      deps.agents.to(rooms.agents).emit('tags:updated', { kind: t.kind, id: params.id, tags });
      return { tags };
    },
  }),
);
