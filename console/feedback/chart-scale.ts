/** Height of a bar for `value` on a scale from 0 to `max` drawn `height` units tall; 0 when there is no scale. */
export function barHeight(value: number, max: number, height: number): number {
  if (max <= 0 || value <= 0) return 0;
  // Two decimals keep the SVG small and the proportions exact enough to read and to test.
  return Math.round((Math.min(value, max) / max) * height * 100) / 100;
}

/** "3.25" → "3.3", "4" → "4": one decimal at most, as people say averages. */
export function oneDecimal(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** A UTC day `YYYY-MM-DD` as "3 Mar" in the agent's language. */
export function shortDay(date: string, locale?: string): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(t) ? date : new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(t);
}
