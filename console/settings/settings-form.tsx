import type { Channels } from '../../protocol/types';
import { FaqEditor } from './faq-editor';
import { CheckedField, FieldError } from './field-error';
import { HoursEditor } from './hours-editor';
import type { SettingsDraft } from './settings-draft';
import { Alert } from '../format/form-messages';
import { BusyForm } from '../format/busy-form';

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
    <BusyForm class="set-form" aria-label="Site settings" busy={saving} onSubmit={() => !readOnly && onSave()}>
      {/* A disabled fieldset makes every control inside read-only in one place. */}
      <fieldset class="set-all" disabled={readOnly}>
        <fieldset class="set-section">
          <legend>Site</legend>
          <CheckedField
            id="set-name"
            label="Name"
            error={errors.name}
            hint={<p class="muted set-hint">Visitors see it in the widget's header.</p>}
          >
            {(control) => <input value={draft.name} onInput={(e) => set({ name: e.currentTarget.value })} {...control} />}
          </CheckedField>
          <CheckedField id="set-color" label="Colour" error={errors.color} class="set-narrow">
            {(control) => <input type="color" value={draft.color} onInput={(e) => set({ color: e.currentTarget.value })} {...control} />}
          </CheckedField>
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
          <CheckedField id="set-greeting" label="Greeting" error={errors.greeting}>
            {(control) => (
              <textarea rows={2} value={draft.greeting} onInput={(e) => set({ greeting: e.currentTarget.value })} {...control} />
            )}
          </CheckedField>
          <CheckedField
            id="set-away"
            label="Away message"
            error={errors.awayMessage}
            hint={
              <p class="muted set-hint" id="set-away-hint">
                {/* The widget's defaults (x_away_email, x_away in widget/chat/extras/strings.ts), quoted in English. */}
                Leave it empty for the default, in each visitor's language: “We're away right now. Leave us a message and we'll answer by
                email.” where this server sends email (SMTP_URL set), else “We're away right now. Leave us a message: we'll answer here, in
                this chat, when you come back.”
              </p>
            }
          >
            {(control) => (
              <textarea
                rows={2}
                aria-describedby="set-away-hint"
                value={draft.awayMessage}
                onInput={(e) => set({ awayMessage: e.currentTarget.value })}
                {...control}
              />
            )}
          </CheckedField>
          <CheckedField
            id="set-wait"
            label="Waiting time (seconds)"
            error={errors.waitSeconds}
            class="set-narrow"
            hint={
              <p class="muted set-hint">
                How long a new chat waits for an agent before the widget offers a call back or a message instead.
              </p>
            }
          >
            {(control) => (
              <input
                type="number"
                inputMode="numeric"
                value={draft.waitSeconds}
                onInput={(e) => set({ waitSeconds: e.currentTarget.value })}
                {...control}
              />
            )}
          </CheckedField>
          <label class="fb-toggle">
            <input type="checkbox" checked={draft.surveyEnabled} onChange={(e) => set({ surveyEnabled: e.currentTarget.checked })} />
            <span>Satisfaction survey after a chat</span>
          </label>
          <CheckedField
            id="set-keep"
            label="Keep conversations (days)"
            error={errors.keepConversationsDays}
            class="set-narrow"
            hint={<p class="muted set-hint">Conversations untouched this long are deleted, with their messages. 0 keeps them.</p>}
          >
            {(control) => (
              <input
                type="number"
                inputMode="numeric"
                value={draft.keepConversationsDays}
                onInput={(e) => set({ keepConversationsDays: e.currentTarget.value })}
                {...control}
              />
            )}
          </CheckedField>
        </fieldset>
        <fieldset class="set-section">
          <legend>Allowed origins</legend>
          <CheckedField id="set-origins" label="Sites that may embed the widget, one origin a line" error={errors.allowedOrigins}>
            {(control) => (
              <textarea
                rows={3}
                value={draft.origins}
                placeholder="https://shop.example.com"
                onInput={(e) => set({ origins: e.currentTarget.value })}
                {...control}
              />
            )}
          </CheckedField>
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
        <Alert class="conv-error" text={formError} />
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
    </BusyForm>
  );
}
