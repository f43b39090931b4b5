import { alertsChanged, liveAlerts, type LiveAlert } from '../app/alert-entries';
import type { ConsoleStore } from '../state/store';

/** `unsupported`: the browser has no Notification API (or not in this context). */
export type AlertPermission = NotificationPermission | 'unsupported';

/** The browser's desktop notifications, behind an interface tests can fake. */
export interface DesktopAlerts {
  permission(): AlertPermission;
  /** Asks the agent; browsers allow it only from a user gesture such as a click. */
  request(): Promise<AlertPermission>;
  /** Shows a notification; `tag` makes the OS show one per item however many tabs are open. */
  show(title: string, body: string, tag: string, onClick: () => void): void;
}

/** Desktop alerts through `window.Notification`. */
export function browserDesktopAlerts(win: Window = window): DesktopAlerts {
  const api = () => ('Notification' in win ? (win as Window & { Notification: typeof Notification }).Notification : null);
  return {
    permission: () => api()?.permission ?? 'unsupported',
    async request() {
      const N = api();
      return N ? N.requestPermission() : 'unsupported';
    },
    show(title, body, tag, onClick) {
      const N = api();
      if (N?.permission !== 'granted') return;
      const n = new N(title, { body, tag });
      n.onclick = () => {
        win.focus();
        onClick();
        n.close();
      };
    },
  };
}

/** Shows a desktop notification for each new live alert (due call, low rating, unhappy feedback), when allowed. */
export function bindDesktopAlerts(store: ConsoleStore, alerts: DesktopAlerts, onOpen: (alert: LiveAlert) => void): () => void {
  return store.subscribe((state, previous) => {
    if (!alertsChanged(state, previous)) return;
    const before = new Set(liveAlerts(previous).map((a) => a.key));
    const fresh = liveAlerts(state).filter((a) => !before.has(a.key));
    if (fresh.length === 0 || alerts.permission() !== 'granted') return;
    for (const a of fresh) alerts.show(a.title, a.text, `earshot-${a.key}`, () => onOpen(a));
  });
}
