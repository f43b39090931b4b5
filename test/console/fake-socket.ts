import type { Ack, ConversationSummary, Message, VisitorProfile } from '../../protocol/types';
import type { AgentSocket } from '../../console/net/agent-socket';
import { FakeSocketBase } from '../helpers/fake-socket-base';

type Handler = (...args: any[]) => void;
type Answer = (payload: any) => Ack<unknown> | Promise<Ack<unknown>>;

/**
 * A stand-in for the agent socket at the edge: records requests, answers them with
 * scripted acks, and lets a test push server events.
 */
export class FakeSocket extends FakeSocketBase<AgentSocket> {
  readonly requests: { event: string; payload: any }[] = [];
  private answers = new Map<string, Answer>();
  private waiters: { event: string; resolve: (payload: any) => void }[] = [];

  /** Scripts the ack of an event. */
  answer(event: string, fn: Answer): this {
    this.answers.set(event, fn);
    return this;
  }

  /** Resolves with the payload of the next request for `event`. */
  nextRequest(event: string): Promise<any> {
    return new Promise((resolve) => this.waiters.push({ event, resolve }));
  }

  off(event: string, fn?: Handler) {
    if (fn) this.handlers.set(event, (this.handlers.get(event) ?? []).filter((h) => h !== fn));
    else this.handlers.delete(event);
    return this;
  }

  listenerCount(): number {
    let n = 0;
    for (const list of this.handlers.values()) n += list.length;
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
    ...over,
  };
}
