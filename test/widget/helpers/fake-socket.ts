import type { Payload } from '../../../client/request';
import type { VisitorClientEvents } from '../../../protocol/events';
import type { Ack, HelloResult, Message, SitePublic, SiteStatus } from '../../../protocol/types';
import type { VisitorSocket } from '../../../widget/net/socket';
import { FakeSocketCore } from '../../helpers/fake-socket-core';
import { storedMessage } from '../../helpers/messages';

/** A request the widget may make, and what it sends with it. */
type Event = keyof VisitorClientEvents;
type PayloadOf<E extends Event> = Payload<VisitorClientEvents, E>;
type Reply<E extends Event> = (payload: PayloadOf<E>) => Ack<unknown> | Promise<Ack<unknown>> | undefined;

/** A request the fake server has not answered yet. */
export interface Pending {
  event: string;
  payload: unknown;
  resolve(ack: Ack<unknown>): void;
}

/**
 * A socket.io-client stand-in at the edge of the widget: tests play the server by
 * answering requests, emitting server events and dropping the connection.
 */
export class FakeSocket extends FakeSocketCore<VisitorSocket> {
  connectCalls = 0;
  /** Every request, answered or not, in order. */
  sent: { event: string; payload: unknown }[] = [];
  pending: Pending[] = [];
  private replies = new Map<string, (payload: unknown) => ReturnType<Reply<Event>>>();
  /** Whether `connect()` succeeds by itself (in a microtask, like the network would). */
  autoAccept = true;

  constructor(readonly token: () => string | null) {
    super();
  }

  /** Delivers a server event (or a reserved one like `connect_error`) to the widget. */
  fire(event: string, ...args: unknown[]) {
    this.deliver(event, ...args);
  }
  connect() {
    this.connectCalls++;
    if (this.autoAccept) queueMicrotask(() => this.accept());
    return this;
  }
  accept() {
    this.connected = true;
    this.active = true;
    this.fire('connect');
  }
  disconnect() {
    this.drop('io client disconnect');
    this.active = false;
    return this;
  }
  /** The connection breaks: pending acks fail at once, as socket.io-client does. */
  drop(reason = 'transport close') {
    if (!this.connected) return;
    this.connected = false;
    for (const p of this.pending.splice(0)) p.resolve(Promise.reject(new Error('socket has been disconnected')) as never);
    this.fire('disconnect', reason);
  }
  /** Answers every future `event` with `reply` (returning undefined leaves it pending). */
  reply<E extends Event>(event: E, reply: Reply<E>) {
    this.replies.set(event, reply as (payload: unknown) => ReturnType<Reply<E>>);
  }
  timeout(_ms: number) {
    return {
      emitWithAck: (event: string, payload: unknown) =>
        new Promise((resolve, reject) => {
          this.sent.push({ event, payload });
          // Not connected: the real client would buffer it until its timeout fires.
          if (!this.connected) return reject(new Error('operation has timed out'));
          const answer = this.replies.get(event)?.(payload);
          if (answer) return void Promise.resolve(answer).then(resolve);
          this.pending.push({
            event,
            payload,
            resolve: (ack) => void Promise.resolve(ack).then(resolve, reject),
          });
        }),
    };
  }
  /** Requests made for one event. */
  requests<E extends Event>(event: E): PayloadOf<E>[] {
    return this.sent.filter((s) => s.event === event).map((s) => s.payload as PayloadOf<E>);
  }
}

export const site: SitePublic = {
  id: 'demo',
  name: 'Demo shop',
  greeting: 'Hi there!',
  color: '#3b4cca',
  channels: { chat: true, callback: true, feedback: true },
  awayMessage: 'We are away.',
  waitSeconds: 120,
  surveyEnabled: true,
  sendsEmail: true,
};

/** Someone is there to answer. */
export const online: SiteStatus = { available: true, openNow: true, agentsOnline: 1, typicalReplyMinutes: null };

/** A hello answer; a new visitor by default, with someone online. */
export function helloResult(over: Partial<HelloResult> = {}): Ack<HelloResult> {
  return {
    ok: true,
    data: { token: 'tok-new', visitorId: 'v1', name: null, email: null, site, status: online, conversation: null, identity: null, ...over },
  };
}

/** A stored message: the agent Ada's, all at one time. */
export function message(seq: number, over: Partial<Message> = {}): Message {
  return storedMessage(seq, { author: 'agent', authorName: 'Ada', createdAt: '2024-05-01T10:00:00.000Z', ...over });
}
