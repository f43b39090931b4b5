import { render, type RefObject } from 'preact';
import { ChatScreen } from '../chat/chat-screen';
import type { Translate } from '../i18n/t';
import { pageInfo, type ChatClient } from '../net/client';
import { shownView, unreadCount } from '../state/selectors';
import type { ChatStore } from '../state/store';
import type { ViewId } from '../state/types';
import { PanelShell, ViewPending } from './panel-shell';
import { createViewLoader } from './view-loader';
import { tabId } from './view-tabs';
import { enabledViews, VIEWS, type Listen, type PanelView, type ViewProps } from './views';

export interface ConnectPanelOptions {
  container: HTMLElement;
  store: ChatStore;
  client: ChatClient;
  t: Translate;
  inputRef: RefObject<HTMLTextAreaElement>;
  newId: () => string;
  adoptStyles(css: string): void;
  onClose(): void;
  /** Server pushes on the panel's socket, for views that follow something live. */
  on: Listen;
  views?: readonly PanelView[];
}

/** What the panel's entry may ask of the drawn panel. */
export interface PanelUi {
  /** Focuses the composer, or the tab of another view that is showing. */
  focus(): void;
  stop(): void;
}

/**
 * The one connector: renders the panel from the store, synchronously on every change,
 * so the DOM is current when focus moves, and wires its callbacks to the client. Views
 * other than the chat are downloaded when first picked and get the client as `ViewProps`.
 */
export function connectPanel(o: ConnectPanelOptions): PanelUi {
  const { store, client, t } = o;
  const all = o.views ?? VIEWS;
  const onSend = (text: string) => client.send(text, o.newId());
  const loader = createViewLoader(all, o.adoptStyles, () => draw());
  const page = () => {
    const { url, title } = pageInfo(window);
    return { url, title };
  };
  const select = (id: ViewId) => {
    store.dispatch({ type: 'tab', tab: id });
    loader.load(id);
  };
  const focusTab = (id: ViewId) => o.container.querySelector<HTMLElement>(`#${tabId(id)}`)?.focus();
  const showView = (id: ViewId) => {
    select(id);
    focusTab(id);
  };

  const draw = () => {
    const s = store.get();
    const views = enabledViews(s.site, all);
    const active = shownView(s);
    const viewProps: ViewProps = {
      t,
      online: s.connection === 'online',
      request: client.request,
      on: o.on,
      page,
      showView,
      newId: o.newId,
      // Until the hello says otherwise, as the chat assumes.
      sendsEmail: s.site?.sendsEmail ?? true,
      status: s.status,
    };
    const content = (id: ViewId) => {
      if (id === 'chat') {
        return (
          <ChatScreen
            s={s}
            store={store}
            client={client}
            t={t}
            inputRef={o.inputRef}
            adoptStyles={o.adoptStyles}
            page={page}
            showView={showView}
            onSend={onSend}
            newId={o.newId}
          />
        );
      }
      const View = loader.component(id);
      if (View) return <View {...viewProps} />;
      return loader.status(id) === 'idle' ? null : <ViewPending t={t} status={loader.status(id)} onRetry={() => loader.load(id)} />;
    };
    render(
      <PanelShell
        t={t}
        open={s.open}
        title={s.site?.name ?? null}
        agentName={s.conversation?.agentName}
        views={views}
        active={active}
        unread={unreadCount(s)}
        onSelect={select}
        onClose={o.onClose}
      >
        {content}
      </PanelShell>,
      o.container,
    );
  };
  draw();
  const unsubscribe = store.subscribe(draw);
  return {
    focus() {
      const s = store.get();
      const tab = shownView(s);
      // Without the composer, what the chat shows in its place (such as "Leave a message").
      if (tab === 'chat') (o.inputRef.current ?? o.container.querySelector<HTMLElement>('input,textarea'))?.focus();
      else focusTab(tab);
    },
    stop() {
      unsubscribe();
      render(null, o.container);
    },
  };
}
