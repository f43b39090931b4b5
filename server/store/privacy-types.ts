import type { WinBackItem, WinBackStatus } from '../../protocol/winback';
import type { Message } from '../../protocol/types';
import type { CallbackRow, ContactRow, ConversationRow, FeedbackRow, NewFeedbackReply, StoredCallbackAttempt, VisitorRow } from './types';

/** Who did something an admin must be able to trace: an agent in the console, or an API token. */
export interface AuditActor {
  kind: 'agent' | 'token';
  id: string;
  name: string;
}

export type AuditAction = 'contact.export' | 'contact.erase';

/** One line of the audit log (issue 18): who did what to whom, when. */
export interface AuditEntry {
  id: string;
  at: string;
  actor: AuditActor;
  action: AuditAction;
  contactId: string;
  siteId: string | null;
  /** What it touched, as counts (never the personal data itself). */
  detail: Record<string, number>;
}

/** Everything kept about one contact, for an export (GDPR art. 15). */
export interface ContactData {
  contact: ContactRow;
  visitors: VisitorRow[];
  conversations: ConversationRow[];
  messages: Message[];
  callbacks: CallbackRow[];
  attempts: StoredCallbackAttempt[];
  feedback: FeedbackRow[];
  replies: Omit<NewFeedbackReply, 'agentId'>[];
}

/** What an erase blanked: the rows stay, for the counts of reports, with nothing personal in them. */
export interface ErasedCounts {
  visitors: number;
  conversations: number;
  messages: number;
  callbacks: number;
  feedback: number;
  emails: number;
  webhookDeliveries: number;
}

export type { WinBackStatus };

/** An agent's work on one unhappy contact: who has it, what was done, how it ended. */
export interface WinBackCaseRow {
  contactId: string;
  siteId: string;
  status: WinBackStatus;
  assignedTo: WinBackItem['assignedTo'];
  followUp: WinBackItem['followUp'];
  /** When it was marked won back or lost: bad experiences before then are settled. */
  closedAt: string | null;
  updatedAt: string;
}

/** The raw experiences of contacts since a time, which the domain judges good or bad. */
export interface WinBackSignals {
  feedback: { contactId: string; siteId: string; id: string; at: string; rating: number | null; category: FeedbackRow['category'] }[];
  surveys: { contactId: string; siteId: string; conversationId: string; at: string; rating: number }[];
  callbacks: {
    contactId: string;
    siteId: string;
    id: string;
    status: CallbackRow['status'];
    dueAt: string;
    windowEnd: string | null;
    updatedAt: string;
    lastOutcome: string | null;
    lastAttemptAt: string | null;
  }[];
  chats: {
    contactId: string;
    siteId: string;
    conversationId: string;
    status: ConversationRow['status'];
    firstVisitorAt: string;
    firstResponseAt: string | null;
  }[];
}

/** Export, erase, the audit log, win-back cases and per-site retention. */
export interface PrivacyPort {
  addAudit(e: AuditEntry): Promise<void>;
  /** Newest first. */
  listAudit(limit: number): Promise<AuditEntry[]>;
  /** Null for an unknown contact, 'erased' for one erased already. */
  contactData(contactId: string): Promise<ContactData | 'erased' | null>;
  /**
   * Blanks everything personal about the contact and its visitors (names, emails, phones, text,
   * pages, user agents, time zones; the emails and webhook bodies that carried them), keeps the rows
   * for counts, gives its visitors new tokens (their browsers are strangers now) and writes `audit`,
   * all or nothing. Null for an unknown contact, 'erased' when it was erased already (nothing written).
   */
  eraseContact(contactId: string, audit: AuditEntry): Promise<ErasedCounts | 'erased' | null>;
  /** Feedback, surveys, call backs and chats of contacts since `since` (ISO). */
  winBackSignals(since: string): Promise<WinBackSignals>;
  getWinBackCase(contactId: string): Promise<WinBackCaseRow | null>;
  listWinBackCases(): Promise<WinBackCaseRow[]>;
  saveWinBackCase(c: WinBackCaseRow): Promise<void>;
  /** Deletes up to `limit` of the site's conversations (with their messages) last changed before `before`; how many. */
  purgeSiteConversations(siteId: string, before: string, limit: number): Promise<number>;
}
