import type { ComponentChildren } from 'preact';
import { callbackPath, contactPath, feedbackPath, SETTINGS_PATH, TEAM_PATH, WINBACK_PATH, type Section } from './route';
import { inApp } from './in-app';

export interface SectionNavProps {
  section: Section;
  /** Where "Conversations" leads: the conversation last open, or the inbox. */
  conversationsHref: string;
  /** Open call back requests, and how many of them are overdue. */
  callbacks: { open: number; overdue: number };
  /** How much feedback nobody has handled yet. */
  newFeedback: number;
  /** Contacts on the Win back list. */
  winBack?: number;
  /** Admins see Team. */
  isAdmin?: boolean;
  onNavigate(href: string): void;
}

const capped = (n: number) => (n >= 500 ? '500+' : String(n));

interface LinkProps {
  href: string;
  current: boolean;
  label: string;
  /** The id of the count that describes the link, when there is one. */
  countId?: string;
  onNavigate(href: string): void;
  children?: ComponentChildren;
}

/** A section link; its count describes it rather than naming it, so the link stays e.g. "Feedback". */
function SectionLink({ href, current, label, countId, onNavigate, children }: LinkProps) {
  return (
    <li>
      <a href={href} aria-current={current ? 'page' : undefined} aria-describedby={countId} onClick={inApp(() => onNavigate(href))}>
        {label}
      </a>
      {children}
    </li>
  );
}

/** A section link with a count beside it (when there is one), e.g. "Feedback 3 new". */
function CountedLink({ count, ...link }: Omit<LinkProps, 'countId' | 'children'> & { count: { id: string; n: number; what: string } }) {
  const shown = count.n > 0;
  return (
    <SectionLink {...link} countId={shown ? count.id : undefined}>
      {shown && (
        <span id={count.id} class="unread">
          {capped(count.n)}
          <span class="sr-only"> {count.what}</span>
        </span>
      )}
    </SectionLink>
  );
}

/** The console's sections as links, with the open and overdue calls beside "Callbacks" and new feedback beside "Feedback". */
export function SectionNav({
  section,
  conversationsHref,
  callbacks,
  newFeedback,
  winBack = 0,
  isAdmin = false,
  onNavigate,
}: SectionNavProps) {
  return (
    <div class="sections">
      <nav aria-label="Sections">
        <ul class="section-links">
          <SectionLink href={conversationsHref} current={section === 'conversations'} label="Conversations" onNavigate={onNavigate} />
          <SectionLink
            href={callbackPath()}
            current={section === 'callbacks'}
            label="Callbacks"
            countId={callbacks.open > 0 ? 'callbacks-count' : undefined}
            onNavigate={onNavigate}
          >
            {callbacks.open > 0 && (
              <span id="callbacks-count" class="nav-count">
                <span class="unread">
                  {capped(callbacks.open)}
                  <span class="sr-only"> open</span>
                </span>
                {/* Words, not only a colour: "2 overdue". */}
                {callbacks.overdue > 0 && <span class="overdue-count">{capped(callbacks.overdue)} overdue</span>}
              </span>
            )}
          </SectionLink>
          <CountedLink
            href={feedbackPath()}
            current={section === 'feedback'}
            label="Feedback"
            count={{ id: 'feedback-new-count', n: newFeedback, what: 'new' }}
            onNavigate={onNavigate}
          />
          <SectionLink href={contactPath()} current={section === 'contacts'} label="Contacts" onNavigate={onNavigate} />
          <CountedLink
            href={WINBACK_PATH}
            current={section === 'winback'}
            label="Win back"
            count={{ id: 'winback-count', n: winBack, what: 'to win back' }}
            onNavigate={onNavigate}
          />
          <SectionLink href={SETTINGS_PATH} current={section === 'settings'} label="Settings" onNavigate={onNavigate} />
          {isAdmin && <SectionLink href={TEAM_PATH} current={section === 'team'} label="Team" onNavigate={onNavigate} />}
        </ul>
      </nav>
    </div>
  );
}
