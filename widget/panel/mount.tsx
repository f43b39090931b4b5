import { createRef } from 'preact';
import { nanoid } from 'nanoid';
import chatCss from '../chat/chat.css?inline';
import launcherCss from '../launcher/launcher-panel.css?inline';
import { unreadBadge } from '../launcher/unread-badge';
import { startChatClient } from '../net/client';
import { startWaitTimer } from '../net/wait-timer';
import { restoreOutbox } from '../net/persist';
import { openSocket, type VisitorSocket } from '../net/socket';
import { reducer, initialState } from '../state/reducer';
import { unreadCount } from '../state/selectors';
import { createStore } from '../state/store';
import { siteStorage } from '../storage';
import { textDirection } from '../i18n/direction';
import { loadDictionary, pickLanguage } from '../i18n/load';
import { unreadEn } from '../i18n/unread-strings';
import { createTranslate, type Translate } from '../i18n/t';
import { connectPanel } from './connect-panel';
import type { MountPanel, PanelController, PanelStart } from './contract';
import panelCss from './panel.css?inline';

/** The panel chunk's entry: state, socket and UI, wired together once. */
export const mountPanel: MountPanel = (host) => {
  host.adoptStyles(panelCss + chatCss + launcherCss);
  // The widget speaks its own language whatever the page's: speech and fonts follow `lang`, layout `dir`.
  const language = host.t('language_tag');
  const el = host.root.host as HTMLElement;
  el.lang = language;
  el.dir = textDirection(language);
  const storage = siteStorage(host.storageKey);
  const saved = storage.read();
  const store = createStore(reducer, initialState(restoreOutbox(saved.outbox), document.visibilityState === 'visible'));
  let socket: VisitorSocket | undefined;
  const client = startChatClient({
    store,
    storage,
    language,
    openSocket: (token) => (socket = openSocket(host.relay, host.siteId, token)),
    onAgentMessage: (m) => host.emit('message', m),
  });
  // A push or a fresher answer may come first; the loader's older one must not undo it.
  void host.status.then((status) => status && !store.get().status && store.dispatch({ type: 'status', status }));
  startWaitTimer(store);

  const container = document.createElement('div');
  host.root.append(container);
  const inputRef = createRef<HTMLTextAreaElement>();
  const ui = connectPanel({
    container,
    store,
    client,
    t: host.t,
    inputRef,
    newId: nanoid,
    adoptStyles: host.adoptStyles,
    onClose: host.onClose,
    on: (event, fn) => {
      // The event map's overloads cannot be narrowed by a generic event name.
      const s = socket as unknown as { on(e: string, f: unknown): void; off(e: string, f: unknown): void };
      s.on(event, fn);
      return () => s.off(event, fn);
    },
  });

  let color = '';
  let unread = 0;
  const drawUnread = unreadBadge(host.launcher, host.t);
  // Set here, as the panel it points to exists from now on.
  host.launcher.el.setAttribute('aria-controls', 'earshot-panel');
  store.subscribe((s, previous) => {
    if (unreadCount(s) !== unread) host.emit('unread', (unread = unreadCount(s)));
    drawUnread(unread, s.open);
    if (s.status && s.status !== previous.status) host.launcher.setStatus(s.status);
    if (s.site && s.site.color !== color) {
      color = s.site.color;
      // Here, not in the loader, which only sets a `data-color` it checked; one that is not a CSS colour is ignored.
      if (!host.color && CSS.supports('color', color)) el.style.setProperty('--earshot-color', color);
    }
  });

  return {
    setOpen(open, focus) {
      store.dispatch({ type: 'view', open });
      if (open && focus) ui.focus();
    },
    identify: client.identify,
  };
};

/**
 * The panel's `t` in the first of the visitor's languages the widget speaks: the launcher's
 * strings and the panel's dictionary in one table. The dictionaries (about 1 KB each) travel
 * with the panel, so the loader knows no chunk names, and so does `createTranslate`, which
 * only the panel needs. Into the loader's table, not a copy: a returning visitor's panel loads
 * at once, often before the status answer brings the launcher's words (such as the unread
 * count), which must reach it too.
 */
export async function loadTranslate(languages: readonly (string | undefined)[], strings: Record<string, string>): Promise<Translate> {
  const lang = pickLanguage(languages);
  // English unread words only where the status answer brought none (it may come later and overwrite them).
  return createTranslate(lang, Object.assign(strings, { ...unreadEn, ...strings }, await loadDictionary(lang)));
}

/** The loader's entry into the panel chunk: the visitor's dictionary, then the panel. */
export async function startPanel(host: PanelStart): Promise<PanelController> {
  return mountPanel({ ...host, t: await loadTranslate(host.languages, host.strings) });
}
