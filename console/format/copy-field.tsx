import { useState } from 'preact/hooks';

export interface CopyFieldProps {
  /** The field's label, e.g. "API token". */
  label: string;
  value: string;
  /** The button's text, e.g. "Copy link". */
  button: string;
  /** What to say when the clipboard refuses, e.g. "select the link and copy it by hand". */
  byHand: string;
}

/** A read-only value to copy (a one-time link, a token's secret), with a Copy button that says whether it worked. */
export function CopyField({ label, value, button, byHand }: CopyFieldProps) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <>
      <div class="team-link-row">
        <label class="field">
          <span>{label}</span>
          <input type="text" readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        </label>
        <button type="button" class="btn" onClick={() => void copy()}>
          {button}
        </button>
      </div>
      {copied && (
        <p role="status" class="muted">
          {copied === 'yes' ? 'Copied.' : `Could not copy: ${byHand}.`}
        </p>
      )}
    </>
  );
}
