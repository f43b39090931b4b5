import type { Translate } from '../i18n/t';
import type { ViewId } from '../state/types';
import type { PanelView } from './views';

export interface ViewTabsProps {
  t: Translate;
  views: readonly PanelView[];
  active: ViewId;
  /** Unread agent messages, shown on the chat tab while another view is open. */
  unread: number;
  onSelect(id: ViewId): void;
}

/** The element ids that tie a tab to its panel. */
export const tabId = (id: ViewId) => `earshot-tab-${id}`;
export const viewId = (id: ViewId) => `earshot-view-${id}`;

const STEP: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1 };

/**
 * The view switcher, as ARIA tabs: one tab stop, arrow keys (mirrored right to left),
 * Home and End move focus and select at once, as the views are cheap to show.
 */
export function ViewTabs({ t, views, active, unread, onSelect }: ViewTabsProps) {
  const onKeyDown = (e: KeyboardEvent) => {
    const list = e.currentTarget as HTMLElement;
    const at = views.findIndex((v) => v.id === active);
    const flip = getComputedStyle(list).direction === 'rtl' ? -1 : 1;
    const n = views.length;
    const to = e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : STEP[e.key] === undefined ? -1 : (at + STEP[e.key]! * flip + n) % n;
    const view = views[to];
    if (!view) return;
    e.preventDefault();
    onSelect(view.id);
    (list.children[to] as HTMLElement).focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label={t('tabs_label')} onKeyDown={onKeyDown}>
      {views.map((v) => (
        <button
          key={v.id}
          type="button"
          role="tab"
          class="tab"
          id={tabId(v.id)}
          aria-selected={v.id === active}
          aria-controls={viewId(v.id)}
          tabIndex={v.id === active ? 0 : -1}
          onClick={() => onSelect(v.id)}
        >
          {t(v.label)}
          {v.id === 'chat' && active !== 'chat' && unread > 0 && (
            <span class="tab-badge">
              <span aria-hidden="true">{unread > 99 ? '99+' : unread}</span>
              <span class="vh">{t('unread', { count: unread })}</span>
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
