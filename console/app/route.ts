/** The console lives under this path; a conversation has its own URL so it can be bookmarked or opened in a new tab. */
export const BASE = '/console/';

/** The URL of a conversation. */
export function conversationPath(id: string): string {
  return `${BASE}c/${encodeURIComponent(id)}`;
}

/** The conversation id in a path, or null for the inbox alone. */
export function conversationFromPath(pathname: string): string | null {
  const m = /^\/console\/c\/([A-Za-z0-9_-]{1,64})\/?$/.exec(pathname);
  return m?.[1] ?? null;
}
