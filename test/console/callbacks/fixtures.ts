import type { CallbackAttempt, CallbackItem, ConversationSummary } from '../../../protocol/types';
import type { FakeSocket } from '../fake-socket';

/** A call back request fixture: Ana, waiting, due at 10:00 UTC on 1 Jan 2025, unless told otherwise. */
export function callback(id: string, over: Partial<CallbackItem> = {}): CallbackItem {
  return {
    id,
    phone: '+420602123456',
    phoneDisplay: '+420 602 123 456',
    name: 'Ana',
    topic: 'Order 1042 never arrived',
    asap: false,
    dueAt: '2025-01-01T10:00:00.000Z',
    windowEnd: null,
    status: 'waiting',
    createdAt: '2025-01-01T09:00:00.000Z',
    updatedAt: '2025-01-01T09:00:00.000Z',
    siteId: 'demo',
    visitorId: `v-${id}`,
    visitorName: 'Ana',
    claimedBy: null,
    attempts: 0,
    pageUrl: 'https://shop.example/checkout',
    pageTitle: 'Checkout',
    visitorTimezone: 'Asia/Yerevan',
    visitorLocale: 'hy-AM',
    ...over,
  };
}

/** An attempt fixture. */
export function attempt(id: string, over: Partial<CallbackAttempt> = {}): CallbackAttempt {
  return { id, agentName: 'Alex', outcome: 'no_answer', note: null, dueAt: null, createdAt: '2025-01-01T10:05:00.000Z', ...over };
}

/** Scripts a fake callback server over a mutable list; `callback:list` filters and orders as the real one does. */
export function serveCallbacks(
  socket: FakeSocket,
  all: CallbackItem[],
  attempts: Record<string, CallbackAttempt[]> = {},
  conversations: Record<string, ConversationSummary[]> = {},
) {
  const open = (c: CallbackItem) => c.status === 'waiting' || c.status === 'rescheduled';
  socket
    .answer('callback:list', (p) => ({
      ok: true,
      data: all.filter((c) => p.status === 'all' || open(c)).sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt)),
    }))
    .answer('callback:get', (p) => {
      const item = all.find((c) => c.id === p.callbackId);
      if (!item) return { ok: false, code: 'not_found', message: 'No such call back request.' };
      return { ok: true, data: { item, attempts: attempts[item.id] ?? [], conversations: conversations[item.id] ?? [] } };
    });
  return socket;
}
