import type { Translate } from '../i18n/t';
import { html } from '../embed/host';

/**
 * The loader's notice that the panel could not be downloaded (offline, blocked, a release
 * replaced the chunk), with a Retry. Plain DOM, as Preact is in the chunk that failed, and
 * in the launcher's words, as the panel's dictionary follows that chunk. Returns the notice.
 */
export function showLoadFailure(root: ShadowRoot, t: Translate, retry: () => void): HTMLElement {
  // An <output> is a polite live region by itself: announced, without stealing focus.
  const box = html('output', { className: 'failed' });
  box.append(t('panel_failed'), ' ', html('button', { textContent: t('retry'), onclick: () => (box.remove(), retry()) }));
  root.append(box);
  return box;
}
