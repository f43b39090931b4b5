import { useEffect, useState } from 'preact/hooks';
import type { HeldMail, HeldMailReason } from '../../protocol/types';
import { FormMessages } from '../format/form-messages';
import { LoadedList } from '../format/loaded-list';
import type { ComponentChildren } from 'preact';
import type { HeldMailCommands } from '../net/held-mail';
import { formatUntil } from '../team/when';

export interface HeldMailProps {
  api: HeldMailCommands;
}

const REASONS: Record<HeldMailReason, string> = {
  no_token: 'no valid reply address',
  wrong_sender: 'sent from another address than the visitor’s',
  auth_failed: 'failed the provider’s SPF or DKIM check',
  empty: 'no new text',
};

/** A held email's action; its label names the email, as several stand in the list. */
function ItemButton(p: { busy: boolean; label: string; onClick(): void; children: ComponentChildren }) {
  return <button type="button" class="btn btn-small" disabled={p.busy} aria-label={p.label} onClick={p.onClick} children={p.children} />;
}

/**
 * Settings → Held mail, for admins: emailed replies Earshot did not post on its own (no valid reply
 * address, another sender, failed SPF/DKIM). Each is shown as text; an admin posts it to its
 * conversation or discards it.
 */
export function HeldMailSection({ api }: HeldMailProps) {
  const [items, setItems] = useState<HeldMail[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Opens by itself when mail is waiting; then it is the admin's to close.
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const load = async () => {
      const r = await api.list();
      if (!r.ok) return setError(r.message);
      setItems(r.data);
      if (r.data.length) setOpen(true);
    };
    void load();
    return api.onChanged(() => void load());
  }, [api]);

  const act = async (h: HeldMail, what: 'post' | 'discard') => {
    setBusy(true);
    setError(null);
    setNotice(null);
    const r = what === 'post' ? await api.post(h.id) : await api.discard(h.id);
    setBusy(false);
    if (!r.ok) return setError(r.message);
    setItems((list) => list && list.filter((x) => x.id !== h.id));
    setNotice(what === 'post' ? `The email from ${h.from} is posted to its conversation.` : `The email from ${h.from} is discarded.`);
  };

  const count = items?.length ?? 0;
  return (
    <details class="team-section" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <h3 class="inline-heading">Held mail{count > 0 ? ` (${count})` : ''}</h3>
      </summary>
      <p class="muted">Emailed replies that were not posted on their own. Check the sender before you post one.</p>
      <FormMessages error={error} notice={notice} />
      <LoadedList items={items} loading="Loading held mail…" empty="No held mail." label="Held mail" class="held-mail">
        {(h) => (
          <li key={h.id} class="held-mail-item">
            <p>
              <strong>{h.from || 'unknown sender'}</strong> <span class="muted">{formatUntil(h.receivedAt)}</span>
            </p>
            <p class="muted">
              {h.subject || '(no subject)'}: held because of {REASONS[h.reason]}
            </p>
            <p class="held-mail-text">{h.text || '(no text)'}</p>
            <div class="held-mail-actions">
              {h.target && h.text && (
                <ItemButton busy={busy} label={`Post to conversation: the email from ${h.from}`} onClick={() => void act(h, 'post')}>
                  Post to conversation
                </ItemButton>
              )}
              <ItemButton busy={busy} label={`Discard the email from ${h.from}`} onClick={() => void act(h, 'discard')}>
                Discard
              </ItemButton>
            </div>
          </li>
        )}
      </LoadedList>
    </details>
  );
}
