import type { FeedbackCursor, FeedbackFilter, FeedbackItem, FeedbackReply, FeedbackStats } from '../../../protocol/types';
import type { FakeSocket } from '../fake-socket';

/** A feedback fixture: an unhappy complaint from Ana unless told otherwise. */
export function item(id: string, over: Partial<FeedbackItem> = {}): FeedbackItem {
  const base: FeedbackItem = {
    id,
    siteId: 'demo',
    rating: 1,
    category: 'complaint',
    text: `text of ${id}`,
    name: 'Ana',
    email: 'ana@example.com',
    pageUrl: 'https://shop.example/checkout',
    pageTitle: 'Checkout',
    locale: 'en',
    status: 'new',
    unhappy: true,
    createdAt: '2025-01-01T10:00:00.000Z',
    updatedAt: '2025-01-01T10:00:00.000Z',
  };
  const f = { ...base, ...over };
  return { ...f, unhappy: over.unhappy ?? (f.category === 'complaint' || (f.rating !== null && f.rating <= 2)) };
}

/** A reply fixture. */
export function reply(id: string, feedbackId: string, over: Partial<FeedbackReply> = {}): FeedbackReply {
  return { id, feedbackId, agentName: 'Alex', text: `reply ${id}`, createdAt: '2025-01-01T11:00:00.000Z', emailStatus: 'pending', ...over };
}

/** Thirty days of stats with the given averages on the first days, nothing else. */
export function stats(averages: (number | null)[] = [], categories: Partial<FeedbackStats['categories']> = {}): FeedbackStats {
  const days = Array.from({ length: 30 }, (_, i) => {
    const average = averages[i] ?? null;
    return { date: new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10), average, count: average === null ? 0 : 1 };
  });
  return { days, categories: { complaint: 0, praise: 0, idea: 0, question: 0, ...categories } };
}

/** What the real server answers to `feedback:list`, written out independently of the console's matcher. */
export function serverFilter(all: FeedbackItem[], f: FeedbackFilter): FeedbackItem[] {
  return all.filter(
    (x) =>
      (!f.status || f.status === 'all' || x.status === f.status) &&
      (!f.category || x.category === f.category) &&
      (!f.unhappy || (x.rating !== null && x.rating <= 2)) &&
      (!f.page || (x.pageUrl ?? '').includes(f.page)),
  );
}

/** What the real server answers to `feedback:list` with a page: newest first, ties by id descending, after `before`. */
export function serverPage(all: FeedbackItem[], p: FeedbackFilter & { limit?: number; before?: FeedbackCursor }): FeedbackItem[] {
  const { before } = p;
  const sorted = serverFilter(all, p).sort((a, b) => (a.createdAt === b.createdAt ? cmp(b.id, a.id) : cmp(b.createdAt, a.createdAt)));
  const after = before
    ? sorted.filter((x) => x.createdAt < before.createdAt || (x.createdAt === before.createdAt && x.id < before.id))
    : sorted;
  return after.slice(0, p.limit ?? 500);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Scripts a fake feedback server over a mutable list of items. */
export function serveFeedback(
  socket: FakeSocket,
  all: FeedbackItem[],
  opts: { emailConfigured?: boolean; replies?: Record<string, FeedbackReply[]> } = {},
) {
  const replies = opts.replies ?? {};
  socket
    .answer('server:status', () => ({ ok: true, data: { emailConfigured: opts.emailConfigured ?? true } }))
    .answer('feedback:list', (p) => ({ ok: true, data: serverPage(all, p) }))
    .answer('feedback:stats', () => ({ ok: true, data: stats([4, 2], { complaint: 2, praise: 1 }) }))
    .answer('feedback:newCount', () => ({ ok: true, data: all.filter((x) => x.status === 'new').length }))
    .answer('feedback:get', (p) => {
      const found = all.find((x) => x.id === p.feedbackId);
      return found
        ? { ok: true, data: { item: found, replies: replies[found.id] ?? [] } }
        : { ok: false, code: 'not_found', message: 'No such feedback.' };
    });
  return socket;
}
