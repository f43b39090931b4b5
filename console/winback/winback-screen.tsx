import { useEffect, useState } from 'preact/hooks';
import { FormMessages } from '../format/form-messages';
import { fullDateTime } from '../format/time';
import type { AuditLine, WinBackApi, WinBackItem } from '../net/winback-api';
import { whoOf } from './reasons';
import { WinBackCard } from './winback-card';

export interface WinBackScreenProps {
  api: WinBackApi;
  isAdmin: boolean;
  /** Told after every change, so the nav's count follows. */
  onChanged(): void;
}

type Data = { items: WinBackItem[]; agents: { id: string; name: string }[] };

/** Win back: contacts whose latest experience was bad, newest first; assign, follow up, settle. */
export function WinBackScreen({ api, isAdmin, onChanged }: WinBackScreenProps) {
  const [data, setData] = useState<Data | null>(null);
  const [wait, setWait] = useState('5');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [audit, setAudit] = useState<AuditLine[] | null>(null);

  const load = async (minutes = wait) => {
    const r = await api.list(Number(minutes) || 0);
    if (r.ok) setData(r.data);
    else setError(r.message);
  };
  // Loaded once at first draw; later loads follow the actions and the wait field.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void load(), []);

  const act = async (run: () => Promise<{ ok: boolean; message?: string }>, done: string) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    const r = await run();
    setBusy(false);
    if (!r.ok) return setError(r.message ?? 'That did not work.');
    setNotice(done);
    onChanged();
    await load();
  };

  return (
    <main class="settings winback-screen" aria-labelledby="winback-title">
      <h2 id="winback-title">Win back</h2>
      <p class="muted">People whose latest experience was bad: a low rating, a complaint, a missed call back, a chat that waited.</p>
      <form
        class="winback-filter"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <label class="field">
          <span>A chat waited too long after (minutes)</span>
          <input type="number" min={0} max={1440} value={wait} onInput={(e) => setWait(e.currentTarget.value)} />
        </label>
        <button type="submit" class="btn btn-small">
          Apply
        </button>
      </form>
      <FormMessages error={error} notice={notice} />
      {data === null ? (
        <p role="status">Loading…</p>
      ) : data.items.length === 0 ? (
        <p>Nobody to win back right now.</p>
      ) : (
        <ul class="winback-list" aria-label="Contacts to win back">
          {data.items.map((item) => {
            const who = whoOf(item);
            return (
              <WinBackCard
                key={item.contactId}
                item={item}
                agents={data.agents}
                isAdmin={isAdmin}
                busy={busy}
                onAssign={(id) =>
                  void act(() => api.change(item.contactId, { assignTo: id }), id ? `${who} is assigned.` : `${who} is unassigned.`)
                }
                onCallBack={() => void act(() => api.callBack(item.contactId), `A call back task for ${who} is in the queue.`)}
                onEmail={(subject, text) => void act(() => api.email(item.contactId, subject, text), `The email to ${who} is on its way.`)}
                onSettle={(s) =>
                  void act(() => api.change(item.contactId, { status: s }), `${who} is marked ${s === 'won' ? 'won back' : 'lost'}.`)
                }
                onErase={() => void act(() => api.erase(item.contactId), `${who}'s data is erased.`)}
              />
            );
          })}
        </ul>
      )}
      {isAdmin && (
        <details class="team-section" onToggle={(e) => void (e.currentTarget.open && api.audit().then((r) => r.ok && setAudit(r.data)))}>
          <summary>
            <h3 class="inline-heading">Audit log: exports and erasures</h3>
          </summary>
          {audit && audit.length === 0 && <p>No export or erasure yet.</p>}
          {audit && audit.length > 0 && (
            <ul class="audit-log" aria-label="Audit log">
              {audit.map((a) => (
                <li key={a.id}>
                  <time dateTime={a.at}>{fullDateTime(a.at)}</time>: {a.actor.name}
                  {a.actor.kind === 'token' ? ' (API token)' : ''} {a.action === 'contact.erase' ? 'erased' : 'exported'} contact{' '}
                  <code>{a.contactId}</code>
                </li>
              ))}
            </ul>
          )}
        </details>
      )}
    </main>
  );
}
