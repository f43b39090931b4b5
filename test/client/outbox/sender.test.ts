import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../client/request';
import { isTransient, startOutbox, type OutboxQueue } from '../../../client/outbox/sender';

type Entry = { id: string; text: string; state: 'queued' | 'sending' | 'failed'; error?: string };

/** A plain in-memory queue: the outbox is store-agnostic, so a test can hold the queue itself. */
function memoryQueue(texts: string[]) {
  const entries: Entry[] = texts.map((text, i) => ({ id: `m${i + 1}`, text, state: 'queued' }));
  const listeners = new Set<() => void>();
  let online = false;
  const notify = () => [...listeners].forEach((l) => l());
  const queue: OutboxQueue<Entry> = {
    next: () => (entries.some((e) => e.state === 'sending') ? null : (entries.find((e) => e.state === 'queued') ?? null)),
    online: () => online,
    mark(id, state, refusal) {
      const e = entries.find((x) => x.id === id)!;
      e.state = state;
      e.error = refusal?.message;
      notify();
    },
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  const stored = (_: string, e: Entry) => {
    entries.splice(entries.indexOf(e), 1);
    notify();
  };
  return { entries, queue, stored, setOnline: (v: boolean) => ((online = v), notify()) };
}

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  vi.useRealTimers();
});

describe('client outbox', () => {
  it('sends nothing while offline, then each command in order, one at a time', async () => {
    const q = memoryQueue(['one', 'two', 'three']);
    const sent: string[] = [];
    let inFlight = 0;
    stop = startOutbox(
      q.queue,
      async (e): Promise<Result<string>> => {
        inFlight++;
        expect(inFlight).toBe(1);
        sent.push(e.text);
        await Promise.resolve();
        inFlight--;
        return { ok: true, data: e.id };
      },
      q.stored,
    );
    await Promise.resolve();
    expect(sent).toEqual([]);
    q.setOnline(true);
    await vi.waitFor(() => expect(q.entries).toEqual([]));
    expect(sent).toEqual(['one', 'two', 'three']);
  });

  it('retries a transient failure with the same id after a backoff, and at once after a reconnect', async () => {
    vi.useFakeTimers();
    const q = memoryQueue(['hello']);
    const ids: string[] = [];
    const answers: Result<string>[] = [
      { ok: false, code: 'rate_limited', message: 'Slow down.' },
      { ok: false, code: 'timeout', message: 'No answer from the server.' },
      { ok: true, data: 'stored' },
    ];
    stop = startOutbox(q.queue, async (e) => (ids.push(e.id), answers.shift()!), q.stored);
    q.setOnline(true);
    await vi.waitFor(() => expect(ids).toHaveLength(1));
    expect(q.entries[0]!.state).toBe('queued');
    await vi.advanceTimersByTimeAsync(2000);
    expect(ids).toHaveLength(2);
    // The connection drops and comes back: the queue does not wait out the next backoff.
    q.setOnline(false);
    q.setOnline(true);
    await vi.waitFor(() => expect(q.entries).toEqual([]));
    expect(ids).toEqual(['m1', 'm1', 'm1']);
  });

  it('marks a command failed with the reason on a refusal retrying cannot fix, and goes on with the next', async () => {
    const q = memoryQueue(['too long', 'fine']);
    const sent: string[] = [];
    stop = startOutbox(
      q.queue,
      async (e): Promise<Result<string>> => {
        sent.push(e.text);
        return e.text === 'fine' ? { ok: true, data: e.id } : { ok: false, code: 'too_long', message: 'Too long.' };
      },
      q.stored,
    );
    q.setOnline(true);
    await vi.waitFor(() => expect(q.entries).toHaveLength(1));
    expect(q.entries[0]).toMatchObject({ id: 'm1', state: 'failed', error: 'Too long.' });
    expect(sent).toEqual(['too long', 'fine']);
  });

  it("keeps a command queued while the server's database is down (`unavailable`), and sends it once it is back", async () => {
    vi.useFakeTimers();
    const q = memoryQueue(['hello', 'after']);
    const ids: string[] = [];
    const down: Result<string> = { ok: false, code: 'unavailable', message: 'The database is not answering.' };
    const answers: Result<string>[] = [down, down, { ok: true, data: 'stored' }, { ok: true, data: 'stored' }];
    stop = startOutbox(q.queue, async (e) => (ids.push(e.id), answers.shift()!), q.stored);
    q.setOnline(true);
    await vi.waitFor(() => expect(ids).toHaveLength(1));
    // Not failed, and the next one waits behind it: order is kept.
    expect(q.entries.map((e) => e.state)).toEqual(['queued', 'queued']);
    await vi.advanceTimersByTimeAsync(2000);
    expect(ids).toEqual(['m1', 'm1']);
    await vi.advanceTimersByTimeAsync(4000);
    await vi.waitFor(() => expect(q.entries).toEqual([]));
    expect(ids).toEqual(['m1', 'm1', 'm1', 'm2']);
  });

  it('retries only what the server may still take: no answer, rate limits, its own trouble and its database being down', () => {
    expect(['timeout', 'rate_limited', 'internal', 'unavailable'].every((c) => isTransient(c as never))).toBe(true);
    for (const code of [
      'invalid_payload',
      'too_long',
      'forbidden',
      'not_found',
      'duplicate_id',
      'unauthorized',
      'email_not_configured',
    ] as const) {
      expect(isTransient(code)).toBe(false);
    }
  });
});
