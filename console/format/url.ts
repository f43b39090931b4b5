/**
 * The URL as a link target only when it is http(s): a visitor's browser reports its page
 * URL, so `javascript:` and the like must never become clickable.
 */
export function safeHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
