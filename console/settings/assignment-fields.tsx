import { FieldError, NumberField } from './field-error';
import type { SettingsDraft } from './settings-draft';

const NUMBERS = [
  { key: 'assignCapacity', id: 'set-capacity', label: 'Open chats per agent at most' },
  { key: 'assignGraceSeconds', id: 'set-grace', label: 'Grace period before an offline agent’s chats return to Unassigned (seconds)' },
] as const;

export interface AssignmentFieldsProps {
  draft: Pick<SettingsDraft, 'assignAuto' | 'assignCapacity' | 'assignGraceSeconds'>;
  error: string | undefined;
  onChange(patch: Partial<SettingsDraft>): void;
}

/** How the site hands out chats: round robin on or off, each agent's capacity, and the grace before an offline agent's chats return. */
export function AssignmentFields({ draft, error, onChange }: AssignmentFieldsProps) {
  return (
    <fieldset class="set-section">
      <legend>Assignment</legend>
      <label class="fb-toggle">
        <input type="checkbox" checked={draft.assignAuto} onChange={(e) => onChange({ assignAuto: e.currentTarget.checked })} />
        <span>Assign new chats automatically, round robin among online agents who are not away</span>
      </label>
      {NUMBERS.map((f) => (
        <NumberField
          key={f.key}
          id={f.id}
          label={f.label}
          value={draft[f.key]}
          errorId="set-assignment"
          error={error}
          onInput={(value) => onChange({ [f.key]: value })}
        />
      ))}
      <FieldError id="set-assignment" error={error} />
    </fieldset>
  );
}
