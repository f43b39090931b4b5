import type { FeedbackItem } from '../../protocol/types';
import { feedbackPath } from '../app/route';
import { alertText } from './labels';

/** More alerts than this collapse into "and N more", so they never bury the page. */
const SHOWN = 3;

export interface FeedbackAlertsProps {
  /** Unhappy feedback that arrived live, newest first. */
  alerts: FeedbackItem[];
  onOpen(id: string): void;
  onDismiss(id: string): void;
}

/** Alerts for unhappy feedback, shown above whatever the agent is doing until opened or dismissed. */
export function FeedbackAlerts({ alerts, onOpen, onDismiss }: FeedbackAlertsProps) {
  if (alerts.length === 0) return null;
  const rest = alerts.length - SHOWN;
  return (
    <div class="alerts" role="region" aria-label="Alerts">
      {alerts.slice(0, SHOWN).map((item) => (
        <div key={item.id} class="alert" role="alert">
          <p class="alert-text">{alertText(item)}</p>
          <a
            class="btn btn-small"
            href={feedbackPath(item.id)}
            onClick={(e) => {
              if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
              e.preventDefault();
              onOpen(item.id);
            }}
          >
            Open feedback
          </a>
          <button type="button" class="btn btn-small btn-quiet" onClick={() => onDismiss(item.id)}>Dismiss</button>
        </div>
      ))}
      {rest > 0 && <p class="alert-more">and {rest} more unhappy feedback</p>}
    </div>
  );
}
