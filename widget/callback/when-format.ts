import type { CallbackSlot } from '../../protocol/types';

/** Dates and times as the visitor reads them: in their time zone, in their locale's style. */
export interface WhenFormat {
  /** The visitor-local calendar date, `2025-11-25`, to group slots by. */
  dayKey(at: number): string;
  /** `Tue 25 Nov` */
  day(at: number): string;
  /** `10:00` */
  time(at: number): string;
  /** `10:00–10:30` */
  window(start: number, end: number): string;
  /** A moment in the coming days: `Tue 09:00`, or with its date when a week or more away. */
  soon(at: number, now: number): string;
  /** A country's name: `CZ` → `Czechia`. */
  country(code: string): string;
}

// Beyond six days a weekday alone could mean this week or next.
const SIX_DAYS = 6 * 86_400_000;

/** A `WhenFormat` for one locale and IANA time zone. */
export function createWhenFormat(locale: string, timeZone: string): WhenFormat {
  const f = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone, ...o });
  // Two-digit hours on a 24-hour clock ("09:00", as timetables write it); "9:00 AM" on a 12-hour one.
  const h12 = /h1[12]/.test(new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle ?? '');
  const hm = { hour: h12 ? 'numeric' : '2-digit', minute: '2-digit' } as const;
  const iso = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const day = f({ weekday: 'short', day: 'numeric', month: 'short' });
  const time = f(hm);
  const weekdayTime = f({ weekday: 'short', ...hm });
  const dated = f({ weekday: 'short', day: 'numeric', month: 'short', ...hm });
  let regions: Intl.DisplayNames | undefined;
  return {
    dayKey(at) {
      const p = Object.fromEntries(iso.formatToParts(at).map((x) => [x.type, x.value]));
      return `${p.year}-${p.month}-${p.day}`;
    },
    day: (at) => day.format(at),
    time: (at) => time.format(at),
    window: (start, end) => `${time.format(start)}–${time.format(end)}`,
    soon: (at, now) => (at - now < SIX_DAYS ? weekdayTime : dated).format(at),
    country(code) {
      try {
        regions ??= new Intl.DisplayNames(locale, { type: 'region' });
        return regions.of(code) ?? code;
      } catch {
        return code;
      }
    },
  };
}

/** The calendar date after a `dayKey`. */
export function nextDayKey(key: string): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** Slots of one visitor-local day. */
export interface SlotDay {
  key: string;
  /** The first slot's start, to label the day. */
  at: number;
  slots: CallbackSlot[];
}

/** The slots grouped by the visitor-local date they start on, in order. */
export function groupSlots(slots: readonly CallbackSlot[], fmt: WhenFormat): SlotDay[] {
  const days: SlotDay[] = [];
  for (const slot of slots) {
    const at = Date.parse(slot.start);
    const key = fmt.dayKey(at);
    const last = days.at(-1);
    if (last?.key === key) last.slots.push(slot);
    else days.push({ key, at, slots: [slot] });
  }
  return days;
}

/**
 * The locale to format dates in: the browser's own when it is a variant of the panel's
 * language (an `en-GB` visitor reads "25 Nov, 10:00"), else the panel's language.
 */
export function formatLocale(languageTag: string, browser: readonly string[]): string {
  const base = languageTag.toLowerCase().split('-')[0];
  return browser.find((l) => l.toLowerCase().split('-')[0] === base) ?? languageTag;
}
