import type { SitePublic } from '../../protocol/types';
import type { PanelView } from './view-types';

export type { Listen, PanelView, ViewModule, ViewProps } from './view-types';

/**
 * The panel's views in tab order. Each but the chat is its own chunk, downloaded when
 * the visitor first picks it, so a first chat never pays for it. A new view ("Call me
 * back") is one entry here, its id in `ViewId` and its label in the dictionary.
 */
export const VIEWS: readonly PanelView[] = [
  { id: 'chat', label: 'tab_chat', channel: 'chat' },
  { id: 'callback', label: 'tab_callback', channel: 'callback', load: () => import('../callback/callback-entry') },
  { id: 'feedback', label: 'tab_feedback', channel: 'feedback', load: () => import('../feedback/feedback-entry') },
];

/** The views the site has switched on; the chat always, as the panel is built around it. */
export function enabledViews(site: SitePublic | null, views: readonly PanelView[] = VIEWS): PanelView[] {
  return views.filter((v) => v.id === 'chat' || site?.channels[v.channel]);
}
