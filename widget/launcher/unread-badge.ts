import type { SiteStatus } from '../../protocol/types';
import type { Translate } from '../i18n/t';

/** The part of the loader's launcher the panel draws on (see `Launcher` in launcher.ts). */
export interface LauncherHandle {
  el: HTMLElement;
  describe(text: string): void;
  setStatus(status: SiteStatus): void;
}

/**
 * The launcher's unread badge, drawn by the panel: only the panel ever knows a count, so the
 * badge, its words and its styles (launcher-panel.css) stay out of earshot.js. The count is
 * shown; the sentence is what assistive technology reads, in the launcher's description.
 * Returns the function that redraws both; shown only while the chat is closed.
 */
export function unreadBadge(launcher: LauncherHandle, t: Translate): (count: number, open: boolean) => void {
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.hidden = true;
  badge.setAttribute('aria-hidden', 'true');
  launcher.el.append(badge);
  let drawn = '';
  return (count, open) => {
    const show = !open && count > 0;
    // Every state change comes here; the launcher is redrawn only when what it says changes.
    if (drawn === `${show} ${count}`) return;
    drawn = `${show} ${count}`;
    badge.hidden = !show;
    badge.textContent = count > 99 ? '99+' : String(count);
    launcher.describe(show ? t('unread', { count }) : '');
  };
}
