import { errorProps, FieldError } from './field-error';
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

/** A whole number as typed (kept as text, so a half-typed one is not lost), tied to the one error the section shares. */
function NumberField(p: {
  id: string;
  label: string;
  value: string;
  errorId: string;
  error: string | undefined;
  onInput(value: string): void;
}) {
  return (
    <label class="field set-narrow">
      <span>{p.label}</span>
      <input
        id={p.id}
        type="number"
        inputMode="numeric"
        value={p.value}
        onInput={(e) => p.onInput(e.currentTarget.value)}
        {...errorProps(p.errorId, p.error)}
      />
    </label>
  );
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
