import { useState } from 'preact/hooks';
import type { SiteSettings } from '../../protocol/types';
import type { NewSite } from '../net/site-settings';
import type { Result } from '../net/agent-socket';
import { CheckedField } from '../settings/field-error';
import { Alert } from '../format/form-messages';
import { BusyForm } from '../format/busy-form';

export interface SiteCreateFormProps {
  onCreate(site: NewSite): Promise<Result<SiteSettings>>;
  onCreated(site: SiteSettings): void;
  onCancel(): void;
}

/** "mine-shop" from "Mine Shop!": a suggestion for the id while the admin types the name. */
export function idFromName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

/** A new site: its name and the id its snippet carries; everything else takes defaults and is edited after. */
export function SiteCreateForm({ onCreate, onCreated, onCancel }: SiteCreateFormProps) {
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [idTouched, setIdTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ id?: string; name?: string; form?: string }>({});
  const submit = async () => {
    setBusy(true);
    const r = await onCreate({ id: id.trim(), ...(name.trim() ? { name: name.trim() } : {}) });
    setBusy(false);
    if (r.ok) return onCreated(r.data);
    const rest = r.field && r.message.startsWith(`${r.field} `) ? r.message.slice(r.field.length + 1) : r.message;
    const text = rest.charAt(0).toUpperCase() + rest.slice(1);
    setErrors(r.field === 'id' ? { id: text } : r.field === 'name' ? { name: text } : { form: r.message });
  };
  return (
    <BusyForm class="set-section site-create" aria-label="New site" busy={busy} onSubmit={() => void submit()}>
      <h3>New site</h3>
      <CheckedField id="site-new-name" label="Name" error={errors.name}>
        {(control) => (
          <input
            value={name}
            onInput={(e) => {
              setName(e.currentTarget.value);
              if (!idTouched) setId(idFromName(e.currentTarget.value));
            }}
            {...control}
          />
        )}
      </CheckedField>
      <CheckedField
        id="site-new-id"
        label="Site id"
        error={errors.id}
        hint={
          <p class="muted set-hint" id="site-new-id-hint">
            Lower-case letters, digits and dashes; it goes into the snippet and cannot be changed later.
          </p>
        }
      >
        {(control) => (
          <input
            value={id}
            required
            autoComplete="off"
            spellcheck={false}
            aria-describedby="site-new-id-hint"
            onInput={(e) => {
              setIdTouched(true);
              setId(e.currentTarget.value);
            }}
            {...control}
          />
        )}
      </CheckedField>
      <Alert class="conv-error" text={errors.form} />
      <p class="set-snippet-actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          Create site
        </button>
        <button type="button" class="btn btn-quiet" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </BusyForm>
  );
}
