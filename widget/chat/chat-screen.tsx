import type { ComponentChildren, RefObject } from 'preact';
import { useState } from 'preact/hooks';
import type { PageInfo } from '../../protocol/types';
import type { Translate } from '../i18n/t';
import type { ChatClient } from '../net/client';
import { chatMode, timeline } from '../state/selectors';
import type { ChatStore } from '../state/store';
import type { ChatState, ViewId } from '../state/types';
import { ChatPanel } from './chat-panel';
import type * as Extras from './extras/extras-entry';
import { Lazy, part } from './lazy-part';

export interface ChatScreenProps {
  s: ChatState;
  store: ChatStore;
  client: ChatClient;
  t: Translate;
  inputRef: RefObject<HTMLTextAreaElement>;
  adoptStyles(css: string): void;
  page(): PageInfo;
  showView(id: ViewId): void;
  onSend(text: string): void;
  newId(): string;
}

/** Leave a message, the wait notice and the survey: not needed for a first chat, so their own chunk. */
const extras = part(() => import('./extras/extras-entry'));

/**
 * The chat view's connector: the conversation while someone can answer, "Leave a message"
 * while nobody is there, and the notices and survey around the chat, from the state.
 */
export function ChatScreen({ s, store, client, t, inputRef, adoptStyles, page, showView, onSend, newId }: ChatScreenProps) {
  const { site, status, conversation } = s;
  const mode = chatMode(s);
  // The page was opened with a resume link (its notice, in the extras, reads and spends it).
  const [resumeToken] = useState(() => location.hash.includes('earshot-resume='));
  const lazy = (draw: (m: typeof Extras) => ComponentChildren) => (
    <Lazy t={t} part={extras} adoptStyles={adoptStyles}>
      {draw}
    </Lazy>
  );
  const resumeNotice =
    resumeToken &&
    lazy((m) => <m.ResumeNotice t={t} request={client.request} online={s.connection === 'online'} onResumed={client.rejoin} />);
  const common = {
    t,
    request: client.request,
    // Until the hello says otherwise, as most servers are set up to.
    sendsEmail: site?.sendsEmail ?? true,
    email: s.email,
    onEmail: (email: string, answer: boolean) => store.dispatch({ type: 'email', email, answer }),
    onCallback: site?.channels.callback ? () => showView('callback') : null,
    newId,
  };

  if (mode === 'off') {
    return (
      <>
        {resumeNotice}
        {lazy((m) => (
          <m.ChatOff {...common} onFeedback={site?.channels.feedback ? () => showView('feedback') : null} />
        ))}
      </>
    );
  }
  if (mode === 'leave' && !resumeToken) {
    return lazy((m) => (
      <m.LeaveMessage
        {...common}
        awayMessage={site?.awayMessage ?? null}
        page={page}
        onSent={(message) => {
          store.dispatch({ type: 'messages', messages: [message] });
          if (!common.sendsEmail) store.dispatch({ type: 'left' });
          // The form is gone (the panel draws synchronously): the conversation goes on in the composer.
          inputRef.current?.focus();
        }}
      />
    ));
  }
  const resolved = conversation?.status === 'resolved';
  return (
    <ChatPanel
      t={t}
      greeting={site?.greeting || null}
      items={timeline(s)}
      typing={s.agentTyping}
      connection={s.connection}
      error={s.error}
      resolved={resolved}
      loadingHistory={s.loadingHistory}
      replyMinutes={status?.available ? status.typicalReplyMinutes : null}
      inputRef={inputRef}
      onSend={onSend}
      onRetry={client.retry}
      onInput={client.typing.input}
      onFaq={(messageId, helpful) =>
        void client.request('faq:answer', { messageId, helpful }).then((res) => {
          if (res.ok) store.dispatch({ type: 'message/updated', message: res.data });
        })
      }
    >
      {status?.available === false && !s.answerByEmail && !s.answerHere && site && lazy((m) => <m.AwayNote t={t} site={site} />)}
      {s.answerByEmail || s.answerHere
        ? lazy((m) => <m.EmailPromise t={t} email={s.answerByEmail} sendsEmail={common.sendsEmail} />)
        : s.waited && conversation?.status !== 'resolved' && lazy((m) => <m.WaitNotice {...common} />)}
      {resolved &&
        site &&
        lazy((m) => <m.AfterChat {...common} key={conversation.id} conversationId={conversation.id} survey={site.surveyEnabled} />)}
      {resumeNotice}
      {!resumeToken && conversation && s.email && common.sendsEmail && lazy((m) => <m.ContinueElsewhere t={t} request={client.request} />)}
    </ChatPanel>
  );
}
