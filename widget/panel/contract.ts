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
  adoptStyles(css: string): void;
  /** The embed's `data-color`, already on the host element: it wins over the site's colour from the server. */
  color?: string | undefined;
  /** The loader's launcher: the panel gives it the unread badge, and availability as it changes. */
  launcher: LauncherHandle;
  /** Tells the page (`Earshot('on', …)`): an agent's message, or the unread count when it changes (not on every state change). */
  emit(event: 'message' | 'unread', payload: Message | number): void;
  /** The visitor closed the panel from inside it. */
  onClose(): void;
  /** The loader's one status request, so the panel starts from what the launcher says. */
  status: Promise<SiteStatus | null | undefined | void>;
}

/** What the loader gives the panel chunk's entry (`startPanel`): the host without `t`, which the panel makes. */
export type PanelStart = Omit<PanelHost, 't'> & {
  /** The visitor's languages, first choice first. */
  languages: readonly (string | undefined)[];
  /** The launcher's words, which the panel's dictionary joins (see `loadTranslate`). */
  strings: Record<string, string>;
};

/** What the loader may ask of a mounted panel. */
export interface PanelController {
  /** Shows or hides the panel; `focus` moves focus to the composer (only for a visitor's own click or key). */
  setOpen(open: boolean, focus: boolean): void;
  identify(who: Identity): void;
}

export type MountPanel = (host: PanelHost) => PanelController;
