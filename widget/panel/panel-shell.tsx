import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Translate } from '../i18n/t';
import type { ViewId } from '../state/types';
import type { ViewStatus } from './view-loader';
import { tabId, viewId, ViewTabs } from './view-tabs';
import type { PanelView } from './views';

export interface PanelShellProps {
  t: Translate;
  open: boolean;
  /** The site's name, once the server told it. */
  title: string | null;
  /** The display name of the agent who has the chat, when one has. */
  agentName?: string | null;
  views: readonly PanelView[];
  active: ViewId;
  unread: number;
  onSelect(id: ViewId): void;
  onClose(): void;
  /** Draws one view; every view drawn stays mounted while hidden, so a draft survives a switch. */
  children: (id: ViewId) => ComponentChildren;
}

/** The panel window: header with the site's name and a close button, the view tabs, and the views. */
export function PanelShell(p: PanelShellProps) {
  const { t } = p;
  const title = p.title ?? t('chat_title');
  const tabbed = p.views.length > 1;
  const panel = useRef<HTMLElement>(null);
  useEffect(() => fitVisualViewport(panel.current!), []);
  return (
    <section ref={panel} class="panel" id="earshot-panel" role="dialog" aria-label={title} hidden={!p.open}>
      <header class="header">
        <h2 class="title">
          {title}
          {p.agentName && <span class="agent-name">{p.t('with_agent', { name: p.agentName })}</span>}
        </h2>
        <button type="button" class="close" aria-label={t('close')} onClick={p.onClose}>
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
          </svg>
        </button>
      </header>
      {tabbed && <ViewTabs t={t} views={p.views} active={p.active} unread={p.unread} onSelect={p.onSelect} />}
      {p.views.map((v) => (
        <div
          key={v.id}
          class="view"
          id={viewId(v.id)}
          role={tabbed ? 'tabpanel' : undefined}
          aria-labelledby={tabbed ? tabId(v.id) : undefined}
          hidden={v.id !== p.active}
        >
          {p.children(v.id)}
        </div>
      ))}
    </section>
  );
}

/**
 * Tells the stylesheet the visible part of the layout viewport. An on-screen keyboard shrinks
 * only the visual viewport (iOS, Chrome on Android since 108), and a full-screen sheet sized to
 * the layout viewport would hide its composer behind the keyboard.
 */
function fitVisualViewport(el: HTMLElement): (() => void) | void {
  const vv = window.visualViewport;
  if (!vv) return;
  // Preact sets no style on the panel, so this owns its inline style.
  const fit = () => (el.style.cssText = `--earshot-vh:${vv.height}px;--earshot-vt:${vv.offsetTop}px`);
  fit();
  vv.addEventListener('resize', fit);
  vv.addEventListener('scroll', fit);
  return () => {
    vv.removeEventListener('resize', fit);
    vv.removeEventListener('scroll', fit);
  };
}

export interface ViewPendingProps {
  t: Translate;
  status: ViewStatus;
  onRetry(): void;
}

/** What a lazily loaded view shows until its chunk is there, or when the download failed. */
export function ViewPending({ t, status, onRetry }: ViewPendingProps) {
  if (status === 'failed') {
    return (
      <div class="notice error" role="alert">
        {t('view_failed')}{' '}
        <button type="button" class="retry" onClick={onRetry}>
          {t('retry')}
        </button>
      </div>
    );
  }
  return (
    <p class="pending" role="status">
      {t('loading')}
    </p>
  );
}
