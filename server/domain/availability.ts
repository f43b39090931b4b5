import type { AgentPresence, SiteStatus } from '../../protocol/types';
import type { AgentRow, SiteRow, Store } from '../store/types';
import { hoursInForce, isOpen } from './hours';

const WEEK_MS = 7 * 86_400_000;
/** Fewer first replies than this in a week say nothing honest about a "typical" time. */
export const MIN_REPLY_SAMPLES = 5;

/** Median of first-reply delays in whole minutes (at least 1), or null with too little data. */
export function typicalReplyMinutes(delaysMs: number[]): number | null {
  if (delaysMs.length < MIN_REPLY_SAMPLES) return null;
  const sorted = [...delaysMs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.max(1, Math.ceil(median / 60_000));
}

/** Every agent with whether a console of theirs is connected and whether they set themselves away. */
export function presence(agents: AgentRow[], onlineIds: Set<string>): AgentPresence[] {
  return agents.map((a) => ({ id: a.id, name: a.name, online: onlineIds.has(a.id), away: a.away ?? false }));
}

/** A site is available when someone is there (online, not away) and it is open (always, unless it uses opening hours). */
export async function siteStatus(store: Store, site: SiteRow, onlineIds: Set<string>, now = Date.now()): Promise<SiteStatus> {
  const agents = presence(await store.listAgents(), onlineIds);
  const agentsOnline = agents.filter((a) => a.online && !a.away).length;
  const openNow = isOpen(hoursInForce(site.hours, site.options.hoursEnabled), now);
  const delays = await store.firstResponseDelays(site.id, new Date(now - WEEK_MS).toISOString());
  return { available: openNow && agentsOnline > 0, openNow, agentsOnline, typicalReplyMinutes: typicalReplyMinutes(delays) };
}
