import { postFeedbackReply } from '../domain/agent-actions';
import { publicReply, toFeedbackItem } from '../domain/feedback';
import { tagsOfOne } from '../domain/tags';
import { found } from '../errors';
import { feedbackReplyResource, feedbackResource } from '../resources/resources';
import { feedbackItem, feedbackReply } from '../resources/schemas';
import type { FeedbackRow } from '../store/types';
import { feedbackDetail, feedbackListQuery } from './callback-feedback-schemas';
import { writeId } from './idempotency';
import { answers, getRoute, listRoute, op, route, type ApiRoute } from './route';
import { replyBody } from './schemas';

/** Feedback (list, get, reply) of /api/v1. */
export const FEEDBACK_ROUTES: ApiRoute[] = [
  listRoute({
    rows: (q, p, deps) =>
      deps.store.listFeedback(
        { status: q.status ?? 'all', category: q.category, siteId: q.site, tag: q.tag },
        p.limit,
        p.before && { createdAt: p.before.at, id: p.before.id },
      ),
    ...op('get', '/feedback', 'listFeedback', 'Feedback'),
    summary: 'List feedback, newest first',
    query: feedbackListQuery,
    item: feedbackItem,
    at: (f: FeedbackRow) => f.createdAt,
    tagged: 'feedback',
    view: (f, tags) => feedbackResource(toFeedbackItem(f), tags),
  }),
  getRoute({
    ...op('get', '/feedback/:id', 'getFeedback', 'Feedback'),
    summary: 'Get a piece of feedback with its replies',
    response: feedbackDetail,
    async get(id, deps) {
      const item = toFeedbackItem(found(await deps.store.getFeedback(id), 'No such feedback.'));
      const replies = (await deps.store.listFeedbackReplies(item.id)).map(publicReply);
      return { ...feedbackResource(item, await tagsOfOne(deps.store, 'feedback', item.id)), replies: replies.map(feedbackReplyResource) };
    },
  }),
  route({
    ...op('post', '/feedback/:id/replies', 'replyToFeedback', 'Feedback'),
    summary: 'Answer feedback by email, as an agent in the console does; the feedback becomes answered',
    body: replyBody,
    ...answers(201, feedbackReply),
    async handler({ params, body, caller, deps, idempotencyKey }) {
      const id = writeId(caller.token.id, idempotencyKey);
      return feedbackReplyResource(await postFeedbackReply(deps, caller.agent, { id, feedbackId: params.id, text: body.text.trim() }));
    },
  }),
];
