import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ConversationStatus } from '../../protocol/types';
import { ConversationView, NoConversation } from '../conversation/conversation-view';
import { PendingItem } from '../conversation/message-item';
import { useCompose } from '../conversation/use-compose';
import { ItemTagEditor, TagFilter } from '../format/tag-editor';
import { useItemTags } from '../format/use-tags';
import { InboxPanel } from '../inbox/inbox-panel';
import type { AgentClient } from '../net/agent-client';
import { countByView, neighbourId, pendingFor, typersIn, visibleRows } from '../state/selectors';
import type { ConsoleStore } from '../state/store';
import type { PendingMessage } from '../state/types';
import { VisitorPanel } from '../visitor/visitor-panel';
import { BASE, conversationPath } from './route';
import { useShortcuts } from './shortcuts';
import { SiteFilter, siteNames } from './site-filter';
import { useConsoleState, useNow } from './use-store';

export interface WorkspaceProps {
  store: ConsoleStore;
  client: AgentClient;
  /** The conversation the URL names, or null for the inbox alone. */
  conversationId: string | null;
  onNavigate(href: string): void;
}

/** Own replies still in the outbox for a conversation not loaded yet. */
function UnsentReplies({ pending, agentName, onRetry }: { pending: PendingMessage[]; agentName: string; onRetry(id: string): void }) {
  if (pending.length === 0) return null;
  return (
    <ol class="msgs" aria-label="Replies not sent yet">
      {pending.map((p) => (
        <PendingItem key={p.id} pending={p} authorName={agentName} onRetry={onRetry} />
      ))}
    </ol>
  );
}

/** Connector of the conversations section: inbox, conversation and visitor panel. */
export function Workspace({ store, client, conversationId, onNavigate }: WorkspaceProps) {
  const state = useConsoleState(store);
  const now = useNow();
  const drafts = useRef(new Map<string, string>());
  const [focusRow, setFocusRow] = useState<{ id: string } | null>(null);
  const [focusReply, setFocusReply] = useState(false);
  const [status, setStatus] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const [tagFilter, setTagFilter] = useState<string | null>(null);
  const { inbox, filter, siteFilter, assignView, agent } = state;
  const allRows = useMemo(
    () => visibleRows({ inbox, filter, siteFilter, assignView, agent }),
    [inbox, filter, siteFilter, assignView, agent],
  );
  const viewCounts = useMemo(() => countByView({ inbox, filter, siteFilter, agent }), [inbox, filter, siteFilter, agent]);
  const tagging = useItemTags(client.tags, 'conversation', [...allRows.map((r) => r.id), ...(state.open ? [state.open.id] : [])]);
  const rows = tagFilter ? allRows.filter((r) => tagging.tags[r.id]?.includes(tagFilter)) : allRows;
  const typingIds = useMemo(() => new Set(Object.keys(state.typing).filter((id) => 'visitor' in state.typing[id]!)), [state.typing]);
  const open = state.open;

  // The URL names the open conversation, so reload, back and new tabs land in the right place.
  const show = (id: string) => onNavigate(conversationPath(id));
  useEffect(() => {
    setStatus({ busy: false, error: null });
    if (conversationId) client.open(conversationId);
    else store.dispatch({ type: 'open/closed' });
  }, [conversationId, client, store]);

  // In another section nothing is on screen, so nothing may be marked read.
  useEffect(
    () => () => {
      client.stopTyping();
      store.dispatch({ type: 'open/closed' });
    },
    [client, store],
  );

  useShortcuts({
    move(step, fromReply) {
      const id = neighbourId(store.get(), step);
      if (!id) return;
      show(id);
      setFocusReply(fromReply);
      if (!fromReply) setFocusRow({ id });
    },
    focusReply: () => document.getElementById('reply')?.focus(),
  });

  const changeStatus = async (next: ConversationStatus) => {
    if (!open) return;
    const id = open.id;
    setStatus({ busy: true, error: null });
    const r = await client.setStatus(id, next);
    // The agent may have moved on to another conversation: its header is not the place for this answer.
    if (store.get().open?.id !== id) return;
    setStatus({ busy: false, error: r.ok ? null : r.message });
  };

  const summary = open ? state.inbox[open.id] : undefined;
  const agentName = state.agent?.name ?? 'You';
  const compose = useCompose(client.canned, state, summary);

  return (
    <div class={`panes${conversationId ? ' has-open' : ''}`}>
      <div class="inbox-pane">
        <InboxPanel
          rows={rows}
          loaded={state.inboxLoaded}
          complete={state.inboxComplete}
          filter={state.filter}
          selectedId={open?.id ?? null}
          typingIds={typingIds}
          now={now}
          focusRow={focusRow}
          siteNames={siteNames(state.sites)}
          siteFilter={
            <>
              <SiteFilter
                sites={state.sites}
                value={state.siteFilter}
                onChange={(siteId) => store.dispatch({ type: 'site-filter', siteId })}
              />
              <TagFilter known={tagging.known} value={tagFilter} onChange={setTagFilter} />
            </>
          }
          view={{ value: state.assignView, counts: viewCounts, onView: (view) => store.dispatch({ type: 'assign-view', view }) }}
          onFilter={(filter) => store.dispatch({ type: 'filter', filter })}
          onOpen={(id) => show(id)}
          onOlder={client.loadOlder}
        />
        <p class="hint" aria-label="Keyboard shortcuts">
          <kbd>j</kbd>/<kbd>k</kbd> or <kbd>Alt</kbd>+<kbd>↑</kbd>/<kbd>↓</kbd> switch · <kbd>r</kbd> reply · <kbd>Esc</kbd> leave reply
        </p>
      </div>
      {open && summary ? (
        <ConversationView
          conversation={summary}
          visitor={open.visitor}
          onBack={() => onNavigate(BASE)}
          messages={open.messages}
          pending={pendingFor(state, open.id)}
          loading={open.loading}
          error={open.error}
          agentName={agentName}
          typers={typersIn(state, open.id)}
          draft={drafts.current.get(open.id) ?? ''}
          focusReply={focusReply}
          statusBusy={status.busy}
          statusError={status.error}
          assign={
            state.agent
              ? {
                  me: state.agent.id,
                  agents: state.presence,
                  onAssign: (agentId, from, note) => client.assign(open.id, agentId, from, note),
                }
              : undefined
          }
          compose={compose}
          tagBox={<ItemTagEditor key={open.id} tagging={tagging} itemId={open.id} what="conversation" id="conv-tags" />}
          onSend={(text, note) => client.send(open.id, text, note)}
          onRetry={client.retry}
          onResolve={() => void changeStatus('resolved')}
          onReopen={() => void changeStatus('open')}
          onTyping={() => client.typing(open.id)}
          onDraft={(text) => drafts.current.set(open.id, text)}
          onLeaveReply={() => {
            client.stopTyping();
            document.querySelector<HTMLElement>('[role="log"]')?.focus();
          }}
        />
      ) : open ? (
        <main class="conversation conversation-empty" aria-label="Conversation">
          <p role={open.error ? 'alert' : 'status'}>{open.error ?? 'Loading conversation…'}</p>
          {open.error && <a href={BASE}>Back to the inbox</a>}
          {/* Saved by the outbox before a reload: shown even before the conversation loads, e.g. offline. */}
          <UnsentReplies pending={pendingFor(state, open.id)} agentName={agentName} onRetry={client.retry} />
        </main>
      ) : (
        <NoConversation hasRows={rows.length > 0} />
      )}
      <VisitorPanel visitor={open?.visitor ?? null} history={open?.history ?? []} now={now} onOpen={(id) => show(id)} />
    </div>
  );
}
