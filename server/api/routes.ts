import type { InboxCursor } from '../../protocol/types';
import { agentConversation } from '../domain/chat';
import { found } from '../errors';
import { changeConversationStatus, postAgentReply } from '../socket/agent-actions';
import { AGENT_ROUTES } from './agent-routes';
import { CALLBACK_ROUTES } from './callback-routes';
import { CONTACT_ROUTES } from './contact-routes';
import { FEEDBACK_ROUTES } from './feedback-routes';
import { TAG_ROUTES, taggedPage, tagsOfOne } from './tag-routes';
import { writeId } from './idempotency';
import { VISITOR_ROUTES } from './visitor-routes';
import { WEBHOOK_ROUTES } from './webhook-routes';
import { decodeCursor, isChangeKey, limitOf, pageOf } from './pagination';
import { conversationResource, messageResource, siteResource } from './resources';
import { route, type ApiRoute } from './route';
import {
  conversation,
  conversationListQuery,
  idParam,
  listOf,
  message,
  messageListQuery,
  replyBody,
  site,
  siteListQuery,
  statusBody,
} from './schemas';

const isString = (x: unknown): x is string => typeof x === 'string';
const isSiteKey = (k: unknown): k is { c: string; i: string } =>
  typeof k === 'object' && k !== null && isString((k as { c?: unknown }).c) && isString((k as { i?: unknown }).i);
const isSeqKey = (k: unknown): k is { s: number } => typeof k === 'object' && k !== null && Number.isInteger((k as { s?: unknown }).s);

/** Every route of /api/v1, in the order of the OpenAPI document. */
export const API_ROUTES: ApiRoute[] = [
  route({
    method: 'get',
    path: '/sites',
    operationId: 'listSites',
    summary: 'List sites',
    tag: 'Sites',
    scope: 'read',
    query: siteListQuery,
    status: 200,
    response: listOf(site),
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
  route({
    method: 'get',
    path: '/conversations',
    operationId: 'listConversations',
    summary: 'List conversations, most recently changed first',
    tag: 'Conversations',
    scope: 'read',
    query: conversationListQuery,
    status: 200,
    response: listOf(conversation),
    async handler({ query, deps }) {
      const limit = limitOf(query);
      const after = decodeCursor(query.cursor, isChangeKey);
      const before: InboxCursor | undefined = after && { updatedAt: new Date(after.u).toISOString(), id: after.i };
      const rows = await deps.store.listSummaries({
        status: query.status ?? 'all',
        siteId: query.site,
        updatedSince: query.updated_since && new Date(query.updated_since).toISOString(),
        before,
        tag: query.tag,
        limit: limit + 1,
      });
      return taggedPage(deps.store, 'conversation', { rows, limit, key: (c) => ({ u: c.updatedAt, i: c.id }) }, conversationResource);
    },
  }),
  route({
    method: 'get',
    path: '/conversations/:id',
    operationId: 'getConversation',
    summary: 'Get a conversation',
    tag: 'Conversations',
    scope: 'read',
    params: idParam,
    status: 200,
    response: conversation,
    async handler({ params, deps }) {
      const c = found(await deps.store.getSummary(params.id), 'No such conversation.');
      return conversationResource(c, await tagsOfOne(deps.store, 'conversation', c.id));
    },
  }),
  route({
    method: 'get',
    path: '/conversations/:id/messages',
    operationId: 'listMessages',
    summary: "List a conversation's messages, oldest first",
    tag: 'Conversations',
    scope: 'read',
    params: idParam,
    query: messageListQuery,
    status: 200,
    response: listOf(message),
    async handler({ params, query, deps }) {
      const c = await agentConversation(deps.store, params.id);
      const limit = limitOf(query);
      const after = decodeCursor(query.cursor, isSeqKey)?.s ?? 0;
      const rows = await deps.store.listMessages(c.id, after, limit + 1, true);
      return pageOf(rows, limit, (m) => ({ s: m.seq }), messageResource);
    },
  }),
  route({
    method: 'post',
    path: '/conversations/:id/messages',
    operationId: 'postReply',
    summary: 'Post an agent reply; it reaches the visitor live, like a reply from the console',
    tag: 'Conversations',
    scope: 'write',
    params: idParam,
    body: replyBody,
    status: 201,
    response: message,
    async handler({ params, body, caller, deps, idempotencyKey }) {
      const c = await agentConversation(deps.store, params.id);
      const text = body.text.trim();
      const m = await postAgentReply(deps, caller.agent, { id: writeId(caller.token.id, idempotencyKey), conversationId: c.id, text });
      return messageResource(m);
    },
  }),
  route({
    method: 'post',
    path: '/conversations/:id/status',
    operationId: 'setConversationStatus',
    summary: "Set a conversation's status (resolve, reopen); the visitor and the consoles see it live",
    tag: 'Conversations',
    scope: 'write',
    params: idParam,
    body: statusBody,
    status: 200,
    response: conversation,
    async handler({ params, body, deps }) {
      const c = await changeConversationStatus(deps, params.id, body.status);
      return conversationResource(c, await tagsOfOne(deps.store, 'conversation', c.id));
    },
  }),
  ...FEEDBACK_ROUTES,
  ...CALLBACK_ROUTES,
  ...TAG_ROUTES,
  ...VISITOR_ROUTES,
  ...CONTACT_ROUTES,
  ...AGENT_ROUTES,
  ...WEBHOOK_ROUTES,
];
