import type { CallbackStatus, ConversationStatus, FeedbackCategory } from './types';

// Contacts as agents see them (issue 18): one person across browsers and channels.

/** A custom attribute's value, from `identify` or the REST API. */
export type ContactAttributeValue = string | number | boolean;

/** A contact in the Contacts list. */
export interface ContactSummary {
  id: string;
  siteId: string;
  /** The contact's name, a name one of its browsers gave, or null. */
  name: string | null;
  email: string | null;
  phone: string | null;
  /** The site's own user id, from a verified identify. */
  externalId: string | null;
  emailVerified: boolean;
  /** A verified identity or a verified email. */
  verified: boolean;
  visitorCount: number;
  lastSeenAt: string;
  createdAt: string;
}

/** One thing that happened with the person, on any channel, newest first in a timeline. */
export type TimelineItem =
  | { kind: 'conversation'; at: string; id: string; status: ConversationStatus; preview: string | null; visitorId: string }
  | { kind: 'callback'; at: string; id: string; status: CallbackStatus; phone: string; topic: string | null }
  | { kind: 'feedback'; at: string; id: string; rating: number | null; category: FeedbackCategory; text: string }
  | { kind: 'survey'; at: string; conversationId: string; rating: number; comment: string | null }
  | { kind: 'email'; at: string; id: string; feedbackId: string; agentName: string; text: string };

/** A browser of a contact. */
export interface ContactVisitor {
  id: string;
  displayName: string;
  verified: boolean;
  pageUrl: string | null;
  pageTitle: string | null;
  lastSeenAt: string;
}

/** Another contact that may be the same person: only a claimed email or phone matches. */
export interface ContactSuggestionItem {
  contact: ContactSummary;
  email: string | null;
  phone: string | null;
}

/** Everything about one contact. */
export interface ContactDetail extends ContactSummary {
  attributes: Record<string, ContactAttributeValue>;
  notes: string | null;
  visitors: ContactVisitor[];
  timeline: TimelineItem[];
  pages: { url: string; title: string | null }[];
  ratings: { at: string; rating: number; source: 'feedback' | 'survey' }[];
  suggestions: ContactSuggestionItem[];
  /** The merge an Undo would revert. */
  lastMerge: { id: string; fromId: string; reason: 'identity' | 'email' | 'agent'; createdAt: string } | null;
}

/** A place in the contacts' order (last seen, newest first). */
export interface ContactCursor {
  lastSeenAt: string;
  id: string;
}
