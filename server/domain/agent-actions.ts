import type {
  CallbackItem,
  ConversationStatus,
  ConversationSummary,
  FeedbackItem,
  FeedbackReply,
  Message,
  TaggedKind,
} from '../../protocol/types';
import type { EmailService } from '../email/email-service';
import { found } from '../errors';
import type { Logger } from '../log';
import type { AgentRow, AppendResult, CallbackWithVisitor, ConversationRow, Store } from '../store/types';
import { emailReplyIfAway } from './after-chat';
import { takeOnReply } from './assignment';
import { agentConversation, sendAgentMessage } from './chat';
import { replyToFeedback } from './feedback';
import { conversationEvent, withWebhooks } from './webhooks/events';

// What agents do to conversations, feedback and call back requests, from the console's socket or the REST API
// alike: one way to do each, so both tell the visitor and every console the same.

/** How widgets and consoles hear of a change live: the socket layer sends it through its rooms (any node). */
export interface LiveFanout {
  /**
   * A newly stored message, to the visitor's tabs and every console; `agentName`, when the message
   * gave the chat to that agent, goes to the widget with the status change it made.
   */
  message(result: AppendResult, agentName?: string): Promise<void>;
  /** A conversation's fresh inbox row, to every console; never rejects. */
  conversation(conversationId: string): Promise<void>;
  /** A conversation's new status, to the visitor's widget. */
  conversationStatus(c: ConversationRow): void;
  /** Who has the chat now (a display name, or null for nobody), to the visitor's widget, with its status. */
  assignee(c: ConversationRow, agentName: string | null): void;
  /** A feedback item's new state and the count of new feedback, to every console. */
  feedback(item: FeedbackItem): void;
  /** A call back request's new state, to every console and the visitor's tabs. */
  callback(callbackId: string): Promise<CallbackItem>;
  /** Whether any tab of the visitor is connected, on any node. */
  visitorOnline(visitorId: string): Promise<boolean>;
  /** Closes every tab of these visitors, on any node (their data was erased). */
  disconnectVisitors(visitorIds: string[]): void;
  /** An item's new tags, to every console. */
  tags(kind: TaggedKind, id: string, tags: string[]): void;
}

/** What an agent's action needs: the store, email, a log and the live fan-out. */
export interface AgentActionDeps {
  store: Store;
  email: EmailService;
  log: Logger;
  live: LiveFanout;
}

/**
 * An agent's reply from anywhere (the console's socket, the REST API): stored, then sent to the
 * visitor's tabs and every console, and emailed when the visitor is away. A reply takes an unassigned chat.
 */
export async function postAgentReply(
  deps: AgentActionDeps,
  agent: AgentRow,
  p: { id: string; conversationId: string; text: string },
): Promise<Message> {
  const result = await sendAgentMessage(deps.store, agent, p);
  const took = await takeOnReply(deps.store, agent, result);
  // The widget hears the agent's name with the status change the reply makes, or on its own.
  if (result.created) await deps.live.message(result, took ? agent.name : undefined);
  if (took && result.statusBefore === result.conversation.status) deps.live.assignee(result.conversation, agent.name);
  // A retry too (the email is keyed by the message): one a crash after storing it left unqueued goes out.
  const online = await deps.live.visitorOnline(result.conversation.visitorId);
  await emailReplyIfAway(deps.store, deps.email, result, online).catch((err) => deps.log.error({ err }, 'could not queue the reply email'));
  return result.message;
}

/** Sets a conversation's status (resolve, reopen); a change is told to the visitor's widget and every console. */
export async function changeConversationStatus(
  deps: AgentActionDeps,
  conversationId: string,
  status: ConversationStatus,
): Promise<ConversationSummary> {
  const { store } = deps;
  const before = await agentConversation(store, conversationId);
  // Resolving records `conversation.resolved` with the change.
  const events = (after: ConversationRow) =>
    after.status === 'resolved' ? [conversationEvent('conversation.resolved', after, after.updatedAt)] : [];
  const c =
    before.status === status
      ? before
      : await withWebhooks(store, events, (e) => store.setConversationStatus(before.id, status, new Date().toISOString(), e));
  if (before.status !== c.status) {
    deps.live.conversationStatus(c);
    await deps.live.conversation(c.id);
  }
  return found(await store.getSummary(c.id), 'No such conversation.');
}

/** Answers feedback by email; a new reply is shown in every console with the item's new status and count. */
export async function postFeedbackReply(
  deps: AgentActionDeps,
  agent: AgentRow,
  p: { id?: string; feedbackId: string; text: string },
): Promise<FeedbackReply> {
  const { reply, item, created } = await replyToFeedback(deps.store, deps.email, agent, p.feedbackId, p.text, p.id);
  if (created) deps.live.feedback(item);
  return reply;
}

/** The call back request of that id; `not_found` when there is none. */
export const callbackOf = async (store: Store, id: string) => found(await store.getCallback(id), 'No such call back request.');

/** Applies an agent's change to a call back request, tells the consoles and the visitor, and answers the request as it is now. */
export async function changeCallback(
  deps: AgentActionDeps,
  id: string,
  change: (c: CallbackWithVisitor) => Promise<void>,
): Promise<CallbackWithVisitor> {
  await change(await callbackOf(deps.store, id));
  await deps.live.callback(id);
  return callbackOf(deps.store, id);
}
