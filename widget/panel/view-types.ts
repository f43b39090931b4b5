import type { ComponentType } from 'preact';
import type { VisitorServerEvents } from '../../protocol/events';
import type { Channels, PageInfo, SiteStatus } from '../../protocol/types';
import type { MessageKey, Translate } from '../i18n/t';
import type { Requester } from '../net/socket';
import type { ViewId } from '../state/types';

// Apart from views.ts, which imports every view's chunk: a view takes its props from here without a circle.

/** What the panel hands every lazily loaded view. */
export interface ViewProps {
  t: Translate;
  /** Whether the socket is connected; `request` sends nothing while it is not. */
  online: boolean;
  request: Requester;
  /**
   * Listens to a server push on the panel's socket until the returned function is called.
   * The panel always gives it; optional so a view that follows nothing live is tested without it.
   */
  on?: Listen;
  /** The page to attach to what the view sends: address and title only. */
  page(): PageInfo;
  /** Shows another view and moves focus to its tab. */
  showView(id: ViewId): void;
  /** A new id for something the view sends, kept across its retries so the server stores it once. */
  newId(): string;
  /** The server can send email: only then does a view offer an answer by email. Optional for tests of views that send none. */
  sendsEmail?: boolean;
  /** Who is there, as the chat knows it, so every view says the same; null while unknown. */
  status?: SiteStatus | null;
}

/** Subscribes to one server event; returns the unsubscribe. */
export type Listen = <E extends keyof VisitorServerEvents>(event: E, fn: VisitorServerEvents[E]) => () => void;

/** A view's chunk: its screen and its stylesheet, adopted once it loads. */
export interface ViewModule {
  View: ComponentType<ViewProps>;
  css: string;
}

export interface PanelView {
  id: ViewId;
  /** The tab's label. */
  label: MessageKey;
  /** The site setting that switches the view on. */
  channel: keyof Channels;
  /** Imports the view's own chunk; the chat, drawn by the panel itself, has none. */
  load?: () => Promise<ViewModule>;
}
