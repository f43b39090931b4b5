import type { EmailService } from '../email/email-service';
import type { Logger } from '../log';
import type { Store } from '../store/types';
import { winBackList, type WinBackReasonKind } from './winback';

/** The ISO week of a time, e.g. 2026-W49: the key of that week's summary. */
export function isoWeek(t: number): string {
  const d = new Date(t);
  const day = (d.getUTCDay() + 6) % 7;
  const thursday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day + 3);
  const year = new Date(thursday).getUTCFullYear();
  const week =
    1 + Math.floor((thursday - Date.UTC(year, 0, 4)) / (7 * 86_400_000) + ((new Date(Date.UTC(year, 0, 4)).getUTCDay() + 6) % 7) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const WORDS: Record<WinBackReasonKind, string> = {
  low_rating: 'rated us 1 or 2',
  complaint: 'complained',
  bad_survey: 'rated a chat 1 or 2',
  callback_no_answer: 'were called back without an answer',
  callback_overdue: 'were not called back in time',
  chat_slow: 'waited long for a chat answer',
  chat_unanswered: 'got no answer in chat',
};

/**
 * Queues this week's Win back summary to every active admin. Each email's outbox id is the week
 * and the admin, so however many nodes (or restarts) run this in a week, one email each goes out.
 * Counts only: no one's name or words travel in it.
 */
export async function sendWinBackDigest(store: Store, email: EmailService, publicUrl: string | null, now = Date.now()): Promise<number> {
  if (!email.enabled) return 0;
  const week = isoWeek(now);
  const items = await winBackList(store, { now });
  // Nobody to win back: no email that says so.
  if (!items.length) return 0;
  const fresh = items.filter((i) => Date.parse(i.latestAt) > now - 7 * 86_400_000).length;
  const byReason = new Map<WinBackReasonKind, number>();
  for (const i of items) for (const k of new Set(i.reasons.map((r) => r.kind))) byReason.set(k, (byReason.get(k) ?? 0) + 1);
  const unassigned = items.filter((i) => !i.assignedTo).length;
  const text = [
    `Win back, week ${week}: ${items.length} unhappy ${items.length === 1 ? 'contact' : 'contacts'} to win back, ${fresh} new this week, ${unassigned} not assigned.`,
    '',
    ...[...byReason].map(([k, n]) => `- ${n} ${WORDS[k]}`),
    '',
    publicUrl ? `Open the list: ${publicUrl}/console/winback` : 'Open the list in the console: Win back.',
  ].join('\n');
  const admins = (await store.listAgents()).filter((a) => a.role === 'admin');
  for (const a of admins)
    await email.queue({ to: a.email, subject: `Win back: ${items.length} to call this week`, text }, `winback-${week}-${a.id}`);
  return admins.length;
}

/**
 * Checks every `everyMs` (an hour) whether this week's summary went out, on the cluster's leader
 * only (one node does the work), while the outbox id keyed by week and admin keeps it to one email
 * even when leadership changes hands mid-check; the first check is an interval after start.
 * Returns the stop function.
 */
export function startWinBackDigest(
  store: Store,
  email: EmailService,
  log: Logger,
  opts: { publicUrl: string | null; everyMs?: number; leader?: () => boolean },
): () => void {
  const { publicUrl, everyMs = 3_600_000, leader = () => true } = opts;
  const run = () => {
    if (!leader()) return;
    void sendWinBackDigest(store, email, publicUrl).catch((err) => log.error({ err }, 'win back summary failed'));
  };
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
