import { agentConversation } from '../domain/chat';
import { changeConversationStatus, postAgentReply } from '../domain/agent-actions';
import { assignAndAnnounce } from '../domain/assignment';
import { found } from '../errors';
import { conversationResource, messageResource, siteResource } from '../resources/resources';
import { conversation, message, site } from '../resources/schemas';
import { AGENT_ROUTES } from './agent-routes';
import { CALLBACK_ROUTES } from './callback-routes';
import { CONTACT_ROUTES } from './contact-routes';
import { FEEDBACK_ROUTES } from './feedback-routes';
import { TAG_ROUTES } from './tag-routes';
import { tagsOfOne } from '../domain/tags';
import { writeId } from './idempotency';
import { PRIVACY_ROUTES } from './privacy-routes';
import { VISITOR_ROUTES } from './visitor-routes';
import { WEBHOOK_ROUTES } from './webhook-routes';
import { decodeCursor, limitOf, pageOf } from './pagination';
import { answers, getRoute, listRoute, op, route, type ApiRoute } from './route';
import { assignBody, conversationListQuery, listOf, messageListQuery, replyBody, siteListQuery, statusBody } from './schemas';

const isString = (x: unknown): x is string => typeof x === 'string';
const isSiteKey = (k: unknown): k is { c: string; i: string } =>
  typeof k === 'object' && k !== null && isString((k as { c?: unknown }).c) && isString((k as { i?: unknown }).i);
const isSeqKey = (k: unknown): k is { s: number } => typeof k === 'object' && k !== null && Number.isInteger((k as { s?: unknown }).s);

/** Every route of /api/v1, in the order of the OpenAPI document. */
export const API_ROUTES: ApiRoute[] = [
  route({
    ...op('get', '/sites', 'listSites', 'Sites'),
    summary: 'List sites',
    query: siteListQuery,
    ...answers(200, listOf(site)),
    async handler({ query, deps }) {
      const limit = limitOf(query);
      const after = decodeCursor(query.cursor, isSiteKey);
      // A handful of sites: the list is read whole, in the store's order (oldest first, ties by id).
      const sites = (await deps.store.listSites()).filter(
        (s) => !after || s.createdAt > after.c || (s.createdAt === after.c && s.id > after.i),
      );
      return pageOf(sites.slice(0, limit + 1), limit, (s) => ({ c: s.createdAt, i: s.id }), siteResource);
    },
  }),
  listRoute({
    rows: (q, page, deps) =>
      deps.store.listSummaries({
        status: q.status ?? 'all',
        siteId: q.site,
        channel: q.channel,
        ...(q.assignee ? { assigneeId: q.assignee === 'unassigned' ? null : q.assignee } : {}),
        updatedSince: page.since,
        before: page.before && { updatedAt: page.before.at, id: page.before.id },
        tag: q.tag,
        limit: page.limit,
      }),
    ...op('get', '/conversations', 'listConversations', 'Conversations'),
    summary: 'List conversations, most recently changed first',
    query: conversationListQuery,
    item: conversation,
    at: (c) => c.updatedAt,
    tagged: 'conversation',
    view: conversationResource,
  }),
  getRoute({
    ...op('get', '/conversations/:id', 'getConversation', 'Conversations'),
    summary: 'Get a conversation',
    response: conversation,
    get: async (id, deps) =>
      conversationResource(
        found(await deps.store.getSummary(id), 'No such conversation.'),
        await tagsOfOne(deps.store, 'conversation', id),
      ),
  }),
  route({
    ...op('get', '/conversations/:id/messages', 'listMessages', 'Conversations'),
    summary: "List a conversation's messages, oldest first",
    query: messageListQuery,
    ...answers(200, listOf(message)),
    async handler({ params, query, deps }) {
      const c = await agentConversation(deps.store, params.id);
      const limit = limitOf(query);
      const after = decodeCursor(query.cursor, isSeqKey)?.s ?? 0;
      const rows = await deps.store.listMessages(c.id, after, limit + 1, true);
      return pageOf(rows, limit, (m) => ({ s: m.seq }), messageResource);
    },
  }),
  route({
    ...op('post', '/conversations/:id/messages', 'postReply', 'Conversations'),
    summary: 'Post an agent reply; it reaches the visitor live, like a reply from the console',
    body: replyBody,
    ...answers(201, message),
    async handler({ params, body, caller, deps, idempotencyKey }) {
      const c = await agentConversation(deps.store, params.id);
      const text = body.text.trim();
      const m = await postAgentReply(deps, caller.agent, { id: writeId(caller.token.id, idempotencyKey), conversationId: c.id, text });
      return messageResource(m);
    },
  }),
  route({
    ...op('post', '/conversations/:id/status', 'setConversationStatus', 'Conversations'),
    summary: "Set a conversation's status (resolve, reopen); the visitor and the consoles see it live",
    body: statusBody,
    ...answers(200, conversation),
    async handler({ params, body, deps }) {
      const c = await changeConversationStatus(deps, params.id, body.status);
      return conversationResource(c, await tagsOfOne(deps.store, 'conversation', c.id));
    },
  }),
  route({
    ...op('post', '/conversations/:id/assign', 'assignConversation', 'Conversations'),
    summary: 'Give a conversation to an agent (`agent_id`), or back to Unassigned (null), with an optional note for the agent',
    body: assignBody,
    ...answers(200, conversation),
    async handler({ params, body, caller, deps }) {
      const r = { conversationId: params.id, agentId: body.agent_id, note: body.note };
      return conversationResource(await assignAndAnnounce(deps, caller.agent, r));
    },
  }),
  ...FEEDBACK_ROUTES,
  ...CALLBACK_ROUTES,
  ...TAG_ROUTES,
  ...VISITOR_ROUTES,
  ...CONTACT_ROUTES,
  ...AGENT_ROUTES,
  ...WEBHOOK_ROUTES,
  ...PRIVACY_ROUTES,
];
