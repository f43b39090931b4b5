import type { CallbackSlots, SiteStatus } from '../../protocol/types';
import type { Translate } from '../i18n/t';
import type { CallbackDraft, CallbackState, Problem } from './callback-state';
import { FieldError, invalidProps } from './field-error';
import type { Say } from './say';
import { groupSlots, nextDayKey, type WhenFormat } from './when-format';

export interface WhenFieldsProps {
  t: Translate;
  say: Say;
  fmt: WhenFormat;
  /** The visitor's time zone, named next to the times. */
  zone: string;
  now: number;
  draft: CallbackDraft;
  slots: CallbackSlots | null;
  /** Who is there, as the chat shows it: "shortly" only when the chat would say someone is there. */
  status?: SiteStatus | null;
  slotsStatus: CallbackState['slotsStatus'];
  problem: Problem | undefined;
  onChange(change: Partial<CallbackDraft>): void;
  onRetrySlots(): void;
}

const ASAP_NOTE = 'earshot-cb-asap-note';

/** What "as soon as possible" means right now: shortly, once someone is back, or at the next opening. */
function asapNote({ say, fmt, slots, status, now }: Pick<WhenFieldsProps, 'say' | 'fmt' | 'slots' | 'status' | 'now'>): string | null {
  if (!slots) return null;
  if (status ? status.openNow : slots.openNow) return status && !status.available ? say('asap_nobody') : say('asap_open');
  return slots.nextOpening ? say('asap_closed', { time: fmt.soon(Date.parse(slots.nextOpening), now) }) : say('asap_closed_unknown');
}

/** "As soon as possible" or "Choose a time"; the latter opens a day picker and that day's windows. */
export function WhenFields(p: WhenFieldsProps) {
  const { say, draft } = p;
  const note = asapNote(p);
  const choosing = draft.mode === 'time';
  return (
    <fieldset class="cb-when" {...(choosing ? {} : invalidProps('when', p.problem))}>
      <legend>{say('when')}</legend>
      <label class="cb-choice">
        <input
          type="radio"
          name="earshot-cb-when"
          value="asap"
          checked={!choosing}
          aria-describedby={note ? ASAP_NOTE : undefined}
          onChange={() => p.onChange({ mode: 'asap' })}
        />
        {say('asap')}
      </label>
      {note && (
        <p class="cb-note cb-indent" id={ASAP_NOTE}>
          {note}
        </p>
      )}
      <label class="cb-choice">
        <input type="radio" name="earshot-cb-when" value="time" checked={choosing} onChange={() => p.onChange({ mode: 'time' })} />
        {say('choose')}
      </label>
      {choosing ? <SlotPicker {...p} /> : <FieldError say={say} field="when" problem={p.problem} />}
    </fieldset>
  );
}

/** The day (a select) and its 30-minute windows (radios), all in the visitor's time zone. */
function SlotPicker({ t, say, fmt, zone, now, draft, slots, slotsStatus, problem, onChange, onRetrySlots }: WhenFieldsProps) {
  if (slotsStatus === 'failed') {
    return (
      <p class="cb-note cb-indent" role="alert">
        {say('slots_failed')}{' '}
        <button type="button" class="cb-link" onClick={onRetrySlots}>
          {t('retry')}
        </button>
      </p>
    );
  }
  if (!slots)
    return (
      <p class="cb-note cb-indent" role="status">
        {say('slots_loading')}
      </p>
    );
  const days = groupSlots(slots.slots, fmt);
  if (days.length === 0) {
    return (
      <>
        <p class="cb-note cb-indent">{say('slots_none')}</p>
        <FieldError say={say} field="when" problem={problem} />
      </>
    );
  }
  const startDay = draft.start ? fmt.dayKey(Date.parse(draft.start)) : null;
  const shown = days.find((d) => d.key === draft.day) ?? days.find((d) => d.key === startDay) ?? days[0]!;
  const today = fmt.dayKey(now);
  const dayLabel = (key: string, at: number) => {
    const date = fmt.day(at);
    return key === today ? say('today', { date }) : key === nextDayKey(today) ? say('tomorrow', { date }) : date;
  };
  return (
    <div class="cb-picker">
      <div class="cb-field">
        <label for="earshot-cb-day">{say('day')}</label>
        <select id="earshot-cb-day" value={shown.key} onChange={(e) => onChange({ day: e.currentTarget.value, start: null })}>
          {days.map((d) => (
            <option key={d.key} value={d.key}>
              {dayLabel(d.key, d.at)}
            </option>
          ))}
        </select>
      </div>
      <fieldset class="cb-times" role="radiogroup" aria-labelledby="earshot-cb-time-legend" {...invalidProps('when', problem)}>
        <legend id="earshot-cb-time-legend">{say('time')}</legend>
        <div class="cb-slots">
          {shown.slots.map((slot) => (
            <label class="cb-slot" key={slot.start}>
              <input
                type="radio"
                name="earshot-cb-slot"
                value={slot.start}
                checked={draft.start === slot.start}
                onChange={() => onChange({ day: shown.key, start: slot.start })}
              />
              <span>{fmt.window(Date.parse(slot.start), Date.parse(slot.end))}</span>
            </label>
          ))}
        </div>
        <p class="cb-note">{say('zone_note', { zone: zone.replace(/_/g, ' ') })}</p>
        <FieldError say={say} field="when" problem={problem} />
      </fieldset>
    </div>
  );
}
