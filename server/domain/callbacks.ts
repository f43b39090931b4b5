import { nanoid } from 'nanoid';
import { LIMITS } from '../../protocol/events';
import type {
  CallbackAttempt,
  CallbackItem,
  CallbackOutcome,
  CallbackRequestInput,
  CallbackSlots,
  CallbackStatus,
  VisitorCallback,
} from '../../protocol/types';
import { AppError } from '../errors';
import type {
  AgentRow,
  CallbackPatch,
  CallbackRow,
  CallbackWithVisitor,
  SiteRow,
  Store,
  StoredCallbackAttempt,
  VisitorRow,
} from '../store/types';
import { callbackEvent, withWebhooks } from './webhooks/events';
import { friendlyName } from './friendly-name';
import { callbackSlots, hoursInForce, isOpen, nextOpening } from './hours';
import { displayPhone, toE164 } from './phone';

const SLOT_OPTIONS = {
  horizonDays: LIMITS.callbackHorizonDays,
  leadMinutes: LIMITS.callbackLeadMinutes,
  slotMinutes: LIMITS.callbackSlotMinutes,
};
const OPEN: CallbackStatus[] = ['waiting', 'rescheduled'];

/** Whether a request still waits for a call. */
export const isOpenCallback = (c: Pick<CallbackRow, 'status'>) => OPEN.includes(c.status);

// Without opening hours a site takes calls round the clock: every slot of the horizon is offered.
const siteHours = (site: SiteRow) => hoursInForce(site.hours, site.options.hoursEnabled);

/** What the visitor may pick now. */
export function slotsFor(site: SiteRow, now = Date.now()): CallbackSlots {
  const hours = siteHours(site);
  const next = nextOpening(hours, now, LIMITS.callbackHorizonDays);
  return {
    openNow: isOpen(hours, now),
    nextOpening: next === null ? null : new Date(next).toISOString(),
    slots: callbackSlots(hours, now, SLOT_OPTIONS),
  };
}

/** Due time and window for "as soon as possible" or a chosen slot; `slot_unavailable` otherwise. */
export function resolveWhen(
  site: SiteRow,
  when: CallbackRequestInput['when'],
  now = Date.now(),
): Pick<CallbackRow, 'asap' | 'dueAt' | 'windowEnd'> {
  if ('asap' in when) {
    const hours = siteHours(site);
    const due = isOpen(hours, now) ? now : (nextOpening(hours, now, LIMITS.callbackHorizonDays) ?? now);
    return { asap: true, dueAt: new Date(due).toISOString(), windowEnd: null };
  }
  const start = Date.parse(when.start);
  const slot = Number.isNaN(start)
    ? undefined
    : callbackSlots(siteHours(site), now, SLOT_OPTIONS).find((s) => Date.parse(s.start) === start);
  if (!slot) {
    throw new AppError('slot_unavailable', 'That time is not available any more. Pick another time within opening hours.', 'when');
  }
  return { asap: false, dueAt: slot.start, windowEnd: slot.end };
}

/** What the visitor sees. */
export function toVisitorCallback(c: CallbackRow): VisitorCallback {
  return {
    id: c.id,
    phone: c.phone,
    phoneDisplay: displayPhone(c.phone),
    name: c.name,
    topic: c.topic,
    asap: c.asap,
    dueAt: c.dueAt,
    windowEnd: c.windowEnd,
    status: c.status,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/** What agents see in the queue. */
export function toCallbackItem(c: CallbackWithVisitor): CallbackItem {
  return {
    ...toVisitorCallback(c),
    siteId: c.siteId,
    visitorId: c.visitorId,
    visitorName: c.name ?? c.visitorName ?? (c.visitorId ? friendlyName(c.visitorId) : displayPhone(c.phone)),
    claimedBy: c.claimedBy,
    attempts: c.attempts,
    pageUrl: c.pageUrl,
    pageTitle: c.pageTitle,
    visitorTimezone: c.visitorTimezone,
    visitorLocale: c.visitorLocale,
  };
}

/**
 * Records a visitor's request. An open request for the same phone on the site is
 * updated instead of duplicated. Returns whether it was new.
 */
export async function requestCallback(
  store: Store,
  site: SiteRow,
  visitor: VisitorRow,
  input: CallbackRequestInput,
): Promise<{ callback: CallbackRow; created: boolean }> {
  if (!site.options.channels.callback) throw new AppError('forbidden', 'Call back requests are turned off for this site.');
  const phone = toE164(input.phone, input.country);
  const when = resolveWhen(site, input.when);
  const now = new Date().toISOString();
  const details = {
    visitorId: visitor.id,
    name: input.name || null,
    topic: input.topic || null,
    ...when,
    pageUrl: input.page.url || null,
    pageTitle: input.page.title || null,
    visitorTimezone: input.timezone ?? visitor.timezone,
    visitorLocale: input.locale ?? visitor.language,
    updatedAt: now,
  };
  // The name given here is how agents will know the visitor in chat too.
  if (input.name && !visitor.name) await store.updateVisitor(visitor.id, { name: input.name });
  // Only the visitor's own request: another visitor giving the same number must not take it over.
  // One step in the store, so two tabs asking at once make one request.
  const callback = {
    id: nanoid(),
    siteId: site.id,
    phone,
    status: 'waiting' as const,
    claimedBy: null,
    attempts: 0,
    createdAt: now,
    ...details,
  };
  // An update of the visitor's open request too: its event has the request's key, so it is queued once.
  return withWebhooks(
    store,
    (r: { callback: CallbackRow }) => [callbackEvent('callback.requested', r.callback)],
    (events) => store.requestCallback(callback, details, events),
  );
}

/** The visitor's own open request, or `not_found`. */
export async function ownOpenCallback(store: Store, visitor: VisitorRow, id: string): Promise<CallbackWithVisitor> {
  const c = await store.getCallback(id);
  if (!c || c.visitorId !== visitor.id) throw new AppError('not_found', 'No such call back request.');
  if (!isOpenCallback(c)) throw new AppError('invalid_payload', 'This request is closed already.');
  return c;
}

/** A visitor picks another time. */
export async function changeCallbackTime(store: Store, site: SiteRow, c: CallbackRow, when: CallbackRequestInput['when']): Promise<void> {
  // The visitor's own choice replaces any time an agent had moved it to.
  await store.updateCallback(c.id, { ...resolveWhen(site, when), status: 'waiting', updatedAt: new Date().toISOString() });
}

const OUTCOME_STATUS: Record<CallbackOutcome, CallbackStatus | null> = {
  reached: 'called',
  no_answer: null,
  wrong_number: 'wrong_number',
  cancelled: 'cancelled',
};

/** What an attempt's client id stands for: a retry of it must say the same. */
type AttemptCommand = Pick<StoredCallbackAttempt, 'callbackId' | 'outcome' | 'dueAt'>;

/**
 * Whether a client id is the retry of an attempt this agent recorded already (its answer lost):
 * the same agent, request and command, answered with the request as it is. Any other use of a
 * taken id, such as another agent's, is `duplicate_id` and learns nothing of the attempt.
 */
async function isRetry(store: Store, agent: AgentRow, id: string, command: AttemptCommand): Promise<boolean> {
  const known = await store.getCallbackAttempt(id);
  if (!known) return false;
  const mine = known.agentId === agent.id && known.callbackId === command.callbackId;
  const same = mine && known.outcome === command.outcome && known.dueAt === command.dueAt;
  if (!same) throw new AppError('duplicate_id', 'That id is already taken; send with a new id.');
  return true;
}

/** Stores an attempt under its client id once; a retry (also one racing the first) changes nothing. */
async function addAttempt(store: Store, agent: AgentRow, c: CallbackRow, attempt: CallbackAttempt, patch: CallbackPatch): Promise<void> {
  const command = { callbackId: c.id, outcome: attempt.outcome, dueAt: attempt.dueAt };
  // Reached: the request as the attempt leaves it is `callback.completed`, recorded with the attempt.
  const events = () => (patch.status === 'called' ? [callbackEvent('callback.completed', { ...c, ...patch })] : []);
  const added = await withWebhooks(store, events, (e) => store.addCallbackAttempt(c.id, { ...attempt, agentId: agent.id }, patch, e));
  if (!added) await isRetry(store, agent, attempt.id, command);
}

/** An agent records how a call went; every attempt is kept. `id`: the client's, so a retry counts once. */
export async function recordOutcome(
  store: Store,
  agent: AgentRow,
  c: CallbackRow,
  outcome: CallbackOutcome,
  note: string | null,
  id: string = nanoid(),
): Promise<void> {
  // Before the checks: the first send may have closed the request its retry finds.
  if (await isRetry(store, agent, id, { callbackId: c.id, outcome, dueAt: null })) return;
  if (!isOpenCallback(c)) throw new AppError('invalid_payload', 'This request is closed already; reschedule it to open it again.');
  const now = new Date().toISOString();
  const patch: CallbackPatch = { attempts: c.attempts + 1, updatedAt: now, status: OUTCOME_STATUS[outcome] ?? c.status };
  await addAttempt(store, agent, c, { id, agentName: agent.name, outcome, note, dueAt: null, createdAt: now }, patch);
}

/** An agent moves a request to a new time (any future time; agents may call outside hours). `id` as for `recordOutcome`. */
export async function rescheduleCallback(
  store: Store,
  agent: AgentRow,
  c: CallbackRow,
  dueAt: string,
  note: string | null,
  id: string = nanoid(),
): Promise<void> {
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) throw new AppError('slot_unavailable', 'Pick a time in the future.', 'dueAt');
  const iso = new Date(due).toISOString();
  // Before the time check: a retry may come when the time it moved the request to has passed.
  if (await isRetry(store, agent, id, { callbackId: c.id, outcome: 'rescheduled', dueAt: iso })) return;
  if (due <= Date.now()) throw new AppError('slot_unavailable', 'Pick a time in the future.', 'dueAt');
  if (due > Date.now() + 60 * 86_400_000) throw new AppError('slot_unavailable', 'Pick a time within the next 60 days.', 'dueAt');
  const now = new Date().toISOString();
  const attempt: CallbackAttempt = { id, agentName: agent.name, outcome: 'rescheduled', note, dueAt: iso, createdAt: now };
  await addAttempt(store, agent, c, attempt, { status: 'rescheduled', dueAt: iso, windowEnd: null, asap: false, updatedAt: now });
}
