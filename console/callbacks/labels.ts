import type { CallbackAttempt, CallbackItem, CallbackStatus } from '../../protocol/types';
import { spanText } from '../format/time';
import { isOpenCallback, overdueAt } from '../state/callback-selectors';

/** Status names as the agent reads them. */
export const CALLBACK_STATUS_LABEL: Record<CallbackStatus, string> = {
  waiting: 'Waiting',
  rescheduled: 'Rescheduled',
  called: 'Called',
  wrong_number: 'Wrong number',
  cancelled: 'Cancelled',
};

/** What an attempt in the history did. */
export const ATTEMPT_LABEL: Record<CallbackAttempt['outcome'], string> = {
  reached: 'Reached',
  no_answer: 'No answer',
  wrong_number: 'Wrong number',
  cancelled: 'Cancelled',
  rescheduled: 'Rescheduled',
};

/** Where a request stands against the clock: "Overdue by 12 min", "Due in 5 min", or null once closed. */
export function dueText(item: CallbackItem, now: number): string | null {
  if (!isOpenCallback(item)) return null;
  const d = Date.parse(item.dueAt) - now;
  if (d > 0) return `Due in ${spanText(d)}`;
  const late = now - overdueAt(item);
  // Within the first minute it is due rather than late: the queue refreshes each minute. An
  // "as soon as possible" request stays due for its grace (see ASAP_GRACE_MS).
  return late < 60_000 ? 'Due now' : `Overdue by ${spanText(-late)}`;
}

/** The line of a due alert: "Call back due: Ana, +420 602 123 456". */
export function callbackAlertText(item: CallbackItem): string {
  return `Call back due: ${item.visitorName}, ${item.phoneDisplay}`;
}

/** The visitor's zone by its city, "Asia/Yerevan" → "Yerevan", for a compact row. */
export function zoneCity(timeZone: string): string {
  return (timeZone.split('/').at(-1) ?? timeZone).replaceAll('_', ' ');
}
