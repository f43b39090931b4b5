import { render } from '@testing-library/preact';
import type { Ack, CallbackRequestInput, CallbackSlots, SiteStatus, VisitorCallback } from '../../../protocol/types';
import { CallbackScreen, type CallbackEnv } from '../../../widget/callback/callback-view';
import { FakeSocket } from '../helpers/fake-socket';
import { viewProps } from '../helpers/view-props';

/** Mon 24 Nov 2025, 22:00 in Yerevan (UTC+4): the site is closed until Tue 09:00 there. */
export const NOW = Date.parse('2025-11-24T18:00:00Z');
export const page = { url: 'https://shop.test/cart', title: 'Cart – Demo shop' };

/** Windows as the server sends them, in UTC; the last starts on Wednesday in Yerevan though Tuesday in UTC. */
export const closedSlots: CallbackSlots = {
  openNow: false,
  nextOpening: '2025-11-25T05:00:00.000Z',
  slots: [
    { start: '2025-11-25T05:00:00.000Z', end: '2025-11-25T05:30:00.000Z' },
    { start: '2025-11-25T06:00:00.000Z', end: '2025-11-25T06:30:00.000Z' },
    { start: '2025-11-25T19:30:00.000Z', end: '2025-11-25T20:00:00.000Z' },
    { start: '2025-11-25T20:00:00.000Z', end: '2025-11-25T20:30:00.000Z' },
  ],
};

export const yerevan: CallbackEnv = { zone: 'Asia/Yerevan', locale: 'en-GB', browserLocale: 'hy-AM', country: 'AM', now: () => NOW };

/** A stored request as the server answers it. */
export function stored(input: Partial<CallbackRequestInput> = {}, over: Partial<VisitorCallback> = {}): VisitorCallback {
  const when = input.when ?? { asap: true };
  const asap = 'asap' in when;
  const start = asap ? (closedSlots.nextOpening as string) : when.start;
  return {
    id: 'cb1',
    phone: '+420602123456',
    phoneDisplay: '+420 602 123 456',
    name: input.name ?? null,
    topic: input.topic ?? null,
    asap,
    dueAt: start,
    windowEnd: asap ? null : new Date(Date.parse(start) + 30 * 60_000).toISOString(),
    status: 'waiting',
    createdAt: '2025-11-24T18:00:00.000Z',
    updatedAt: '2025-11-24T18:00:00.000Z',
    ...over,
  };
}

type Reply = (payload: CallbackRequestInput) => Ack<unknown> | undefined;

export interface SetupOptions {
  slots?: CallbackSlots;
  mine?: VisitorCallback | null;
  answer?: Reply;
  online?: boolean;
  env?: CallbackEnv;
  /** Who is there, as the chat knows it. */
  status?: SiteStatus | null;
}

/** The view over a connected fake server that keeps one request. */
export function setup(o: SetupOptions = {}) {
  const socket = new FakeSocket(() => 'tok');
  const online = o.online ?? true;
  if (online) socket.accept();
  socket.reply('callback:slots', () => ({ ok: true, data: o.slots ?? closedSlots }));
  socket.reply('callback:mine', () => ({ ok: true, data: o.mine ?? null }));
  socket.reply('callback:request', o.answer ?? ((p) => ({ ok: true, data: stored(p) })));
  const utils = render(
    <CallbackScreen {...viewProps(socket, { online, page: () => page, newId: () => 'id1' })} env={o.env ?? yerevan} status={o.status} />,
  );
  return { socket, ...utils, sent: (event: Parameters<FakeSocket['requests']>[0]) => socket.requests(event) };
}
