import { vi } from 'vitest';
import type { AlertPermission, DesktopAlerts } from '../../console/net/desktop-alerts';

/** Desktop notifications a test can grant and watch. */
export function fakeDesktop(start: AlertPermission = 'default') {
  let permission = start;
  const shown: { title: string; body: string; tag: string; click(): void }[] = [];
  const alerts: DesktopAlerts & { shown: typeof shown } = {
    shown,
    permission: () => permission,
    request: vi.fn(async (): Promise<AlertPermission> => (permission = 'granted')),
    show: (title, body, tag, click) => void shown.push({ title, body, tag, click }),
  };
  return alerts;
}
