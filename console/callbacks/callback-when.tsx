import type { CallbackItem } from '../../protocol/types';
import { dayTimeInZone } from '../format/time';
import { zoneCity } from './labels';

/** Zones of the two clocks a call is planned on; `agent` undefined is the browser's own. */
export interface Clocks {
  agent?: string;
  locale?: string;
}

function endClock(iso: string | null, timeZone: string | undefined, locale?: string): string {
  if (!iso) return '';
  try {
    const opts: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
    return `–${new Intl.DateTimeFormat(locale, timeZone ? { ...opts, timeZone } : opts).format(Date.parse(iso))}`;
  } catch {
    return '';
  }
}

/**
 * When to call, on the agent's clock and on the visitor's: a call at 14:30 in Prague is
 * 17:30 in Yerevan, and the agent should see both before dialling.
 */
export function CallbackWhen({ item, clocks }: { item: CallbackItem; clocks: Clocks }) {
  const mine = dayTimeInZone(item.dueAt, clocks.agent, clocks.locale);
  const zone = item.visitorTimezone;
  const theirs = zone ? dayTimeInZone(item.dueAt, zone, clocks.locale) : null;
  return (
    <span class="cb-when">
      <span class="cb-clock">
        <span class="cb-clock-label">Your time</span>{' '}
        <time dateTime={item.dueAt}>
          {mine}
          {endClock(item.windowEnd, clocks.agent, clocks.locale)}
        </time>
      </span>
      <span class="cb-clock">
        <span class="cb-clock-label">Visitor's time</span>{' '}
        {theirs ? (
          <>
            <span>
              {theirs}
              {endClock(item.windowEnd, zone!, clocks.locale)}
            </span>{' '}
            <span class="muted" title={zone!}>
              ({zoneCity(zone!)})
            </span>
          </>
        ) : (
          <span class="muted">unknown</span>
        )}
      </span>
    </span>
  );
}
