import type { VisitorCallback } from '../../protocol/types';
import type { Say } from './say';
import type { WhenFormat } from './when-format';

/**
 * The number as the server read it, grouped for reading (`+420 602 123 456`). Isolated
 * (U+2068…U+2069), so a right-to-left sentence does not reorder its digits.
 */
export function shownPhone(c: VisitorCallback): string {
  return `\u2068${c.phoneDisplay}\u2069`;
}

/** The time of a request: its window (`10:00–10:30`) or, once an agent moved it, its start. */
function timeOf(c: VisitorCallback, fmt: WhenFormat) {
  const due = Date.parse(c.dueAt);
  return { day: fmt.day(due), time: c.windowEnd ? fmt.window(due, Date.parse(c.windowEnd)) : fmt.time(due) };
}

/** "We'll call … as soon as possible / when we open, … / on Tue 25 Nov, 10:00–10:30." */
export function confirmation(c: VisitorCallback, phone: string, say: Say, fmt: WhenFormat, now: number): string {
  if (c.asap) {
    const due = Date.parse(c.dueAt);
    // "As soon as possible" asked while closed is due at the next opening.
    return due > now + 60_000 ? say('confirm_opening', { phone, time: fmt.soon(due, now) }) : say('confirm_asap', { phone });
  }
  return say('confirm_at', { phone, ...timeOf(c, fmt) });
}

/** Where the request stands, in words. */
export function statusText(c: VisitorCallback, phone: string, say: Say, fmt: WhenFormat): string {
  switch (c.status) {
    case 'waiting':
      return say('status_waiting');
    case 'rescheduled':
      return say('status_rescheduled', timeOf(c, fmt));
    case 'called':
      return say('status_called');
    case 'wrong_number':
      return say('status_wrong_number', { phone });
    case 'cancelled':
      return say('status_cancelled');
  }
}
