import { afterEach, expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { Message } from '../../protocol/types';
import { useE2e } from '../helpers/e2e';
import { startCutProxy, type CutProxy } from '../helpers/cut-proxy';
import { visitor } from '../helpers/server';
import { signInAsAdmin } from './console-sign-in';

/** How long the agent's connection stays cut, as in the check that found the hole (issue 15). */
export const CUT_MS = 30_000;
export const REPLIES = 50;

/** A visitor (a real socket.io-client, straight to the relay) with a conversation, counting every agent message pushed to it. */
export async function visitorWithChat(relay: string) {
  const v = await visitor(relay);
  const received: Message[] = [];
  v.socket.on('message:new', (m) => {
    if (m.author === 'agent') received.push(m);
  });
  const first = await v.socket.emitWithAck('message:send', { id: `q-${Date.now()}`, conversationId: null, text: 'Is anyone there?' });
  if (!first.ok) throw new Error(`visitor message refused: ${first.code}`);
  return { ...v, received, conversationId: first.data.conversationId };
}

/** Signs in on the console page served through the proxy and opens the visitor's conversation. */
export async function openConsole(page: Page, proxy: CutProxy, conversationId: string) {
  await signInAsAdmin(page, `${proxy.url}/console/c/${conversationId}`);
  await page.getByRole('log').getByText('Is anyone there?').waitFor();
}

/** Types and sends one reply per text, with Enter, as an agent would. */
export async function reply(page: Page, texts: string[]) {
  const box = page.getByRole('textbox', { name: 'Reply' });
  for (const text of texts) {
    await box.fill(text);
    await box.press('Enter');
  }
}

export const replyTexts = Array.from({ length: REPLIES }, (_, i) => `Reply ${i + 1} of ${REPLIES}`);

/** What the visitor must end up with: every reply once, in the order written, and the console showing none unsent. */
export async function expectAllDelivered(page: Page, received: Message[]) {
  await expect.poll(() => received.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(REPLIES);
  // Anything sent twice would arrive by now too.
  await page.getByRole('log').getByText(replyTexts.at(-1)!, { exact: true }).waitFor();
  expect(received.map((m) => m.text)).toEqual(replyTexts);
  expect(new Set(received.map((m) => m.id)).size).toBe(REPLIES);
  expect(received.map((m) => m.seq)).toEqual([...received.map((m) => m.seq)].sort((a, b) => a - b));
  await expect.poll(() => page.getByText('Sending…').count()).toBe(0);
  expect(await page.getByText(/^Failed/).count()).toBe(0);
}

/** Holds the cut until `CUT_MS` after it began, checking meanwhile that nothing is shown as failed. */
export async function holdCut(page: Page, since: number) {
  while (Date.now() - since < CUT_MS) {
    expect(await page.getByText(/^Failed/).allTextContents()).toEqual([]);
    await new Promise((r) => setTimeout(r, Math.min(2000, CUT_MS - (Date.now() - since))));
  }
}

/** Cuts the agent's connection and writes the other 40 replies meanwhile, all shown as sending; returns when the cut began. */
export async function writeDuringCut(page: Page, proxy: CutProxy) {
  const since = Date.now();
  proxy.cut();
  await reply(page, replyTexts.slice(10));
  await expect.poll(() => page.getByText('Sending…').count()).toBe(40);
  return since;
}

/** Holds the cut to its end with the visitor still at the 10 sent before it, heals it, and expects all 50 delivered. */
export async function healAndExpectAll(page: Page, proxy: CutProxy, v: Awaited<ReturnType<typeof visitorWithChat>>, since: number) {
  await holdCut(page, since);
  expect(v.received.length).toBe(10);
  proxy.heal();
  await expectAllDelivered(page, v.received);
  v.socket.disconnect();
}

/**
 * Registers a test file's server and Chromium, and returns the start of both cut tests: a proxy in
 * front of the relay (closed after the test), a visitor with a conversation, the console open on it
 * through the proxy, and the first 10 replies delivered before the cut.
 */
export function useCutScenario() {
  const e2e = useE2e({ openAllDay: true });
  let proxy: CutProxy | undefined;
  afterEach(async () => {
    await proxy?.close();
  });
  return async function beforeTheCut() {
    proxy = await startCutProxy(e2e.server.url);
    const v = await visitorWithChat(e2e.server.url);
    const page = await e2e.newPage();
    await openConsole(page, proxy, v.conversationId);
    await reply(page, replyTexts.slice(0, 10));
    await expect.poll(() => v.received.length).toBe(10);
    return { proxy, v, page };
  };
}
