import { useState } from 'preact/hooks';
import { FormMessages } from '../format/form-messages';
import { exportHref, type WinBackApi } from '../net/winback-api';

export interface PrivacyActionsProps {
  contactId: string;
  /** How the person is named on the buttons. */
  who: string;
  busy: boolean;
  onErase(): void;
}

/** Admins' export (download or read) and erase, the erase behind a confirmation. */
export function PrivacyActions({ contactId, who, busy, onErase }: PrivacyActionsProps) {
  const [erasing, setErasing] = useState(false);
  return (
    <div class="winback-actions privacy-actions">
      <a class="btn btn-small btn-quiet" href={exportHref(contactId)} download>
        Export {who}'s data
      </a>
      <a class="btn btn-small btn-quiet" href={exportHref(contactId, true)} target="_blank" rel="noopener">
        Read {who}'s data
      </a>
      <button type="button" class="btn btn-small btn-danger" disabled={busy} aria-expanded={erasing} onClick={() => setErasing(true)}>
        Erase…
      </button>
      {erasing && (
        <div role="group" aria-label={`Erase ${who}`}>
          <p>Erase everything {who} wrote and gave (messages, emails, phones, names)? Counts for reports stay. This cannot be undone.</p>
          <button type="button" class="btn btn-small btn-danger" disabled={busy} onClick={onErase}>
            Erase {who}
          </button>
          <button type="button" class="btn btn-small btn-quiet" onClick={() => setErasing(false)}>
            Keep
          </button>
        </div>
      )}
    </div>
  );
}

/** The contact view's privacy section for admins: export, read, erase; after an erase, back to the list. */
export function ContactPrivacy({ api, contactId, who, onErased }: { api: WinBackApi; contactId: string; who: string; onErased(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const erase = async () => {
    setBusy(true);
    const r = await api.erase(contactId);
    setBusy(false);
    if (!r.ok) return setError(r.message);
    onErased();
  };
  return (
    <section aria-labelledby="contact-privacy">
      <h3 id="contact-privacy">Privacy</h3>
      <FormMessages error={error} notice={null} />
      <PrivacyActions contactId={contactId} who={who} busy={busy} onErase={() => void erase()} />
    </section>
  );
}
