const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Short activity time for a dense list: "now", "5 min", "3 h", then the date. */
export function shortAgo(iso: string, now: number, locale?: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const d = Math.max(0, now - t);
  if (d < MINUTE) return 'now';
  if (d < HOUR) return `${Math.floor(d / MINUTE)} min`;
  if (d < DAY) return `${Math.floor(d / HOUR)} h`;
  const sameYear = new Date(t).getFullYear() === new Date(now).getFullYear();
  return new Intl.DateTimeFormat(locale, sameYear ? { day: 'numeric', month: 'short' } : { dateStyle: 'medium' }).format(t);
}

/** Full date and time, for tooltips and `<time>` labels. */
export function fullDateTime(iso: string, locale?: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(t);
}

/** Time of day of a message, in the agent's zone. */
export function clockTime(iso: string, locale?: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(t);
}

/** The visitor's wall-clock time in their IANA zone, or null when the zone is unknown or bogus. */
export function timeInZone(timeZone: string | null, now: number, locale?: string): string | null {
  if (!timeZone) return null;
  try {
    return new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(now);
  } catch {
    // The zone comes from the visitor's browser; an unknown one throws RangeError.
    return null;
  }
}

/** A language tag with its name, e.g. "cs-CZ (Czech (Czechia))"; the tag alone when unknown. */
export function languageName(tag: string, locale?: string): string {
  try {
    const name = new Intl.DisplayNames(locale ? [locale] : undefined, { type: 'language' }).of(tag);
    return name && name !== tag ? `${name} (${tag})` : tag;
  } catch {
    return tag;
  }
}

/**
 * Day and time of an instant in a zone (the agent's own when none is given), e.g.
 * "Wed 1 Jan, 14:30"; null when the zone is unknown or bogus.
 */
export function dayTimeInZone(iso: string, timeZone?: string | null, locale?: string): string | null {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  try {
    const opts: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
    return new Intl.DateTimeFormat(locale, timeZone ? { ...opts, timeZone } : opts).format(t);
  } catch {
    // A visitor's zone comes from their browser; an unknown one throws RangeError.
    return null;
  }
}

/** A span of minutes as people say it: "12 min", "3 h 5 min", "2 days". */
export function spanText(ms: number): string {
  const min = Math.max(1, Math.floor(Math.abs(ms) / MINUTE));
  if (min < 60) return `${min} min`;
  if (min < 24 * 60) return `${Math.floor(min / 60)} h${min % 60 ? ` ${min % 60} min` : ''}`;
  const days = Math.floor(min / (24 * 60));
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}

/** An instant as the value of an `<input type="datetime-local">` in the browser's zone. */
export function toLocalInput(at: number): string {
  const d = new Date(at);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A `datetime-local` value, read in the browser's zone, as ISO UTC; null when empty or invalid. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  // Without an offset, a date-time string is local time by the ECMAScript spec.
  const t = new Date(value).getTime();
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
