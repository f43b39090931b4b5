import type { WinBackItem, WinBackReason } from '../../protocol/winback';
import type { WinBackSignals } from '../store/privacy-types';
import type { Store } from '../store/types';

export type { WinBackItem, WinBackReason };
export type { WinBackReasonKind } from '../../protocol/winback';

export interface WinBackOptions {
  now?: number;
  /** A chat whose first message waited longer than this for an agent counts as bad (default 5 minutes). */
  chatWaitMs?: number;
  /** How far back experiences are looked at (default 90 days). */
  days?: number;
}

interface Judged {
  siteId: string;
  bad: WinBackReason[];
  /** The time of the latest good experience (a good rating, a call back that reached them). */
  goodAt: string;
}

/** Sorts each contact's experiences into bad reasons and the latest good one. */
export function judge(s: WinBackSignals, now: number, chatWaitMs: number): Map<string, Judged> {
  const out = new Map<string, Judged>();
  const of = (contactId: string, siteId: string) => {
    let j = out.get(contactId);
    if (!j) out.set(contactId, (j = { siteId, bad: [], goodAt: '' }));
    return j;
  };
  const good = (j: Judged, at: string) => (j.goodAt = at > j.goodAt ? at : j.goodAt);
  for (const f of s.feedback) {
    const j = of(f.contactId, f.siteId);
    const low = f.rating !== null && f.rating <= 2;
    if (low) j.bad.push({ kind: 'low_rating', at: f.at, ref: f.id, rating: f.rating! });
    if (f.category === 'complaint') j.bad.push({ kind: 'complaint', at: f.at, ref: f.id, ...(f.rating ? { rating: f.rating } : {}) });
    else if (!low && ((f.rating ?? 0) >= 4 || f.category === 'praise')) good(j, f.at);
  }
  for (const v of s.surveys) {
    const j = of(v.contactId, v.siteId);
    if (v.rating <= 2) j.bad.push({ kind: 'bad_survey', at: v.at, ref: v.conversationId, rating: v.rating });
    else if (v.rating >= 4) good(j, v.at);
  }
  for (const c of s.callbacks) {
    const j = of(c.contactId, c.siteId);
    const open = c.status === 'waiting' || c.status === 'rescheduled';
    if (c.status === 'called') good(j, c.updatedAt);
    else if (c.lastOutcome === 'no_answer' && open)
      j.bad.push({ kind: 'callback_no_answer', at: c.lastAttemptAt ?? c.updatedAt, ref: c.id });
    else if (open && Date.parse(c.windowEnd ?? c.dueAt) < now)
      j.bad.push({ kind: 'callback_overdue', at: c.windowEnd ?? c.dueAt, ref: c.id });
  }
  for (const c of s.chats) {
    const j = of(c.contactId, c.siteId);
    const asked = Date.parse(c.firstVisitorAt);
    if (c.firstResponseAt === null) {
      if (now - asked > chatWaitMs)
        j.bad.push({ kind: 'chat_unanswered', at: new Date(asked + chatWaitMs).toISOString(), ref: c.conversationId });
    } else if (Date.parse(c.firstResponseAt) - asked > chatWaitMs)
      j.bad.push({ kind: 'chat_slow', at: c.firstResponseAt, ref: c.conversationId });
  }
  return out;
}

/** The Win back list: contacts whose latest experience was bad, newest first, with all their reasons since the last good one. */
export async function winBackList(store: Store, opts: WinBackOptions = {}): Promise<WinBackItem[]> {
  const now = opts.now ?? Date.now();
  const since = new Date(now - (opts.days ?? 90) * 86_400_000).toISOString();
  const judged = judge(await store.winBackSignals(since), now, opts.chatWaitMs ?? 5 * 60_000);
  const cases = new Map((await store.listWinBackCases()).map((c) => [c.contactId, c]));
  const items: WinBackItem[] = [];
  for (const [contactId, j] of judged) {
    const kase = cases.get(contactId);
    // A case marked won back or lost settles what came before it.
    const settled = kase && kase.status !== 'open' ? (kase.closedAt ?? '') : '';
    const cut = settled > j.goodAt ? settled : j.goodAt;
    const reasons = j.bad.filter((r) => r.at > cut).sort((a, b) => b.at.localeCompare(a.at));
    if (!reasons.length) continue;
    const contact = await store.getContact(contactId);
    if (!contact) continue;
    items.push({
      contactId,
      siteId: j.siteId,
      name: contact.name,
      email: contact.email,
      phone: contact.phone,
      reasons,
      latestAt: reasons[0]!.at,
      status: 'open',
      assignedTo: kase?.assignedTo ?? null,
      followUp: kase?.followUp ?? null,
    });
  }
  return items.sort((a, b) => b.latestAt.localeCompare(a.latestAt) || a.contactId.localeCompare(b.contactId));
}
