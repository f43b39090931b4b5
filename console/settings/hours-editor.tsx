import { WEEKDAYS, type BusinessHours, type TimeRange, type Weekday } from '../../protocol/types';
import { errorProps, FieldError } from './field-error';

const DAY_NAME: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

const toClock = (minutes: number) =>
  minutes >= 24 * 60 ? '24:00' : `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The range "Add hours" suggests: 09:00–17:00 on a closed day, else up to two hours after the
 * day's last range (or before its first), so it never overlaps one (the server refuses that).
 */
export function nextFreeRange(ranges: TimeRange[]): TimeRange | null {
  if (ranges.length === 0) return { from: '09:00', to: '17:00' };
  const end = Math.max(...ranges.map((r) => toMinutes(r.to)));
  if (end < 24 * 60) return { from: toClock(end), to: toClock(Math.min(end + 120, 24 * 60)) };
  const start = Math.min(...ranges.map((r) => toMinutes(r.from)));
  return start > 0 ? { from: toClock(Math.max(0, start - 120)), to: toClock(start) } : null;
}

/** Every IANA zone the browser knows, for suggestions; empty where `Intl.supportedValuesOf` is missing. */
function knownZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}

/** A zone's wall-clock time now ("14:05"), or null for a name the browser does not know. */
export function timeIn(zone: string, now = Date.now()): string | null {
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
  } catch {
    return null;
  }
}

export interface HoursEditorProps {
  /** Whether the hours decide when the site is open; off: whenever an agent is there. */
  enabled: boolean;
  timezone: string;
  weekly: BusinessHours['weekly'];
  /** Errors keyed by form slot (`hours.timezone`, `hours.weekly.mon`). */
  errors: Record<string, string>;
  onEnabled(enabled: boolean): void;
  onTimezone(timezone: string): void;
  onWeekly(weekly: BusinessHours['weekly']): void;
}

/** Opening hours: the site's zone, and for each weekday zero or more from–to ranges. */
export function HoursEditor({ enabled, timezone, weekly, errors, onEnabled, onTimezone, onWeekly }: HoursEditorProps) {
  const setDay = (day: Weekday, ranges: TimeRange[]) => onWeekly({ ...weekly, [day]: ranges });
  const zones = knownZones();
  const typed = timezone.trim();
  const clock = typed ? timeIn(typed) : null;
  // Said before saving; the server has the last word (it refuses a zone it does not know).
  const zoneError =
    errors['hours.timezone'] ?? (typed && !clock ? 'Not a time zone: pick one from the list, such as Europe/Prague.' : undefined);
  return (
    <fieldset class="set-section">
      <legend>Business hours</legend>
      <label class="fb-toggle">
        <input type="checkbox" checked={enabled} onChange={(e) => onEnabled(e.currentTarget.checked)} aria-describedby="set-hours-hint" />
        <span>Use opening hours</span>
      </label>
      <p class="muted set-hint" id="set-hours-hint">
        {enabled
          ? 'Chat counts as available and calls can be booked only within these hours (and only while an agent is online).'
          : 'Off: the site is open whenever an agent is online and not away, and calls can be booked at any time.'}
      </p>
      <label class="field">
        <span>Time zone</span>
        <input
          id="set-timezone"
          type="text"
          list="set-zones"
          autoComplete="off"
          spellcheck={false}
          placeholder="Type to search, e.g. Prague"
          value={timezone}
          onInput={(e) => onTimezone(e.currentTarget.value)}
          {...(zoneError ? errorProps('set-timezone', zoneError) : { 'aria-describedby': 'set-timezone-now' })}
        />
      </label>
      {clock && !zoneError && (
        <p class="muted set-hint" id="set-timezone-now">
          {clock} there now
        </p>
      )}
      <FieldError id="set-timezone" error={zoneError} />
      <datalist id="set-zones">
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      {enabled && (
        <div class="set-days">
          {WEEKDAYS.map((day) => {
            const ranges = weekly[day] ?? [];
            const suggested = nextFreeRange(ranges);
            const name = DAY_NAME[day];
            const slot = `hours.weekly.${day}`;
            const id = `set-day-${day}`;
            return (
              <div key={day} class="set-day" role="group" aria-label={name} aria-describedby={errors[slot] ? `${id}-error` : undefined}>
                <span class="set-day-name" aria-hidden="true">
                  {name}
                </span>
                <span class="set-ranges">
                  {ranges.length === 0 && <span class="muted">Closed</span>}
                  {ranges.map((r, i) => {
                    const set = (patch: Partial<TimeRange>) =>
                      setDay(
                        day,
                        ranges.map((x, j) => (j === i ? { ...x, ...patch } : x)),
                      );
                    const which = ranges.length > 1 ? ` (hours ${i + 1})` : '';
                    return (
                      <span key={i} class="set-range">
                        <input
                          type="time"
                          value={r.from}
                          aria-label={`${name} from${which}`}
                          onInput={(e) => set({ from: e.currentTarget.value })}
                        />
                        <span aria-hidden="true">–</span>
                        <input
                          type="time"
                          value={r.to}
                          aria-label={`${name} to${which}`}
                          onInput={(e) => set({ to: e.currentTarget.value })}
                        />
                        <button
                          type="button"
                          class="btn btn-small btn-quiet"
                          onClick={() =>
                            setDay(
                              day,
                              ranges.filter((_, j) => j !== i),
                            )
                          }
                        >
                          Remove
                          <span class="sr-only">
                            {' '}
                            {name} hours {i + 1}
                          </span>
                        </button>
                      </span>
                    );
                  })}
                  {suggested && (
                    <button type="button" class="btn btn-small" onClick={() => setDay(day, [...ranges, suggested])}>
                      Add hours<span class="sr-only"> on {name}</span>
                    </button>
                  )}
                </span>
                <FieldError id={id} error={errors[slot]} />
              </div>
            );
          })}
        </div>
      )}
    </fieldset>
  );
}
