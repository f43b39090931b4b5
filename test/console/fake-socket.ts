import type { Payload } from '../../client/request';
import type { AgentClientEvents } from '../../protocol/events';
import type { Ack, ConversationSummary, VisitorProfile } from '../../protocol/types';
import type { AgentSocket } from '../../console/net/agent-socket';
import { FakeSocketCore } from '../helpers/fake-socket-core';
import { storedMessage } from '../helpers/messages';

/** A request the console may make, and what it sends with it. */
type Event = keyof AgentClientEvents;
type PayloadOf<E extends Event> = Payload<AgentClientEvents, E>;
type Answer<E extends Event> = (payload: PayloadOf<E>) => Ack<unknown> | Promise<Ack<unknown>>;
type AnyAnswer = (payload: unknown) => Ack<unknown> | Promise<Ack<unknown>>;

/**
 * A stand-in for the agent socket at the edge: records requests, answers them with
 * scripted acks, and lets a test push server events.
 */
export class FakeSocket extends FakeSocketCore<AgentSocket> {
  readonly requests: { event: string; payload: unknown }[] = [];
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
    this.deliver(event, ...args);
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

/** A message fixture: the visitor's, a minute apart. */
export const msg = storedMessage;

/** An inbox row fixture. */
export function row(id: string, over: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    id,
    siteId: 'demo',
    siteName: 'Demo shop',
    visitorId: `v-${id}`,
    visitorName: `Visitor ${id}`,
    status: 'pending',
    channel: 'chat',
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
    identity: null,
    externalId: null,
    contactId: null,
    phone: null,
    ...over,
  };
}
