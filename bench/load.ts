import { performance } from 'node:perf_hooks';
import { nanoid } from 'nanoid';
import { io, type Socket } from 'socket.io-client';
import { percentile } from './stats';

export interface Visitor {
  socket: Socket;
  conversationId: string | null;
}

/** Connects `n` visitors over WebSocket, a batch at a time, each greeting like the widget. */
export async function connectVisitors(url: string, n: number, batch = 100): Promise<Visitor[]> {
  const visitors: Visitor[] = [];
  for (let i = 0; i < n; i += batch) {
    const wave = Array.from({ length: Math.min(batch, n - i) }, async () => {
      const socket = io(`${url}/visitor`, { auth: { siteId: 'demo' }, transports: ['websocket'], forceNew: true, reconnection: false });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      await socket.emitWithAck('visitor:hello', { page: { url: 'http://bench.test/', title: 'Bench' }, language: 'en', timezone: 'UTC' });
      return { socket, conversationId: null };
    });
    visitors.push(...(await Promise.all(wave)));
  }
  return visitors;
}

/** An agent socket; `cookie` authenticates it on Earshot, the bare relay ignores it. */
export async function connectAgent(url: string, cookie?: string): Promise<Socket> {
  const socket = io(`${url}/agent`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: cookie ? { cookie } : {},
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

export interface RateResult {
  target: number;
  achieved: number;
  sent: number;
  acked: number;
  delivered: number;
  duplicates: number;
  p50: number;
  p95: number;
  p99: number;
}

/**
 * Sends `rate` messages a second for `seconds`, round-robin over the visitors, and
 * measures visitor→agent latency from send to the agent's `message:new`.
 */
export async function runAtRate(visitors: Visitor[], agent: Socket, rate: number, seconds: number): Promise<RateResult> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let delivered = 0;
  let duplicates = 0;
  let acked = 0;
  const onMessage = (m: { id: string }) => {
    const t = sentAt.get(m.id);
    if (t === undefined) return;
    if (t < 0) return void duplicates++;
    latencies.push(performance.now() - t);
    sentAt.set(m.id, -1);
    delivered++;
  };
  agent.on('message:new', onMessage);
  let sent = 0;
  let next = 0;
  const start = performance.now();
  const total = rate * seconds;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
      for (; sent < due; sent++) {
        const v = visitors[next++ % visitors.length]!;
        const id = nanoid();
        sentAt.set(id, performance.now());
        v.socket.emit(
          'message:send',
          { id, conversationId: v.conversationId, text: `bench message ${sent}` },
          (res: { ok: boolean; data?: { conversationId: string } }) => {
            if (!res.ok) return;
            acked++;
            v.conversationId ??= res.data!.conversationId;
          },
        );
      }
      if (sent >= total) {
        clearInterval(tick);
        resolve();
      }
    }, 2);
  });
  const elapsed = (performance.now() - start) / 1000;
  // Drain: wait until everything arrived, or give up after 5 s (the rest counts as lost).
  const drainUntil = performance.now() + 5000;
  while ((delivered < sent || acked < sent) && performance.now() < drainUntil) await new Promise((r) => setTimeout(r, 20));
  agent.off('message:new', onMessage);
  return {
    target: rate,
    achieved: Math.round(sent / elapsed),
    sent,
    acked,
    delivered,
    duplicates,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

export interface SaturatedResult {
  sent: number;
  acked: number;
  delivered: number;
  duplicates: number;
  /** Messages the agent received a second, over the run. */
  deliveredPerSecond: number;
}

/**
 * As many messages as the relay takes for `seconds`, closed loop: each visitor sends its next
 * message when the last is acked, as a person waits for their message to show as sent. The
 * load stays bounded (one message in flight per visitor), so a slow setup is measured at its
 * own pace instead of piling up a backlog; counts deliveries that arrive within the run.
 */
export async function runSaturated(visitors: Visitor[], agent: Socket, seconds: number): Promise<SaturatedResult> {
  const pending = new Set<string>();
  const seen = new Set<string>();
  let inRun = 0;
  let duplicates = 0;
  let acked = 0;
  let sent = 0;
  let open = true;
  const onMessage = (m: { id: string }) => {
    if (pending.delete(m.id)) {
      seen.add(m.id);
      if (open) inRun++;
    } else if (seen.has(m.id)) duplicates++;
  };
  agent.on('message:new', onMessage);
  const start = performance.now();
  const end = start + seconds * 1000;
  const sendOne = async (v: Visitor) => {
    const id = nanoid();
    pending.add(id);
    sent++;
    const payload = { id, conversationId: v.conversationId, text: `bench message ${sent}` };
    const res = (await v.socket
      .timeout(10_000)
      .emitWithAck('message:send', payload)
      .catch(() => null)) as Ack | null;
    if (!res?.ok) return;
    acked++;
    v.conversationId ??= res.data!.conversationId;
  };
  await Promise.all(
    visitors.map(async (v) => {
      while (performance.now() < end) await sendOne(v);
    }),
  );
  open = false;
  const elapsed = (performance.now() - start) / 1000;
  // Every ack is in; what the agent gets from now on counts as delivered, not as within the run.
  const drainUntil = performance.now() + 5000;
  while (pending.size > 0 && performance.now() < drainUntil) await new Promise((r) => setTimeout(r, 20));
  agent.off('message:new', onMessage);
  return { sent, acked, delivered: seen.size, duplicates, deliveredPerSecond: inRun / elapsed };
}

type Ack = { ok: boolean; data?: { conversationId: string } };
