import { useEffect, useRef, useState } from 'preact/hooks';
import { fromLocalInput, toLocalInput } from '../format/time';

export interface RescheduleFormProps {
  now: number;
  busy: boolean;
  /** Takes the new due time as ISO UTC. */
  onConfirm(dueAt: string): void;
  onCancel(): void;
}

const HOUR = 3_600_000;

/** Picks a new due time on the agent's own clock; the server gets it in UTC. */
export function RescheduleForm({ now, busy, onConfirm, onCancel }: RescheduleFormProps) {
  // An hour ahead on the quarter hour: a common choice one adjustment away.
  const [value, setValue] = useState(() => toLocalInput(Math.ceil((now + HOUR) / (15 * 60_000)) * 15 * 60_000));
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <form
      class="cb-reschedule"
      aria-label="Reschedule"
      onSubmit={(e) => {
        e.preventDefault();
        const iso = fromLocalInput(value);
        if (!iso) return setProblem('Enter a date and time.');
        setProblem(null);
        onConfirm(iso);
      }}
    >
      <label class="field">
        <span>New time (your time)</span>
        <input
          ref={input}
          type="datetime-local"
          value={value}
          min={toLocalInput(now)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'cb-reschedule-problem' : undefined}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
      </label>
      {problem && (
        <p id="cb-reschedule-problem" class="field-error">
          {problem}
        </p>
      )}
      <div class="cb-buttons">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          Confirm reschedule
        </button>
        <button type="button" class="btn btn-quiet" onClick={onCancel}>
          Keep current time
        </button>
      </div>
    </form>
  );
}
