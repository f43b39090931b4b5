import { safeHref } from './url';

/** A URL as a new-tab link when it is http(s), as plain text otherwise. */
export function ExternalLink({ url, label }: { url: string; label?: string }) {
  const href = safeHref(url);
  if (!href) return <span class="url">{label ?? url}</span>;
  return (
    <a class="url" href={href} target="_blank" rel="noopener noreferrer">
      {label ?? url}
    </a>
  );
}
