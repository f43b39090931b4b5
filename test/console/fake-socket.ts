import type { Payload } from '../../client/request';
import type { AgentClientEvents } from '../../protocol/events';
import type { Ack, ConversationSummary, Message, VisitorProfile } from '../../protocol/types';
import type { AgentSocket } from '../../console/net/agent-socket';

/** A request the console may make, and what it sends with it. */
type Event = keyof AgentClientEvents;
type PayloadOf<E extends Event> = Payload<AgentClientEvents, E>;
type Handler = (...args: never[]) => void;
type Answer<E extends Event> = (payload: PayloadOf<E>) => Ack<unknown> | Promise<Ack<unknown>>;
type AnyAnswer = (payload: unknown) => Ack<unknown> | Promise<Ack<unknown>>;

/**
 * A stand-in for the agent socket at the edge: records requests, answers them with
 * scripted acks, and lets a test push server events.
 */
export class FakeSocket {
  connected = false;
  active = false;
  readonly requests: { event: string; payload: unknown }[] = [];
  private handlers = new Map<string, Set<Handler>>();
  private answers = new Map<string, AnyAnswer>();
  private waiters: { event: string; resolve: (payload: unknown) => void }[] = [];

  /** Scripts the ack of an event. */
  answer<E extends Event>(event: E, fn: Answer<E>): this {
    this.answers.set(event, fn as AnyAnswer);
    return this;
  }

  /** The payloads of every request made for `event`, in order. */
  sent<E extends Event>(event: E): PayloadOf<E>[] {
    return this.requests.filter((r) => r.event === event).map((r) => r.payload as PayloadOf<E>);
  }

  /** Resolves with the payload of the next request for `event`. */
  nextRequest<E extends Event>(event: E): Promise<PayloadOf<E>> {
    return new Promise((resolve) => this.waiters.push({ event, resolve: (p) => resolve(p as PayloadOf<E>) }));
  }

  on(event: string, fn: Handler) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(fn);
    return this;
  }

  off(event: string, fn?: Handler) {
    if (fn) this.handlers.get(event)?.delete(fn);
    else this.handlers.delete(event);
    return this;
  }

  listenerCount(): number {
    let n = 0;
    for (const set of this.handlers.values()) n += set.size;
    return n;
  }

  connect() {
    this.active = true;
    return this;
  }

  disconnect() {
    this.active = false;
    this.connected = false;
    return this;
  }

  timeout(_ms: number) {
    return { emitWithAck: (event: string, payload: unknown) => this.request(event, payload) };
  }

  /** The server accepts the connection. */
  serverConnect() {
    this.connected = true;
    this.push('connect');
  }

  /** The connection drops. */
  drop() {
    this.connected = false;
    this.push('disconnect', 'transport close');
  }

  /** A server push (or a reserved event such as `connect_error`). */
  push(event: string, ...args: unknown[]) {
    for (const fn of [...(this.handlers.get(event) ?? [])]) (fn as (...a: unknown[]) => void)(...args);
  }

  private async request(event: string, payload: unknown): Promise<Ack<unknown>> {
    this.requests.push({ event, payload });
    for (const w of this.waiters.filter((w) => w.event === event)) {
      this.waiters.splice(this.waiters.indexOf(w), 1);
      w.resolve(payload);
    }
    const fn = this.answers.get(event);
    if (!fn) return { ok: false, code: 'unknown_event', message: `No answer scripted for ${event}.` };
    return fn(payload);
  }

  asSocket(): AgentSocket {
    return this as unknown as AgentSocket;
  }
}

/** A message fixture. */
export function msg(seq: number, over: Partial<Message> = {}): Message {
  return {
    id: `m${seq}`,
    conversationId: 'c1',
    seq,
    author: 'visitor',
    authorName: null,
    text: `message ${seq}`,
    createdAt: new Date(Date.UTC(2025, 0, 1, 10, seq)).toISOString(),
    ...over,
  };
}

/** An inbox row fixture. */
export function row(id: string, over: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    id,
    siteId: 'demo',
    siteName: 'Demo shop',
    visitorId: `v-${id}`,
    visitorName: `Visitor ${id}`,
    status: 'pending',
    lastSeq: 1,
    lastMessage: { text: `hello from ${id}`, author: 'visitor', createdAt: '2025-01-01T10:00:00.000Z' },
    unread: 0,
    survey: null,
    assignee: null,
    handoff: null,
    createdAt: '2025-01-01T09:00:00.000Z',
    updatedAt: '2025-01-01T10:00:00.000Z',
    ...over,
  };
}

/** A visitor profile fixture. */
export function profile(over: Partial<VisitorProfile> = {}): VisitorProfile {
  return {
    id: 'v-c1',
    siteId: 'demo',
    displayName: 'Amber Marten',
    name: null,
    email: null,
    pageUrl: 'https://shop.example/pricing',
    pageTitle: 'Pricing',
    referrer: 'https://search.example/',
    browser: 'Firefox 128',
    os: 'Windows 11',
    language: 'cs-CZ',
    timezone: 'Europe/Prague',
    firstSeenAt: '2025-01-01T09:00:00.000Z',
    lastSeenAt: '2025-01-01T10:00:00.000Z',
    visits: 3,
    online: true,
    sendsEmail: true,
    identity: null,
    externalId: null,
    contactId: null,
    phone: null,
    ...over,
  };
}
