import type { SiteStatus } from '../../protocol/types';

/**
 * Asks the relay who is there now; null when it cannot tell. No cookies go along, and the
 * browser revalidates: it may still hold the loader's answer, which is up to 30 s old.
 */
export async function fetchStatus(relay: string, siteId: string): Promise<SiteStatus | null> {
  try {
    const res = await fetch(`${relay}/api/sites/${siteId}/status`, { credentials: 'omit', cache: 'no-cache' });
    const body = (await res.json()) as { ok: boolean; data?: SiteStatus };
    return body.ok && body.data ? body.data : null;
  } catch {
    return null;
  }
}
