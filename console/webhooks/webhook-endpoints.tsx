import { useState } from 'preact/hooks';
import { WEBHOOK_EVENTS } from '../../protocol/webhooks';
import { CopyField } from '../format/copy-field';
import type { WebhookApi, WebhookEndpoint } from '../net/webhook-api';
import { formatUntil } from '../team/when';
import { WebhookDeliveries } from './webhook-deliveries';
import { LoadedList } from '../format/loaded-list';

export interface WebhookEndpointsProps {
  api: WebhookApi;
}

/**
 * Settings → Webhooks, for admins: add an endpoint (its signing secret shown once), rotate the
 * secret, turn it off or on, delete it, send a test event, and see its recent deliveries.
 */
export function WebhookEndpoints({ api }: WebhookEndpointsProps) {
  const [list, setList] = useState<WebhookEndpoint[] | null>(null);
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(['conversation.created', 'message.created']);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  const load = async () => {
    const r = await api.list();
    if (r.ok) setList(r.data);
    else setError(r.message);
  };
  /** Runs one call; on success reloads the list. */
  const run = async <T,>(fn: () => Promise<{ ok: true; data: T } | { ok: false; message: string }>): Promise<T | null> => {
    setBusy(true);
    setError(null);
    const r = await fn();
    setBusy(false);
    if (!r.ok) {
      setError(r.message);
      return null;
    }
    await load();
    return r.data;
  };
  const create = async (e: Event) => {
    e.preventDefault();
    const made = await run(() => api.create(url, events));
    if (made) {
      setSecret({ url: made.endpoint.url, secret: made.secret });
      setUrl('');
    }
  };
  const rotate = async (ep: WebhookEndpoint) => {
    const made = await run(() => api.rotate(ep.id));
    if (made) setSecret({ url: ep.url, secret: made.secret });
  };
  const test = async (ep: WebhookEndpoint) => {
    await run(() => api.sendTest(ep.id));
    setOpen(ep.id);
    setVersion((n) => n + 1);
  };
  const toggle = (name: string, on: boolean) => setEvents((now) => (on ? [...now, name] : now.filter((x) => x !== name)));

  return (
    <details class="team-section" onToggle={(e) => void (e.currentTarget.open && list === null && load())}>
      <summary>
        <h3 class="inline-heading">Webhooks</h3>
      </summary>
      <p class="muted">
        Earshot POSTs events to your endpoints, signed by the Standard Webhooks rules (<code>webhook-id</code>,{' '}
        <code>webhook-timestamp</code>, <code>webhook-signature</code>): verify them with the <code>standardwebhooks</code> library and the
        endpoint&apos;s secret.
      </p>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      {secret && (
        <div class="team-link" role="group" aria-label="Webhook signing secret">
          <p role="status">
            Copy the signing secret for {secret.url} now: it is shown only this once. After a rotation the old secret still signs for 24
            hours.
          </p>
          <CopyField label="Signing secret" value={secret.secret} button="Copy secret" byHand="select the secret and copy it by hand" />
        </div>
      )}
      <form class="webhook-form" onSubmit={(e) => void create(e)}>
        <label class="field">
          <span>Endpoint URL</span>
          <input type="url" required maxLength={2000} placeholder="https://" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
        </label>
        <fieldset class="field">
          <legend>Events</legend>
          {WEBHOOK_EVENTS.map((name) => (
            <label key={name} class="check">
              <input type="checkbox" checked={events.includes(name)} onChange={(e) => toggle(name, e.currentTarget.checked)} />{' '}
              <code>{name}</code>
            </label>
          ))}
        </fieldset>
        <button type="submit" class="btn" disabled={busy || events.length === 0}>
          Add endpoint
        </button>
      </form>
      <LoadedList items={list} loading="Loading endpoints…" empty="No endpoints yet." label="Webhook endpoints">
        {(ep) => (
          <li key={ep.id} class="webhook-endpoint">
            <div class="team-invite-item">
              <span class="team-email">{ep.url}</span>
              <span class="muted">{ep.events.join(', ')}</span>
              {ep.disabledAt && <span class="field-error">disabled {formatUntil(ep.disabledAt)}</span>}
              {ep.oldSecretUntil && Date.parse(ep.oldSecretUntil) > Date.now() && (
                <span class="muted">old secret signs until {formatUntil(ep.oldSecretUntil)}</span>
              )}
              <button type="button" class="btn btn-small" disabled={busy} onClick={() => void test(ep)}>
                Send a test event
              </button>
              <button type="button" class="btn btn-small" disabled={busy} onClick={() => void rotate(ep)}>
                Rotate secret
              </button>
              <button
                type="button"
                class="btn btn-small"
                disabled={busy}
                onClick={() => void run(() => api.setEnabled(ep.id, Boolean(ep.disabledAt)))}
              >
                {ep.disabledAt ? 'Turn on' : 'Turn off'}
              </button>
              <button type="button" class="btn btn-small" onClick={() => setOpen(open === ep.id ? null : ep.id)}>
                {open === ep.id ? 'Hide deliveries' : 'Deliveries'}
              </button>
              <button
                type="button"
                class="btn btn-small"
                disabled={busy}
                aria-label={`Delete the endpoint ${ep.url}`}
                onClick={() => void run(() => api.remove(ep.id))}
              >
                Delete
              </button>
            </div>
            {open === ep.id && <WebhookDeliveries api={api} endpointId={ep.id} version={version} />}
          </li>
        )}
      </LoadedList>
    </details>
  );
}
