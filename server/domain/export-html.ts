import type { ContactExport } from './privacy';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text as HTML text: whatever the person wrote is shown, never run. */
function esc(s: unknown): string {
  const text = typeof s === 'string' ? s : s == null ? '' : JSON.stringify(s);
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

type Rec = Record<string, unknown>;
const list = (x: unknown) => (Array.isArray(x) ? (x as Rec[]) : []);

/** A table of a record's plain fields (nested lists are drawn by their own section). */
function fields(r: Rec): string {
  const rows = Object.entries(r)
    .filter(([, v]) => !Array.isArray(v))
    .map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`);
  return `<table>${rows.join('')}</table>`;
}

function section(title: string, items: Rec[], inner?: (r: Rec) => string): string {
  if (!items.length) return `<h2>${esc(title)}</h2><p>None.</p>`;
  return `<h2>${esc(title)} (${items.length})</h2>${items.map((r) => `<section>${fields(r)}${inner ? inner(r) : ''}</section>`).join('')}`;
}

const messages = (c: Rec) =>
  `<ol class="messages">${list(c.messages)
    .map((m) => `<li><b>${esc(m.author_name ?? m.author)}</b> <time>${esc(m.created_at)}</time><p>${esc(m.text)}</p></li>`)
    .join('')}</ol>`;

/** A contact's export as a page a person can read (GDPR art. 15), every value escaped. */
export function exportHtml(x: ContactExport): string {
  const name = esc(x.contact.name ?? x.contact.email ?? x.contact.id);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Data kept about ${name}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;margin:.5rem 0}
th,td{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}section{border-top:1px solid #999;padding:.5rem 0}
.messages p{margin:.1rem 0 .6rem;white-space:pre-wrap}</style></head><body>
<h1>Data kept about ${name}</h1><p>Exported ${esc(x.exported_at)}.</p>
<h2>Contact</h2>${fields(x.contact)}
${section('Browsers', list(x.visitors))}
${section('Conversations', list(x.conversations), messages)}
${section('Call back requests', list(x.callbacks), (c) => section('Attempts', list(c.attempts)))}
${section('Feedback', list(x.feedback), (f) => section('Replies', list(f.replies)))}
</body></html>`;
}
