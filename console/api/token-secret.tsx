import { useState } from 'preact/hooks';

export interface TokenSecretProps {
  name: string;
  secret: string;
}

/** A token just made: its secret, shown this once, to copy. */
export function TokenSecret({ name, secret }: TokenSecretProps) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <div class="team-link" role="group" aria-label={`New API token ${name}`}>
      <p role="status">Copy the token {name} now: it is shown only this once. Earshot keeps only a hash of it.</p>
      <div class="team-link-row">
        <label class="field">
          <span>API token</span>
          <input type="text" readOnly value={secret} onFocus={(e) => e.currentTarget.select()} />
        </label>
        <button type="button" class="btn" onClick={() => void copy()}>Copy token</button>
      </div>
      {copied && <p role="status" class="muted">{copied === 'yes' ? 'Copied.' : 'Could not copy: select the token and copy it by hand.'}</p>}
    </div>
  );
}
