import type { BusinessHours, CallbackSlot, Weekday } from '../../protocol/types';
import { WEEKDAYS } from '../../protocol/types';

const MINUTE = 60_000;
const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
/** Zone names this runtime knows, as checked so far. */
const zonesSeen = new Set<string>();

/** Whether `tz` is an IANA zone this runtime knows. */
export function isTimeZone(tz: string): boolean {
  if (zonesSeen.has(tz)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
  } catch {
    return false;
  }
  // Every visitor's hello asks: a formatter per hello cost ~7 KiB of memory per visitor
  // (`npm run bench`). Only real zones are kept (a few hundred), so made-up names sent to fill
  // the set cannot crowd them out; bounded all the same.
  if (zonesSeen.size < 1000) zonesSeen.add(tz);
  return true;
}

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** The wall-clock fields in `tz` at instant `at`. */
function wallClock(tz: string, at: number) {
  const parts = Object.fromEntries(
    formatter(tz)
      .formatToParts(at)
      .map((p) => [p.type, Number(p.value)]),
  );
  return { y: parts.year!, m: parts.month!, d: parts.day!, h: parts.hour!, min: parts.minute!, s: parts.second! };
}

/** Offset of `tz` from UTC at instant `at`, in ms (Prague in summer: +7 200 000). */
export function zoneOffset(tz: string, at: number): number {
  const w = wallClock(tz, at);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) - Math.floor(at / 1000) * 1000;
}

/**
 * The instant a wall-clock time in `tz` stands for; the offset is re-read once so DST days come
 * out right. A time the clocks skip (00:00 in Santiago on the day they go forward) is taken as
 * the later candidate, where the day really starts: never the evening before.
 */
export function zonedToUtc(tz: string, y: number, m: number, d: number, h: number, min: number): number {
  const naive = Date.UTC(y, m - 1, d, h, min);
  const first = naive - zoneOffset(tz, naive);
  const second = naive - zoneOffset(tz, first);
  if (first === second) return second;
  const readsBack = (at: number) => {
    const w = wallClock(tz, at);
    return w.d === d && w.h === h && w.min === min;
  };
  if (readsBack(second)) return second;
  if (readsBack(first)) return first;
  return Math.max(first, second);
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Opening windows [start, end) in UTC ms for the site-local days overlapping [from, to). */
export function openingWindows(hours: BusinessHours, from: number, to: number): [number, number][] {
  const tz = hours.timezone;
  const start = wallClock(tz, from);
  const windows: [number, number][] = [];
  for (let i = -1; ; i++) {
    const day = new Date(Date.UTC(start.y, start.m - 1, start.d + i));
    const y = day.getUTCFullYear();
    const m = day.getUTCMonth() + 1;
    const d = day.getUTCDate();
    if (zonedToUtc(tz, y, m, d, 0, 0) >= to) break;
    const weekday: Weekday = WEEKDAYS[(day.getUTCDay() + 6) % 7]!;
    for (const r of hours.weekly[weekday] ?? []) {
      const a = minutesOf(r.from);
      const b = minutesOf(r.to);
      const s = zonedToUtc(tz, y, m, d, Math.floor(a / 60), a % 60);
      const e = b >= 24 * 60 ? zonedToUtc(tz, y, m, d + 1, 0, 0) : zonedToUtc(tz, y, m, d, Math.floor(b / 60), b % 60);
      if (e > from && s < to) windows.push([s, e]);
    }
  }
  // Ranges that touch or overlap (saved before overlaps were refused, or 22:00–24:00 then
  // 00:00–06:00 the next day) are one window: no slot offered twice, none out of order.
  const merged: [number, number][] = [];
  for (const w of windows.sort((x, y) => x[0] - y[0])) {
    const last = merged.at(-1);
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else merged.push(w);
  }
  return merged;
}

/** Whether the site is open at `at`. */
export function isOpen(hours: BusinessHours, at: number): boolean {
  return openingWindows(hours, at - DAY, at + DAY).some(([s, e]) => s <= at && at < e);
}

/** The next moment the site opens after `at`, within `horizonDays`, or null. */
export function nextOpening(hours: BusinessHours, at: number, horizonDays = 14): number | null {
  const w = openingWindows(hours, at, at + horizonDays * DAY).find(([s]) => s > at);
  return w ? w[0] : null;
}

/**
 * Windows a visitor may pick: `slotMinutes` long, inside opening hours, starting at
 * least `leadMinutes` from now and at most `horizonDays` ahead.
 */
export function callbackSlots(
  hours: BusinessHours,
  now: number,
  opts: { horizonDays: number; leadMinutes: number; slotMinutes: number },
): CallbackSlot[] {
  const earliest = now + opts.leadMinutes * MINUTE;
  const latest = now + opts.horizonDays * DAY;
  const size = opts.slotMinutes * MINUTE;
  const slots: CallbackSlot[] = [];
  for (const [s, e] of openingWindows(hours, now, latest)) {
    for (let t = s; t + size <= e; t += size) {
      if (t >= earliest && t <= latest) slots.push({ start: new Date(t).toISOString(), end: new Date(t + size).toISOString() });
    }
  }
  return slots;
}

/** Hours for a new site: every day 08:00–20:00 in the given zone. */
export function defaultHours(timezone: string): BusinessHours {
  const day = [{ from: '08:00', to: '20:00' }];
  return { timezone, weekly: Object.fromEntries(WEEKDAYS.map((w) => [w, day])) as BusinessHours['weekly'] };
}

/** The hours that decide when a site is open: its own when it uses them, else round the clock in its zone. */
export function hoursInForce(hours: BusinessHours, enabled: boolean): BusinessHours {
  if (enabled) return hours;
  const day = [{ from: '00:00', to: '24:00' }];
  return { timezone: hours.timezone, weekly: Object.fromEntries(WEEKDAYS.map((w) => [w, day])) as BusinessHours['weekly'] };
}
