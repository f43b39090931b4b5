import type { Channels } from '../../protocol/types';
import { AssignmentFields } from './assignment-fields';
import { FaqEditor } from './faq-editor';
import { errorProps, FieldError, NumberField } from './field-error';
import { HoursEditor } from './hours-editor';
import type { SettingsDraft } from './settings-draft';

export interface SettingsFormProps {
  draft: SettingsDraft;
  /** Server errors keyed by form slot. */
  errors: Record<string, string>;
  /** An error no field owns, e.g. "Only admins can change site settings." */
  formError: string | null;
  /** Admins edit; everyone else reads. */
  readOnly: boolean;
  saving: boolean;
  /** Shown after a save went through, or when someone else changed the settings. */
  notice: string | null;
  onChange(draft: SettingsDraft): void;
  onSave(): void;
}

const CHANNELS: { key: keyof Channels; label: string }[] = [
  { key: 'chat', label: 'Chat' },
  { key: 'callback', label: 'Call back' },
  { key: 'feedback', label: 'Feedback' },
];

/** Everything an admin can change about a site, saved in one go. */
export function SettingsForm({ draft, errors, formError, readOnly, saving, notice, onChange, onSave }: SettingsFormProps) {
  const set = (patch: Partial<SettingsDraft>) => onChange({ ...draft, ...patch });
  return (
    <form
      class="set-form"
      aria-label="Site settings"
      aria-busy={saving}
      onSubmit={(e) => {
        e.preventDefault();
        if (!readOnly && !saving) onSave();
      }}
    >
      {/* A disabled fieldset makes every control inside read-only in one place. */}
      <fieldset class="set-all" disabled={readOnly}>
        <fieldset class="set-section">
          <legend>Site</legend>
          <label class="field">
            <span>Name</span>
            <input
              id="set-name"
              value={draft.name}
              onInput={(e) => set({ name: e.currentTarget.value })}
              {...errorProps('set-name', errors.name)}
            />
          </label>
          <p class="muted set-hint">Visitors see it in the widget's header.</p>
          <FieldError id="set-name" error={errors.name} />
          <label class="field set-narrow">
            <span>Colour</span>
            <input
              id="set-color"
              type="color"
              value={draft.color}
              onInput={(e) => set({ color: e.currentTarget.value })}
              {...errorProps('set-color', errors.color)}
            />
          </label>
          <FieldError id="set-color" error={errors.color} />
        </fieldset>
        <fieldset class="set-section" {...(errors.channels ? { 'aria-describedby': 'set-channels-error' } : {})}>
          <legend>Channels</legend>
          <p class="muted">What the widget offers visitors.</p>
          <div class="set-checks">
            {CHANNELS.map((c) => (
              <label key={c.key} class="fb-toggle">
                <input
                  type="checkbox"
                  checked={draft.channels[c.key]}
                  onChange={(e) => set({ channels: { ...draft.channels, [c.key]: e.currentTarget.checked } })}
                />
                <span>{c.label}</span>
              </label>
            ))}
          </div>
          <FieldError id="set-channels" error={errors.channels} />
        </fieldset>
        <fieldset class="set-section">
          <legend>Messages and waiting</legend>
          <label class="field">
            <span>Greeting</span>
            <textarea
              id="set-greeting"
              rows={2}
              value={draft.greeting}
              onInput={(e) => set({ greeting: e.currentTarget.value })}
              {...errorProps('set-greeting', errors.greeting)}
            />
          </label>
          <FieldError id="set-greeting" error={errors.greeting} />
          <label class="field">
            <span>Away message</span>
            <textarea
              id="set-away"
              rows={2}
              aria-describedby="set-away-hint"
              value={draft.awayMessage}
              onInput={(e) => set({ awayMessage: e.currentTarget.value })}
              {...errorProps('set-away', errors.awayMessage)}
            />
          </label>
          <p class="muted set-hint" id="set-away-hint">
            {/* The widget's defaults (x_away_email, x_away in widget/chat/extras/strings.ts), quoted in English. */}
            Leave it empty for the default, in each visitor's language: “We're away right now. Leave us a message and we'll answer by
            email.” where this server sends email (SMTP_URL set), else “We're away right now. Leave us a message: we'll answer here, in this
            chat, when you come back.”
          </p>
          <FieldError id="set-away" error={errors.awayMessage} />
          <NumberField
            id="set-wait"
            label="Waiting time (seconds)"
            value={draft.waitSeconds}
            errorId="set-wait"
            error={errors.waitSeconds}
            onInput={(waitSeconds) => set({ waitSeconds })}
          />
          <p class="muted set-hint">How long a new chat waits for an agent before the widget offers a call back or a message instead.</p>
          <FieldError id="set-wait" error={errors.waitSeconds} />
          <label class="fb-toggle">
            <input type="checkbox" checked={draft.surveyEnabled} onChange={(e) => set({ surveyEnabled: e.currentTarget.checked })} />
            <span>Satisfaction survey after a chat</span>
          </label>
        </fieldset>
        <AssignmentFields draft={draft} error={errors.assignment} onChange={set} />
        <fieldset class="set-section">
          <legend>Allowed origins</legend>
          <label class="field">
            <span>Sites that may embed the widget, one origin a line</span>
            <textarea
              id="set-origins"
              rows={3}
              value={draft.origins}
              placeholder="https://shop.example.com"
              onInput={(e) => set({ origins: e.currentTarget.value })}
              {...errorProps('set-origins', errors.allowedOrigins)}
            />
          </label>
          <FieldError id="set-origins" error={errors.allowedOrigins} />
        </fieldset>
        <HoursEditor
          enabled={draft.hoursEnabled}
          timezone={draft.timezone}
          weekly={draft.weekly}
          errors={errors}
          onEnabled={(hoursEnabled) => set({ hoursEnabled })}
          onTimezone={(timezone) => set({ timezone })}
          onWeekly={(weekly) => set({ weekly })}
        />
        <FaqEditor faqs={draft.faqs} errors={errors} onChange={(faqs) => set({ faqs })} />
      </fieldset>
      <div class="set-footer">
        {formError && (
          <p class="conv-error" role="alert">
            {formError}
          </p>
        )}
        {notice && (
          <p class="muted" role="status">
            {notice}
          </p>
        )}
        {!readOnly && (
          <button type="submit" class="btn btn-primary" disabled={saving}>
            Save settings
          </button>
        )}
      </div>
    </form>
  );
}
