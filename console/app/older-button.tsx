import { useState } from 'preact/hooks';

export interface OlderButtonProps {
  /** "Show older conversations" */
  label: string;
  /** "Loading older conversations…" */
  busyLabel: string;
  onOlder(): Promise<void>;
}

/** The end of a paged list: loads the next, older page, and is busy while it comes. */
export function OlderButton({ label, busyLabel, onOlder }: OlderButtonProps) {
  const [loading, setLoading] = useState(false);
  const older = async () => {
    if (loading) return;
    setLoading(true);
    try {
      await onOlder();
    } finally {
      setLoading(false);
    }
  };
  return (
    // aria-disabled, not disabled: a disabled button loses the focus, and the keyboard user their place.
    <button type="button" class="btn btn-quiet inbox-older" aria-disabled={loading} onClick={() => void older()}>
      {loading ? busyLabel : label}
    </button>
  );
}
