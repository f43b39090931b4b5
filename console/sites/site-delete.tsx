import { useEffect, useRef, useState } from 'preact/hooks';
import type { SiteContents, SiteSettings } from '../../protocol/types';
import type { Result } from '../net/agent-socket';
import { Alert } from '../format/form-messages';

export interface SiteDeleteProps {
  site: SiteSettings;
  /** The last site cannot be deleted: the server refuses, and the button says why beforehand. */
  onlySite: boolean;
  onContents(siteId: string): Promise<Result<SiteContents>>;
  onDelete(siteId: string): Promise<Result<SiteContents>>;
  onDeleted(): void;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "3 conversations, 1 call back request, 0 pieces of feedback and 5 visitors". */
export function contentsText(c: SiteContents): string {
  return (
    `${count(c.conversations, 'conversation', 'conversations')}, ` +
    `${count(c.callbacks, 'call back request', 'call back requests')}, ` +
    `${count(c.feedback, 'piece of feedback', 'pieces of feedback')} and ${count(c.visitors, 'visitor', 'visitors')}`
  );
}

/** Deleting a site, asked twice: first what goes with it, then the deletion itself. */
export function SiteDelete({ site, onlySite, onContents, onDelete, onDeleted }: SiteDeleteProps) {
  const [asking, setAsking] = useState<SiteContents | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const askButton = useRef<HTMLButtonElement>(null);
  // The question replaces the button that had focus, and the button replaces the question: focus
  // follows, or it would drop to the page.
  const opened = useRef(false);
  useEffect(() => {
    if (asking) confirmButton.current?.focus();
    else if (opened.current) askButton.current?.focus();
    opened.current = asking !== null;
  }, [asking]);
  const ask = async () => {
    setBusy(true);
    setError(null);
    const r = await onContents(site.id);
    setBusy(false);
    if (r.ok) setAsking(r.data);
    else setError(r.message);
  };
  const confirm = async () => {
    setBusy(true);
    const r = await onDelete(site.id);
    setBusy(false);
    if (r.ok) return onDeleted();
    setAsking(null);
    setError(r.message);
  };
  return (
    <section class="set-section site-delete" aria-labelledby="site-delete-title">
      <h3 id="site-delete-title">Delete site</h3>
      {onlySite ? (
        <p class="muted">This is the only site; create another before deleting this one.</p>
      ) : asking ? (
        <div role="alertdialog" aria-labelledby="site-delete-q" aria-describedby="site-delete-what" class="site-delete-confirm">
          <p id="site-delete-q">
            <strong>Delete {site.name} for good?</strong>
          </p>
          <p id="site-delete-what">
            This deletes {contentsText(asking)} with it, and its widgets stop working at once. It cannot be undone.
          </p>
          <p class="set-snippet-actions">
            <button type="button" class="btn btn-danger" disabled={busy} onClick={() => void confirm()} ref={confirmButton}>
              Delete {site.name} and all of it
            </button>
            <button type="button" class="btn btn-quiet" disabled={busy} onClick={() => setAsking(null)}>
              Keep the site
            </button>
          </p>
        </div>
      ) : (
        <p>
          <button type="button" class="btn" disabled={busy} onClick={() => void ask()} ref={askButton}>
            Delete {site.name}…
          </button>
        </p>
      )}
      <Alert class="conv-error" text={error} />
    </section>
  );
}
