import { useEffect, useState } from 'preact/hooks';
import type { SiteSettings } from '../../protocol/types';
import { ApiTokens } from '../api/api-tokens';
import { useConsoleState } from '../app/use-store';
import type { AgentClient } from '../net/agent-client';
import { createTokenApi, type TokenApi } from '../net/token-api';
import { createWebhookApi, type WebhookApi } from '../net/webhook-api';
import { WebhookEndpoints } from '../webhooks/webhook-endpoints';
import { HeldMailSection } from '../mail/held-mail';
import { closedSiteNotes } from '../format/site-hours';
import type { ConsoleStore } from '../state/store';
import { InstallSnippet } from '../sites/install-snippet';
import { SiteCreateForm } from '../sites/site-create-form';
import { SiteDelete } from '../sites/site-delete';
import { SiteIdentity } from '../sites/site-identity';
import { errorSlot, fieldMessage, isDirty, patchFor, toDraft, type SettingsDraft } from './settings-draft';
import { CannedReplies } from './canned-replies';
import { SettingsForm } from './settings-form';
import { SiteSelect } from '../app/site-filter';

export interface SettingsScreenProps {
  store: ConsoleStore;
  client: AgentClient;
  /** Settings → API tokens' calls (the console's own REST calls when not given). */
  tokens?: TokenApi;
  /** Settings → Webhooks' calls (the console's own REST calls when not given). */
  webhooks?: WebhookApi;
}

const defaultTokenApi = createTokenApi();
const defaultWebhookApi = createWebhookApi();

/** The form's state: the server copy it started from, and what the admin typed since. */
interface Editing {
  base: SiteSettings;
  draft: SettingsDraft;
  errors: Record<string, string>;
  formError: string | null;
  notice: string | null;
}

const start = (site: SiteSettings, notice: string | null = null): Editing => ({
  base: site,
  draft: toDraft(site),
  errors: {},
  formError: null,
  notice,
});

/** Connector of the settings section: one site's settings, editable by admins, read-only for agents. */
export function SettingsScreen({ store, client, tokens = defaultTokenApi, webhooks = defaultWebhookApi }: SettingsScreenProps) {
  const { sites, agent, siteHours, publicUrl } = useConsoleState(store);
  const [siteId, setSiteId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [saving, setSaving] = useState(false);
  const site = sites?.find((s) => s.id === siteId) ?? sites?.[0] ?? null;
  const readOnly = agent?.role !== 'admin';

  // A change saved elsewhere replaces an untouched form; edits in progress stay, and only
  // the fields they changed are sent, so the other change survives the save.
  useEffect(() => {
    if (!site) return;
    setEditing((e) => {
      if (!e || e.base.id !== site.id) return start(site);
      if (e.base === site) return e;
      if (!isDirty(e.base, e.draft)) return start(site, e.notice);
      return { ...e, notice: 'Someone else saved changes meanwhile; saving now sends only the fields you changed.' };
    });
  }, [site]);

  // Take the admin to the first field the server refused.
  const errors = editing?.errors;
  useEffect(() => {
    if (errors && Object.keys(errors).length > 0) document.querySelector<HTMLElement>('.set-form [aria-invalid="true"]')?.focus();
  }, [errors]);

  if (!sites)
    return (
      <main class="conversation conversation-empty" aria-label="Settings">
        <p role="status">Loading settings…</p>
      </main>
    );
  if (!site || !editing)
    return (
      <main class="conversation conversation-empty" aria-label="Settings">
        <p>No sites yet.</p>
      </main>
    );

  const save = async () => {
    const patch = patchFor(editing.base, editing.draft);
    if (Object.keys(patch).length === 1) return setEditing({ ...editing, errors: {}, formError: null, notice: 'Nothing changed.' });
    setSaving(true);
    const r = await client.sites.update(patch);
    setSaving(false);
    if (r.ok) return setEditing(start(r.data, 'Settings saved.'));
    const slot = errorSlot(r.field);
    setEditing(
      (e) =>
        e &&
        (slot && r.field
          ? {
              ...e,
              notice: null,
              errors: { [slot]: fieldMessage(r.field, r.message, patch) },
              formError: 'Not saved: correct the marked field and save again.',
            }
          : { ...e, notice: null, errors: {}, formError: r.message }),
    );
  };

  const closed = closedSiteNotes(sites, siteHours).find((n) => n.siteId === site.id);
  return (
    <main class="settings" aria-labelledby="set-title">
      <header class="set-head">
        <h2 id="set-title">Settings</h2>
        {sites.length > 1 ? (
          <SiteSelect class="fb-filter" sites={sites} value={site.id} onChange={setSiteId} />
        ) : (
          <span class="conv-site">{site.name}</span>
        )}
        {!readOnly && !creating && (
          <button type="button" class="btn btn-small" onClick={() => setCreating(true)}>
            New site
          </button>
        )}
      </header>
      {readOnly && (
        <p class="set-readonly" role="note">
          Only admins can change site settings; you can read them here.
        </p>
      )}
      {creating && (
        <SiteCreateForm
          onCreate={client.sites.create}
          onCancel={() => setCreating(false)}
          onCreated={(s) => {
            setCreating(false);
            setSiteId(s.id);
          }}
        />
      )}
      <p class="set-open-state" role="status">
        {closed ? closed.text : site.hoursEnabled ? 'Open now by its opening hours.' : 'Open whenever an agent is online and not away.'}
      </p>
      <InstallSnippet siteId={site.id} base={publicUrl ?? location.origin} />
      <SettingsForm
        key={site.id}
        draft={editing.draft}
        errors={editing.errors}
        formError={editing.formError}
        readOnly={readOnly}
        saving={saving}
        notice={editing.notice}
        onChange={(draft) => setEditing({ ...editing, draft })}
        onSave={() => void save()}
      />
      {!readOnly && (
        <SiteIdentity
          key={`identity-${site.id}`}
          siteId={site.id}
          onLoad={client.sites.identity}
          onRotate={client.sites.rotateIdentity}
          onRequire={client.sites.requireVerification}
        />
      )}
      {!readOnly && (
        <SiteDelete
          key={`delete-${site.id}`}
          site={site}
          onlySite={sites.length === 1}
          onContents={client.sites.contents}
          onDelete={client.sites.remove}
          onDeleted={() => setSiteId(null)}
        />
      )}
      {!readOnly && <ApiTokens api={tokens} />}
      {!readOnly && <WebhookEndpoints api={webhooks} />}
      {!readOnly && <HeldMailSection api={client.heldMail} />}
      <CannedReplies api={client.canned} admin={!readOnly} />
    </main>
  );
}
