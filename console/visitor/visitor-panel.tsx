import type { ConversationSummary, VisitorProfile } from '../../protocol/types';
import { fullDateTime, languageName, timeInZone } from '../format/time';
import { ExternalLink } from '../format/external-link';
import { Fact } from '../app/detail-parts';
import { VisitorHistory } from './visitor-history';

export interface VisitorPanelProps {
  visitor: VisitorProfile | null;
  history: ConversationSummary[];
  /** Current time in ms; the connector ticks it each minute so local time stays right. */
  now: number;
  /** Formatting locale; the agent's own by default. */
  locale?: string;
  onOpen(id: string): void;
}

/**
 * How far the name and email can be trusted: the site's backend signed the user id (verified), or
 * the page only said so (claimed: anyone's page can claim anyone's email).
 */
function IdentityBadge({ visitor }: { visitor: VisitorProfile }) {
  if (visitor.identity === 'verified') {
    return (
      <span class="identity is-verified" title="The site signed this user's id: it is the signed-in user.">
        Verified
      </span>
    );
  }
  if (visitor.identity === 'claimed') {
    return (
      <span class="identity is-claimed" title="Given by the page or the visitor, not verified by the site.">
        Claimed, not verified
      </span>
    );
  }
  return null;
}

/** Who the visitor is and where they are right now, with their other conversations. */
export function VisitorPanel({ visitor, history, now, locale, onOpen }: VisitorPanelProps) {
  if (!visitor) {
    return (
      <aside class="visitor" aria-labelledby="visitor-title">
        <h2 id="visitor-title">Visitor</h2>
        <p class="muted">No conversation open.</p>
      </aside>
    );
  }
  const local = timeInZone(visitor.timezone, now, locale);
  return (
    <aside class="visitor" aria-labelledby="visitor-title">
      <h2 id="visitor-title">Visitor</h2>
      <div class="visitor-id">
        <span class={`presence ${visitor.online ? 'is-online' : 'is-offline'}`}>{visitor.online ? 'Online' : 'Offline'}</span>
        <strong class="visitor-name">{visitor.displayName}</strong>
        {/* Left via "Leave a message" or given in the chat: the way to answer once they are gone. */}
        {visitor.email && (
          <a class="visitor-email" href={`mailto:${visitor.email}`}>
            {visitor.email}
          </a>
        )}
        <IdentityBadge visitor={visitor} />
      </div>
      <h3>Current page</h3>
      {visitor.pageUrl ? (
        <p class="page">
          {visitor.pageTitle && <span class="page-title">{visitor.pageTitle}</span>}
          <ExternalLink url={visitor.pageUrl} />
        </p>
      ) : (
        <p class="muted">Unknown</p>
      )}
      <h3>Details</h3>
      <dl class="facts">
        <Fact label="Local time">
          {local ? (
            <>
              {local} <span class="muted">({visitor.timezone})</span>
            </>
          ) : (
            <span class="muted">{visitor.timezone ?? 'Unknown'}</span>
          )}
        </Fact>
        <Fact label="Language">{visitor.language ? languageName(visitor.language, locale) : <span class="muted">Unknown</span>}</Fact>
        <Fact label="Browser">{visitor.browser ?? <span class="muted">Unknown</span>}</Fact>
        <Fact label="OS">{visitor.os ?? <span class="muted">Unknown</span>}</Fact>
        <Fact label="Referrer">{visitor.referrer ? <ExternalLink url={visitor.referrer} /> : <span class="muted">Direct</span>}</Fact>
        <Fact label="First seen">
          <time dateTime={visitor.firstSeenAt}>{fullDateTime(visitor.firstSeenAt, locale)}</time>
        </Fact>
        {visitor.phone && <Fact label="Phone">{visitor.phone}</Fact>}
        {visitor.externalId && <Fact label="User ID">{visitor.externalId}</Fact>}
        <Fact label="Visits">{visitor.visits}</Fact>
      </dl>
      <VisitorHistory history={history} now={now} onOpen={onOpen} />
    </aside>
  );
}
