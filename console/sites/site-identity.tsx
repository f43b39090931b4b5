import { useEffect, useState } from 'preact/hooks';
import type { SiteIdentity as Identity } from '../../protocol/types';
import type { Result } from '../net/agent-socket';

export interface SiteIdentityProps {
  siteId: string;
  /** Stable for a mount: a new function reads the identity again. */
  onLoad(siteId: string): Promise<Result<Identity>>;
  onRotate(siteId: string): Promise<Result<Identity>>;
  onRequire(siteId: string, on: boolean): Promise<Result<Identity>>;
}

/**
 * Identity verification for admins: the secret the site's backend signs user ids with (hidden until
 * asked for, as it is on screen), its rotation (asked twice: old hashes stop at once) and the switch
 * that refuses unverified identities.
 */
export function SiteIdentity({ siteId, onLoad, onRotate, onRequire }: SiteIdentityProps) {
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [shown, setShown] = useState(false);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void onLoad(siteId).then((r) => live && (r.ok ? setIdentity(r.data) : setStatus(r.message)));
    return () => void (live = false);
  }, [siteId, onLoad]);

  const run = async (call: Promise<Result<Identity>>, done: string) => {
    setBusy(true);
    const r = await call;
    setBusy(false);
    setAsking(false);
    if (r.ok) setIdentity(r.data);
    setStatus(r.ok ? done : r.message);
  };

  return (
    <section class="set-section site-identity" aria-labelledby="site-identity-title">
      <h3 id="site-identity-title">Identity verification</h3>
      <p class="muted">
        Your server signs a signed-in user's id with this secret (hex HMAC-SHA256) and the page passes it as <code>hash</code> to{' '}
        <code>Earshot('identify', …)</code>. Keep it on your server, never in a page.
      </p>
      {identity ? (
        <>
          <p class="set-snippet-actions">
            <code aria-label="Identity secret">{shown ? identity.secret : '•'.repeat(24)}</code>
            <button type="button" class="btn btn-small" onClick={() => setShown(!shown)}>
              {shown ? 'Hide secret' : 'Show secret'}
            </button>
          </p>
          {asking ? (
            <div role="alertdialog" aria-labelledby="rotate-q" class="site-delete-confirm">
              <p id="rotate-q">
                Rotate the secret? Hashes made with the current one stop verifying at once, until your server uses the new one.
              </p>
              <button type="button" class="btn btn-danger" disabled={busy} onClick={() => void run(onRotate(siteId), 'Secret rotated.')}>
                Rotate now
              </button>
              <button type="button" class="btn" onClick={() => setAsking(false)}>
                Cancel
              </button>
            </div>
          ) : (
            <p>
              <button type="button" class="btn" onClick={() => setAsking(true)}>
                Rotate secret
              </button>
            </p>
          )}
          <label class="fb-toggle">
            <input
              type="checkbox"
              checked={identity.requireVerification}
              disabled={busy}
              onChange={(e) => void run(onRequire(siteId, e.currentTarget.checked), 'Saved.')}
            />
            <span>Require verification: refuse identify without a valid hash</span>
          </label>
        </>
      ) : (
        !status && <p class="muted">Loading…</p>
      )}
      <p role="status" class="muted">
        {status}
      </p>
    </section>
  );
}
