import * as v from 'valibot';
import { LIMITS } from '../../protocol/events';
import type { TaggedKind } from '../../protocol/types';
import { setItemTags } from '../domain/tags';
import { tagName } from '../validation';
import { route, type ApiRoute } from './route';
import { idParam } from './schemas';

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
      deps.live.tags(t.kind, params.id, tags);
      return { tags };
    },
  }),
);
