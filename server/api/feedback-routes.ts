import { publicReply, toFeedbackItem } from '../domain/feedback';
import { found } from '../errors';
import { postFeedbackReply } from '../socket/agent-actions';
import { feedbackDetail, feedbackItem, feedbackListQuery, feedbackReply } from './callback-feedback-schemas';
import { writeId } from './idempotency';
import { decodeCursor, limitOf } from './pagination';
import { feedbackReplyResource, feedbackResource } from './resources';
import { route, type ApiRoute } from './route';
import { taggedPage, tagsOfOne } from './tag-routes';
import { idParam, listOf, replyBody } from './schemas';

const isCreatedKey = (k: unknown): k is { c: string; i: string } =>
  typeof k === 'object' &&
  k !== null &&
  typeof (k as { c?: unknown }).c === 'string' &&
  !Number.isNaN(Date.parse((k as { c: string }).c)) &&
  typeof (k as { i?: unknown }).i === 'string';

/** Feedback (list, get, reply) of /api/v1. */
export const FEEDBACK_ROUTES: ApiRoute[] = [
  route({
    method: 'get',
    path: '/feedback',
    operationId: 'listFeedback',
    summary: 'List feedback, newest first',
    tag: 'Feedback',
    scope: 'read',
    query: feedbackListQuery,
    status: 200,
    response: listOf(feedbackItem),
    async handler({ query, deps }) {
      const limit = limitOf(query);
      const after = decodeCursor(query.cursor, isCreatedKey);
      const filter = { status: query.status ?? ('all' as const), category: query.category, siteId: query.site, tag: query.tag };
      const rows = await deps.store.listFeedback(filter, limit + 1, after && { createdAt: new Date(after.c).toISOString(), id: after.i });
      const key = (f: { createdAt: string; id: string }) => ({ c: f.createdAt, i: f.id });
      return taggedPage(deps.store, 'feedback', { rows, limit, key }, (f, tags) => feedbackResource(toFeedbackItem(f), tags));
    },
  }),
  route({
    method: 'get',
    path: '/feedback/:id',
    operationId: 'getFeedback',
    summary: 'Get a piece of feedback with its replies',
    tag: 'Feedback',
    scope: 'read',
    params: idParam,
    status: 200,
    response: feedbackDetail,
    async handler({ params, deps }) {
      const item = toFeedbackItem(found(await deps.store.getFeedback(params.id), 'No such feedback.'));
      const replies = (await deps.store.listFeedbackReplies(item.id)).map(publicReply);
      return { ...feedbackResource(item, await tagsOfOne(deps.store, 'feedback', item.id)), replies: replies.map(feedbackReplyResource) };
    },
  }),
  route({
    method: 'post',
    path: '/feedback/:id/replies',
    operationId: 'replyToFeedback',
    summary: 'Answer feedback by email, as an agent in the console does; the feedback becomes answered',
    tag: 'Feedback',
    scope: 'write',
    params: idParam,
    body: replyBody,
    status: 201,
    response: feedbackReply,
    async handler({ params, body, caller, deps, idempotencyKey }) {
      const reply = await postFeedbackReply(deps, caller.agent, {
        id: writeId(caller.token.id, idempotencyKey),
        feedbackId: params.id,
        text: body.text.trim(),
      });
      return feedbackReplyResource(reply);
    },
  }),
];
