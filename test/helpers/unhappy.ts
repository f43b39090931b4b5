import { createHmac } from 'node:crypto';
import { nanoid } from 'nanoid';
import { expect } from 'vitest';
import { agent, visitor, type AgentSocket, type ServerFixture } from './server';

export const EMAIL = 'eve.unique-4711@example.test';
export const CHAT = 'My parcel PARCEL-ZQX-93 never came <b>bold</b>';
export const COMPLAINT = 'Terrible service COMPLAINT-QQW-17';
export const PHONE = '602 987 321';
const page = { url: 'http://shop.test/orders/ORDER-PAGE-55', title: 'Orders' };

async function secretOf(a: AgentSocket): Promise<string> {
  const res = await a.emitWithAck('site:identity', { siteId: 'demo' });
  if (!res.ok) throw new Error(res.message);
  return res.data.secret;
}

/** One person: identified with a verified hash, chats, complains with 1 star, asks for a call back the agent cannot reach. */
export async function unhappyCustomer(t: Pick<ServerFixture, 'server' | 'track'>) {
  const desk = t.track(await agent(t.server.url));
  const secret = await secretOf(desk);
  const v = await visitor(t.server.url);
  t.track(v.socket);
  const hash = createHmac('sha256', secret).update('cust-1').digest('hex');
  const id = await v.socket.emitWithAck('visitor:identify', { id: 'cust-1', email: EMAIL, name: 'Eve Unique', hash });
  expect(id.ok).toBe(true);
  const sent = await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: CHAT });
  if (!sent.ok) throw new Error(sent.message);
  const fb = await v.socket.emitWithAck('feedback:send', {
    rating: 1,
    category: 'complaint',
    text: COMPLAINT,
    contact: { mode: 'reply', name: 'Eve Unique', email: EMAIL },
    page,
    locale: 'en',
  });
  if (!fb.ok) throw new Error(fb.message);
  const cb = await v.socket.emitWithAck('callback:request', { phone: PHONE, country: 'CZ', when: { asap: true }, page });
  if (!cb.ok) throw new Error(cb.message);
  expect((await desk.emitWithAck('callback:claim', { callbackId: cb.data.id })).ok).toBe(true);
  expect((await desk.emitWithAck('callback:outcome', { callbackId: cb.data.id, outcome: 'no_answer' })).ok).toBe(true);
  const contactId = (await t.server.store.getVisitor(v.hello.visitorId))!.contactId!;
  expect(contactId).toBeTruthy();
  return { v, contactId, conversationId: sent.data.conversationId, feedbackId: fb.data.id, callbackId: cb.data.id };
}
