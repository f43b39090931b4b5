import type { AlertPermission } from '../net/desktop-alerts';
import { feedbackPath, type Section } from './route';

export interface SectionNavProps {
  section: Section;
  /** Where "Conversations" leads: the conversation last open, or the inbox. */
  conversationsHref: string;
  /** Feedback nobody has handled yet. */
  newFeedback: number;
  desktopAlerts: AlertPermission;
  onNavigate(href: string): void;
  /** Asks for desktop notifications; call only from the click, as browsers require. */
  onEnableDesktopAlerts(): void;
}

function follow(e: MouseEvent, href: string, onNavigate: (href: string) => void) {
  // Let modified clicks open a new tab or window as usual.
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  onNavigate(href);
}

/** The console's sections as links, with the count of new feedback beside "Feedback". */
export function SectionNav({ section, conversationsHref, newFeedback, desktopAlerts, onNavigate, onEnableDesktopAlerts }: SectionNavProps) {
  const feedbackHref = feedbackPath();
  return (
    <div class="sections">
      <nav aria-label="Sections">
        <ul class="section-links">
          <li>
            <a href={conversationsHref} aria-current={section === 'conversations' ? 'page' : undefined} onClick={(e) => follow(e, conversationsHref, onNavigate)}>
              Conversations
            </a>
          </li>
          <li>
            {/* The count describes the link rather than naming it, so the link stays "Feedback". */}
            <a
              href={feedbackHref}
              aria-current={section === 'feedback' ? 'page' : undefined}
              aria-describedby={newFeedback > 0 ? 'feedback-new-count' : undefined}
              onClick={(e) => follow(e, feedbackHref, onNavigate)}
            >
              Feedback
            </a>
            {newFeedback > 0 && (
              <span id="feedback-new-count" class="unread">
                {newFeedback >= 500 ? '500+' : newFeedback}
                <span class="sr-only"> new</span>
              </span>
            )}
          </li>
        </ul>
      </nav>
      {desktopAlerts === 'default' && (
        <button type="button" class="btn btn-quiet btn-small" onClick={onEnableDesktopAlerts}>Enable desktop alerts</button>
      )}
    </div>
  );
}
