import { useState } from 'preact/hooks';
import type { ApiToken, TokenApi } from '../net/token-api';
import { formatUntil } from '../team/when';
import { TokenSecret } from './token-secret';
import { TextField } from '../format/text-field';
import { FormMessages } from '../format/form-messages';
import { LoadedList } from '../format/loaded-list';

export interface ApiTokensProps {
  api: TokenApi;
}

type Access = 'read' | 'write';

/**
 * Settings → API tokens, for admins: make a token (its secret shown once), see when each was
 * last used, revoke one. The list loads when the section is opened, not with the settings page.
 */
export function ApiTokens({ api }: ApiTokensProps) {
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [name, setName] = useState('');
  const [access, setAccess] = useState<Access>('read');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [made, setMade] = useState<{ name: string; secret: string } | null>(null);

  const load = async () => {
    const r = await api.list();
    if (r.ok) setTokens(r.data);
    else setError(r.message);
  };
  const create = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    const r = await api.create(name, access === 'write' ? ['read', 'write'] : ['read']);
    setBusy(false);
    if (!r.ok) return setError(r.message);
    setMade({ name: r.data.token.name, secret: r.data.secret });
    setName('');
    await load();
  };
  const revoke = async (t: ApiToken) => {
    setBusy(true);
    setError(null);
    const r = await api.revoke(t.id);
    setBusy(false);
    if (!r.ok) return setError(r.message);
    setMade(null);
    setNotice(`The token ${t.name} is revoked: requests with it are refused from now on.`);
    await load();
  };

  return (
    <details class="team-section" onToggle={(e) => void (e.currentTarget.open && tokens === null && load())}>
      <summary>
        <h3 class="inline-heading">API tokens</h3>
      </summary>
      <p class="muted">
        Tokens let your own systems (a CRM, a helpdesk) use the REST API at <code>/api/v1</code>, sent as
        <code>Authorization: Bearer …</code>. The reference is at <code>/api/v1/openapi.json</code>.
      </p>
      <FormMessages error={error} notice={notice} />
      {made && <TokenSecret name={made.name} secret={made.secret} />}
      <form class="team-invite-row" onSubmit={(e) => void create(e)}>
        <TextField label="Token name" type="text" required maxLength={80} value={name} onValue={setName} />
        <label class="field">
          <span>Access</span>
          <select value={access} onChange={(e) => setAccess(e.currentTarget.value as Access)}>
            <option value="read">Read only</option>
            <option value="write">Read and write</option>
          </select>
        </label>
        <button type="submit" class="btn" disabled={busy}>
          Create token
        </button>
      </form>
      <LoadedList items={tokens} loading="Loading tokens…" empty="No tokens yet." label="API tokens">
        {(t) => (
          <li key={t.id} class="team-invite-item">
            <span class="team-email">{t.name}</span>
            <code>{t.prefix}…</code>
            <span>{t.scopes.includes('write') ? 'Read and write' : 'Read only'}</span>
            <span class="muted">{t.lastUsedAt ? `last used ${formatUntil(t.lastUsedAt)}` : 'never used'}</span>
            {t.revokedAt ? (
              <span class="muted">revoked {formatUntil(t.revokedAt)}</span>
            ) : (
              <button
                type="button"
                class="btn btn-small"
                disabled={busy}
                aria-label={`Revoke the token ${t.name}`}
                onClick={() => void revoke(t)}
              >
                Revoke
              </button>
            )}
          </li>
        )}
      </LoadedList>
    </details>
  );
}
