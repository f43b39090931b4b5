import type { LiveAlert } from './alert-entries';
import { inApp } from './in-app';

/** More alerts than this collapse into "and N more", so they never bury the page. */
const SHOWN = 3;

export interface LiveAlertsProps {
  alerts: LiveAlert[];
  onOpen(alert: LiveAlert): void;
  onDismiss(alert: LiveAlert): void;
}

/** Due calls, low ratings and unhappy feedback, above whatever the agent is doing, until opened or dismissed. */
export function LiveAlerts({ alerts, onOpen, onDismiss }: LiveAlertsProps) {
  if (alerts.length === 0) return null;
  const rest = alerts.length - SHOWN;
  return (
    <div class="alerts" role="region" aria-label="Alerts">
      {alerts.slice(0, SHOWN).map((a) => (
        <div key={a.key} class={`alert alert-${a.kind}`} role="alert">
          <p class="alert-text">{a.text}</p>
          <a class="btn btn-small" href={a.href} onClick={inApp(() => onOpen(a))}>
            {a.openLabel}
          </a>
          <button type="button" class="btn btn-small btn-quiet" onClick={() => onDismiss(a)}>
            Dismiss
          </button>
        </div>
      ))}
      {rest > 0 && (
        <p class="alert-more">
          and {rest} more {rest === 1 ? 'alert' : 'alerts'}
        </p>
      )}
    </div>
  );
}
