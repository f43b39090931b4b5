import { useRef, useState } from 'preact/hooks';

export interface InstallSnippetProps {
  siteId: string;
  /** The server's public URL (PUBLIC_URL), else the console's own origin. */
  base: string;
}

/** The one line a site owner pastes into their pages. */
export function snippetFor(base: string, siteId: string): string {
  return `<script src="${base.replace(/\/+$/, '')}/earshot.js" data-site="${siteId}" async></script>`;
}

/** The site's install snippet, ready to copy; where the clipboard is refused, the text is selected for Ctrl+C. */
export function InstallSnippet({ siteId, base }: InstallSnippetProps) {
  const code = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState<string | null>(null);
  const snippet = snippetFor(base, siteId);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setStatus('Copied');
    } catch {
      // No clipboard (plain http on another host, or permission refused): select it for the agent.
      code.current?.focus();
      code.current?.select();
      setStatus('Selected: press Ctrl+C (⌘C on a Mac) to copy');
    }
  };
  return (
    <section class="set-section set-snippet" aria-labelledby="snippet-title">
      <h3 id="snippet-title">Install</h3>
      <p class="muted">
        Paste this into every page of the site, just before <code>&lt;/body&gt;</code>, and add the site's origin under Allowed origins.
      </p>
      <label class="field">
        <span>Install snippet</span>
        <textarea ref={code} class="snippet" rows={2} readOnly value={snippet} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <p class="set-snippet-actions">
        <button type="button" class="btn" onClick={() => void copy()}>
          Copy snippet
        </button>
        <span role="status" class="muted">
          {status}
        </span>
      </p>
    </section>
  );
}
