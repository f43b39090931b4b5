import { render, type RefObject } from 'preact';
import type { Translate } from '../i18n/t';
import type { ChatClient } from '../net/client';
import { timeline } from '../state/selectors';
import type { ChatStore } from '../state/store';
import { ChatPanel } from './chat-panel';

export interface ConnectChatOptions {
  container: HTMLElement;
  store: ChatStore;
  client: ChatClient;
  t: Translate;
  inputRef: RefObject<HTMLTextAreaElement>;
  newId: () => string;
  onClose(): void;
}

/**
 * The one connector: renders the panel from the store, synchronously on every change,
 * so the DOM is current when focus moves, and wires its callbacks to the client.
 */
export function connectChat(o: ConnectChatOptions): () => void {
  const { store, client, t } = o;
  const onSend = (text: string) => client.send(text, o.newId());
  const draw = () => {
    const s = store.get();
    render(
      <ChatPanel
        t={t}
        open={s.open}
        title={s.site?.name ?? null}
        greeting={s.site?.greeting || null}
        items={timeline(s)}
        typing={s.agentTyping}
        connection={s.connection}
        error={s.error}
        resolved={s.conversation?.status === 'resolved'}
        loadingHistory={s.loadingHistory}
        inputRef={o.inputRef}
        onSend={onSend}
        onRetry={client.retry}
        onInput={client.typing.input}
        onClose={o.onClose}
      />,
      o.container,
    );
  };
  draw();
  const unsubscribe = store.subscribe(draw);
  return () => {
    unsubscribe();
    render(null, o.container);
  };
}
