import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CallbackItem, CallbackOutcome } from '../../protocol/types';
import { callbackPath, conversationPath } from '../app/route';
import { DetailSlot, type DetailTexts } from '../app/detail-parts';
import { useConsoleState, useNow } from '../app/use-store';
import type { AgentClient } from '../net/agent-client';
import type { Result } from '../net/agent-socket';
import { SiteFilter, siteNames } from '../app/site-filter';
import { visibleCallbacks } from '../state/callback-selectors';
import { pendingActionsOn } from '../state/pending-reducer';
import type { ConsoleStore } from '../state/store';
import { ItemTagEditor, TagFilter } from '../format/tag-editor';
import { useItemTags } from '../format/use-tags';
import { CallbackDetail } from './callback-detail';
import { CallbackQueue } from './callback-queue';
import type { Clocks } from './callback-when';

export interface CallbackScreenProps {
  store: ConsoleStore;
  client: AgentClient;
  /** The request the URL names, or null for the queue alone. */
  callbackId: string | null;
  onNavigate(href: string): void;
  /** The agent's zone and locale; the browser's by default. */
  clocks?: Clocks;
}

type Busy = { busy: boolean; error: string | null };
const IDLE: Busy = { busy: false, error: null };
const REQUEST_TEXTS: DetailTexts = {
  id: 'cb-empty-title',
  pick: { title: 'Pick a request', message: 'Choose a request from the queue to claim it, call, and record how it went.' },
  loading: { title: 'Call back request', message: 'Loading request…' },
  refusedTitle: 'Cannot show this request',
};
const NO_CLOCKS: Clocks = {};

/** Connector of the callbacks section: the queue and the open request. */
export function CallbackScreen({ store, client, callbackId, onNavigate, clocks = NO_CLOCKS }: CallbackScreenProps) {
  const state = useConsoleState(store);
  const { callbacks } = state;
  // "Overdue by 3 min" must move on its own, so tick faster than the inbox's clock.
  const now = useNow(15_000);
  const [action, setAction] = useState<Busy>(IDLE);
  const site = state.siteFilter;
  const [tagFilter, setTagFilter] = useState<string | null>(null);
  const { items: all, view } = callbacks;
  const allItems = useMemo(() => visibleCallbacks({ items: all, view }).filter((c) => !site || c.siteId === site), [all, view, site]);
  const tagging = useItemTags(client.tags, 'callback', allItems.map((c) => c.id).concat(callbackId ?? []));
  const items = tagFilter ? allItems.filter((c) => tagging.tags[c.id]?.includes(tagFilter)) : allItems;

  // Leaving the section closes the request, so nothing keeps re-reading it.
  useEffect(() => () => store.dispatch({ type: 'callbacks/closed' }), [store]);
  useEffect(() => {
    setAction(IDLE);
    if (callbackId) void client.callbacks.open(callbackId);
    else store.dispatch({ type: 'callbacks/closed' });
  }, [callbackId, client, store]);

  const run = async (call: Promise<Result<CallbackItem>>) => {
    setAction({ busy: true, error: null });
    const r = await call;
    setAction({ busy: false, error: r.ok ? null : r.message });
    return r.ok;
  };
  // The outbox's state shows busy and refusal; only a claim's own refusal is cleared here.
  const queued = (call: Promise<boolean>) => {
    setAction(IDLE);
    return call;
  };

  const open = callbacks.open && callbacks.open.id === callbackId ? callbacks.open : null;
  const item = callbackId ? callbacks.items[callbackId] : undefined;
  // Outcomes and new times go through the outbox: in flight, waiting for the connection, or refused.
  const actions = callbackId ? pendingActionsOn(state.pending, callbackId) : [];
  const unsent = actions.some((p) => p.state !== 'failed');
  const refused = actions.findLast((p) => p.state === 'failed')?.error ?? null;

  return (
    <div class={`panes cb-panes${callbackId ? ' has-open' : ''}`}>
      <CallbackQueue
        items={items}
        loaded={callbacks.loaded}
        view={callbacks.view}
        selectedId={callbackId}
        now={now}
        clocks={clocks}
        siteNames={siteNames(state.sites)}
        siteFilter={
          <>
            <SiteFilter sites={state.sites} value={site} onChange={(siteId) => store.dispatch({ type: 'site-filter', siteId })} />
            <TagFilter known={tagging.known} value={tagFilter} onChange={setTagFilter} />
          </>
        }
        onView={(view) => store.dispatch({ type: 'callbacks/view', view })}
        onOpen={(id) => onNavigate(callbackPath(id))}
      />
      <DetailSlot {...REQUEST_TEXTS} chosen={!!callbackId} error={open?.error}>
        {item && open && (
          <CallbackDetail
            item={item}
            tagBox={<ItemTagEditor key={item.id} tagging={tagging} itemId={item.id} what="request" id="cb-tags" />}
            attempts={open.attempts}
            conversations={open.conversations}
            loading={open.loading}
            loadError={open.error}
            selfId={state.agent?.id ?? null}
            now={now}
            clocks={clocks}
            busy={action.busy || unsent}
            waiting={unsent && state.connection !== 'online'}
            actionError={action.error ?? refused}
            onClaim={(takeOverFrom) => run(client.callbacks.claim(item.id, takeOverFrom))}
            onOutcome={(outcome: CallbackOutcome, note) => queued(client.callbacks.outcome(item.id, outcome, note.trim() || undefined))}
            onReschedule={(dueAt, note) => queued(client.callbacks.reschedule(item.id, dueAt, note.trim() || undefined))}
            onOpenConversation={(id) => onNavigate(conversationPath(id))}
          />
        )}
      </DetailSlot>
    </div>
  );
}
