import { createRef } from 'preact';
import { nanoid } from 'nanoid';
import chatCss from '../chat/chat.css?inline';
import { startChatClient } from '../net/client';
import { restoreOutbox } from '../net/persist';
import { openSocket } from '../net/socket';
import { reducer, initialState } from '../state/reducer';
import { unreadCount } from '../state/selectors';
import { createStore } from '../state/store';
import { siteStorage } from '../storage';
import { connectPanel } from './connect-panel';
import type { MountPanel } from './contract';
import panelCss from './panel.css?inline';

/** The panel chunk's entry: state, socket and UI, wired together once. */
export const mountPanel: MountPanel = (host) => {
  host.adoptStyles(panelCss + chatCss);
  const storage = siteStorage(host.storageKey);
  const saved = storage.read();
  const store = createStore(reducer, initialState(restoreOutbox(saved.outbox), document.visibilityState === 'visible'));
  const client = startChatClient({
    store,
    storage,
    openSocket: (token) => openSocket(host.relay, host.siteId, token),
    onAgentMessage: host.onMessage,
  });
  if (host.identity) client.identify(host.identity);

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
  });

  let color = '';
  let unread = 0;
  store.subscribe((s) => {
    if (unreadCount(s) !== unread) host.onUnread((unread = unreadCount(s)));
    if (s.site && s.site.color !== color) host.setColor((color = s.site.color));
  });

  return {
    setOpen(open, focus) {
      store.dispatch({ type: 'view', open });
      if (open && focus) ui.focus();
    },
    identify: client.identify,
  };
};
