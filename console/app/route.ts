/** The console lives under this path; a conversation has its own URL so it can be bookmarked or opened in a new tab. */
export const BASE = '/console/';

/** The feedback section's list. */
export const FEEDBACK_BASE = `${BASE}feedback`;

/** The callback queue. */
export const CALLBACKS_BASE = `${BASE}callbacks`;

/** The Contacts list. */
export const CONTACTS_BASE = `${BASE}contacts`;

/** The site settings. */
export const SETTINGS_PATH = `${BASE}settings`;

/** The team: admins only. */
export const TEAM_PATH = `${BASE}team`;

/** Contacts to win back. */
export const WINBACK_PATH = `${BASE}winback`;

/** The signed-in agent's own name and password. */
export const ACCOUNT_PATH = `${BASE}account`;

/** The console's sections, each with its own URLs. */
export type Section = 'conversations' | 'callbacks' | 'feedback' | 'contacts' | 'winback' | 'settings' | 'team' | 'account';

/** Where a path leads: a section and, within it, the item open (null for the list alone). */
export interface Route {
  section: Section;
  id: string | null;
}

/** The URL of a conversation. */
export function conversationPath(id: string): string {
  return `${BASE}c/${encodeURIComponent(id)}`;
}

/** The URL of a piece of feedback, or of the feedback list. */
export function feedbackPath(id?: string): string {
  return id ? `${FEEDBACK_BASE}/${encodeURIComponent(id)}` : FEEDBACK_BASE;
}

/** The URL of a call back request, or of the queue. */
export function callbackPath(id?: string): string {
  return id ? `${CALLBACKS_BASE}/${encodeURIComponent(id)}` : CALLBACKS_BASE;
}

/** The URL of a contact, or of the Contacts list. */
export function contactPath(id?: string): string {
  return id ? `${CONTACTS_BASE}/${encodeURIComponent(id)}` : CONTACTS_BASE;
}

/** The conversation id in a path, or null for the inbox alone. */
export function conversationFromPath(pathname: string): string | null {
  const m = /^\/console\/c\/([A-Za-z0-9_-]{1,64})\/?$/.exec(pathname);
  return m?.[1] ?? null;
}

/** The route of a path; anything unknown under the console is the inbox. */
export function routeFromPath(pathname: string): Route {
  const m = /^\/console\/(feedback|callbacks|contacts)(?:\/([A-Za-z0-9_-]{1,64}))?\/?$/.exec(pathname);
  if (m) return { section: m[1] as 'feedback' | 'callbacks' | 'contacts', id: m[2] ?? null };
  if (/^\/console\/settings\/?$/.test(pathname)) return { section: 'settings', id: null };
  const page = /^\/console\/(team|account|winback)\/?$/.exec(pathname);
  if (page) return { section: page[1] as 'team' | 'account' | 'winback', id: null };
  return { section: 'conversations', id: conversationFromPath(pathname) };
}

/** A one-time link's page (accept an invitation, choose a new password), which works signed out. */
export function linkFromPath(pathname: string): { kind: 'invite' | 'reset'; token: string } | null {
  const m = /^\/console\/(invite|reset)\/([A-Za-z0-9_-]{1,200})\/?$/.exec(pathname);
  return m ? { kind: m[1] as 'invite' | 'reset', token: m[2]! } : null;
}
