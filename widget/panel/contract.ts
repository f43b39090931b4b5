import type { Message, SiteStatus } from '../../protocol/types';
import type { Translate } from '../i18n/t';
import type { LauncherHandle } from '../launcher/unread-badge';
import type { Identity } from '../net/client';

/**
 * What the loader hands the panel chunk. The panel imports nothing from the loader's
 * modules (the two are separate builds: that would be a second copy); it gets them here.
 */
export interface PanelHost {
  root: ShadowRoot;
  relay: string;
  siteId: string;
  /** localStorage key of this site's saved token and outbox. */
  storageKey: string;
  t: Translate;
  identity: Identity | null;
  adoptStyles(css: string): void;
  /** The embed's `data-color`, already on the host element: it wins over the site's colour from the server. */
  color?: string | undefined;
  /** Called when the unread count changes (not on every state change). */
  onUnread(count: number): void;
  /** The loader's launcher, which the panel gives its unread badge and the badge's words. */
  launcher: LauncherHandle;
  onMessage(m: Message): void;
  /** The visitor closed the panel from inside it. */
  onClose(): void;
  /** The loader's one status request, so the panel starts from what the launcher says. */
  status: Promise<SiteStatus | null | undefined | void>;
  /** Availability changed while the panel runs; the launcher follows. */
  onStatus(status: SiteStatus): void;
}

/** What the loader may ask of a mounted panel. */
export interface PanelController {
  /** Shows or hides the panel; `focus` moves focus to the composer (only for a visitor's own click or key). */
  setOpen(open: boolean, focus: boolean): void;
  identify(who: Identity): void;
}

export type MountPanel = (host: PanelHost) => PanelController;
