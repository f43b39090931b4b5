import { errorProps, FieldError } from './field-error';
import type { SettingsDraft } from './settings-draft';

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
      <label class="field set-narrow">
        <span>Open chats per agent at most</span>
        <input
          id="set-capacity"
          type="number"
          inputMode="numeric"
          value={draft.assignCapacity}
          onInput={(e) => onChange({ assignCapacity: e.currentTarget.value })}
          {...errorProps('set-assignment', error)}
        />
      </label>
      <label class="field set-narrow">
        <span>Grace period before an offline agent’s chats return to Unassigned (seconds)</span>
        <input
          id="set-grace"
          type="number"
          inputMode="numeric"
          value={draft.assignGraceSeconds}
          onInput={(e) => onChange({ assignGraceSeconds: e.currentTarget.value })}
          {...errorProps('set-assignment', error)}
        />
      </label>
      <FieldError id="set-assignment" error={error} />
    </fieldset>
  );
}
