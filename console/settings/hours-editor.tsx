import { WEEKDAYS, type BusinessHours, type TimeRange, type Weekday } from '../../protocol/types';
import { errorProps, FieldError } from './field-error';

const DAY_NAME: Record<Weekday, string> = {
  mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday',
};

/** Every IANA zone the browser knows, for suggestions; empty where `Intl.supportedValuesOf` is missing. */
function knownZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}

export interface HoursEditorProps {
  timezone: string;
  weekly: BusinessHours['weekly'];
  /** Errors keyed by form slot (`hours.timezone`, `hours.weekly.mon`). */
  errors: Record<string, string>;
  onTimezone(timezone: string): void;
  onWeekly(weekly: BusinessHours['weekly']): void;
}

/** Opening hours: the site's zone, and for each weekday zero or more from–to ranges. */
export function HoursEditor({ timezone, weekly, errors, onTimezone, onWeekly }: HoursEditorProps) {
  const setDay = (day: Weekday, ranges: TimeRange[]) => onWeekly({ ...weekly, [day]: ranges });
  const zoneError = errors['hours.timezone'];
  return (
    <fieldset class="set-section">
      <legend>Business hours</legend>
      <p class="muted">Chat counts as available and calls can be booked only within these hours.</p>
      <label class="field">
        <span>Time zone</span>
        <input id="set-timezone" type="text" list="set-zones" value={timezone} onInput={(e) => onTimezone(e.currentTarget.value)} {...errorProps('set-timezone', zoneError)} />
      </label>
      <FieldError id="set-timezone" error={zoneError} />
      <datalist id="set-zones">
        {knownZones().map((z) => <option key={z} value={z} />)}
      </datalist>
      <div class="set-days">
        {WEEKDAYS.map((day) => {
          const ranges = weekly[day] ?? [];
          const name = DAY_NAME[day];
          const slot = `hours.weekly.${day}`;
          const id = `set-day-${day}`;
          return (
            <div key={day} class="set-day" role="group" aria-label={name} aria-describedby={errors[slot] ? `${id}-error` : undefined}>
              <span class="set-day-name" aria-hidden="true">{name}</span>
              <span class="set-ranges">
                {ranges.length === 0 && <span class="muted">Closed</span>}
                {ranges.map((r, i) => {
                  const set = (patch: Partial<TimeRange>) => setDay(day, ranges.map((x, j) => (j === i ? { ...x, ...patch } : x)));
                  const which = ranges.length > 1 ? ` (hours ${i + 1})` : '';
                  return (
                    <span key={i} class="set-range">
                      <input type="time" value={r.from} aria-label={`${name} from${which}`} onInput={(e) => set({ from: e.currentTarget.value })} />
                      <span aria-hidden="true">–</span>
                      <input type="time" value={r.to} aria-label={`${name} to${which}`} onInput={(e) => set({ to: e.currentTarget.value })} />
                      <button type="button" class="btn btn-small btn-quiet" onClick={() => setDay(day, ranges.filter((_, j) => j !== i))}>
                        Remove<span class="sr-only"> {name} hours {i + 1}</span>
                      </button>
                    </span>
                  );
                })}
                <button type="button" class="btn btn-small" onClick={() => setDay(day, [...ranges, ranges.length ? { from: '13:00', to: '17:00' } : { from: '09:00', to: '17:00' }])}>
                  Add hours<span class="sr-only"> on {name}</span>
                </button>
              </span>
              <FieldError id={id} error={errors[slot]} />
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
