import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ContactDetail } from '../../protocol/contacts';
import { Fact } from '../app/detail-parts';
import { fullDateTime } from '../format/time';
import { safeHref } from '../format/url';
import { ContactTimeline } from './contact-timeline';

export interface ContactViewProps {
  contact: ContactDetail;
  busy: boolean;
  /** Why the last action was refused. */
  error: string | null;
  onMerge(fromId: string): void;
  onUndo(): void;
  onSplit(visitorId: string): void;
  onSaveNotes(notes: string): void;
  onNavigate(href: string): void;
  /** The admins' export and erase, when the agent is one. */
  privacy?: ComponentChildren;
}

const MERGE_REASON = {
  identity: 'Last merged by a verified identity',
  email: 'Last merged by a verified email',
  agent: 'Last merged by an agent',
} as const;

const title = (c: Pick<ContactDetail, 'name' | 'email' | 'phone'>) => c.name ?? c.email ?? c.phone ?? 'Anonymous visitor';

/** One contact: who they are, their browsers, one timeline across channels, and what may be merged into them. */
export function ContactView({ contact: c, busy, error, onMerge, onUndo, onSplit, onSaveNotes, onNavigate, privacy }: ContactViewProps) {
  const [notes, setNotes] = useState(c.notes ?? '');
  useEffect(() => setNotes(c.notes ?? ''), [c.id, c.notes]);
  const attributes = Object.entries(c.attributes);
  return (
    <main class="conversation contact-view" aria-labelledby="contact-title">
      <header class="conv-header">
        <h2 id="contact-title">{title(c)}</h2>
        <span class={`badge ${c.verified ? 'badge-open' : 'badge-pending'}`}>{c.verified ? 'verified' : 'not verified'}</span>
        {c.lastMerge && (
          <>
            <button
              type="button"
              class="btn btn-small"
              aria-disabled={busy}
              aria-describedby="contact-last-merge"
              onClick={() => !busy && onUndo()}
            >
              Undo last merge
            </button>
            <span id="contact-last-merge" class="muted">
              {MERGE_REASON[c.lastMerge.reason]}, {fullDateTime(c.lastMerge.createdAt)}
            </span>
          </>
        )}
      </header>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <div class="contact-body">
        <dl class="facts">
          <Fact label="Email">{c.email ? `${c.email}${c.emailVerified ? ' (verified)' : ''}` : '—'}</Fact>
          <Fact label="Phone">{c.phone ?? '—'}</Fact>
          <Fact label="User id">{c.externalId ?? '—'}</Fact>
          <Fact label="First seen">{fullDateTime(c.createdAt)}</Fact>
          <Fact label="Last seen">{fullDateTime(c.lastSeenAt)}</Fact>
        </dl>
        {privacy}
        <section aria-labelledby="contact-attributes">
          <h3 id="contact-attributes">Attributes</h3>
          {attributes.length === 0 ? (
            <p class="muted">None. Sites set them with identify or the API.</p>
          ) : (
            <dl class="facts">
              {attributes.map(([k, v]) => (
                <Fact key={k} label={k}>
                  {String(v)}
                </Fact>
              ))}
            </dl>
          )}
        </section>
        {c.suggestions.length > 0 && (
          <section aria-labelledby="contact-suggestions">
            <h3 id="contact-suggestions">May be the same person</h3>
            <ul class="contact-suggestions">
              {c.suggestions.map((s) => (
                <li key={s.contact.id}>
                  {title(s.contact)} — same {s.email ? `email ${s.email}` : `phone ${s.phone ?? ''}`}{' '}
                  <button type="button" class="btn btn-small" aria-disabled={busy} onClick={() => !busy && onMerge(s.contact.id)}>
                    Merge {title(s.contact)} into this contact
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
        <section aria-labelledby="contact-timeline">
          <h3 id="contact-timeline">Timeline</h3>
          <ContactTimeline items={c.timeline} onNavigate={onNavigate} />
        </section>
        <section aria-labelledby="contact-browsers">
          <h3 id="contact-browsers">Browsers</h3>
          <ul class="contact-browsers">
            {c.visitors.map((v) => (
              <li key={v.id}>
                {v.displayName}
                {v.verified ? ' (verified)' : ''}, last seen {fullDateTime(v.lastSeenAt)}
                {c.visitors.length > 1 && (
                  <button type="button" class="btn btn-small" aria-disabled={busy} onClick={() => !busy && onSplit(v.id)}>
                    Split {v.displayName} off
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="contact-pages">
          <h3 id="contact-pages">Pages visited</h3>
          {c.pages.length === 0 ? (
            <p class="muted">None reported.</p>
          ) : (
            <ul>
              {c.pages.map((p) => {
                const href = safeHref(p.url);
                return (
                  <li key={p.url}>
                    {href ? (
                      <a href={href} target="_blank" rel="noopener noreferrer">
                        {p.title || p.url}
                      </a>
                    ) : (
                      p.title || p.url
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
        <section aria-labelledby="contact-ratings">
          <h3 id="contact-ratings">Ratings</h3>
          {c.ratings.length === 0 ? (
            <p class="muted">No ratings.</p>
          ) : (
            <ul>
              {c.ratings.map((r, i) => (
                <li key={i}>
                  {r.rating} of 5 ({r.source === 'survey' ? 'after a chat' : 'feedback'}), {fullDateTime(r.at)}
                </li>
              ))}
            </ul>
          )}
        </section>
        <form
          class="contact-notes"
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy) onSaveNotes(notes);
          }}
        >
          <label for="contact-notes">Notes</label>
          <textarea id="contact-notes" rows={4} maxLength={10000} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
          <button type="submit" class="btn btn-small" aria-disabled={busy}>
            Save notes
          </button>
        </form>
      </div>
    </main>
  );
}
