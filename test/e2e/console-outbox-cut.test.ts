import { afterEach, describe, expect, it } from 'vitest';
import { useE2e } from '../helpers/e2e';
import { startCutProxy, type CutProxy } from '../helpers/cut-proxy';
import { expectAllDelivered, holdCut, openConsole, reply, replyTexts, visitorWithChat } from './console-outbox';

const e2e = useE2e({ openAllDay: true });
let proxy: CutProxy | undefined;
afterEach(async () => {
  await proxy?.close();
});

describe('console outbox across a network cut', () => {
  it('delivers all 50 replies written during a 30 s cut of the agent\'s connection, once each, in order, with no button pressed', async () => {
    proxy = await startCutProxy(e2e.server.url);
    const v = await visitorWithChat(e2e.server.url);
    const page = await e2e.newPage();
    await openConsole(page, proxy, v.conversationId);

    await reply(page, replyTexts.slice(0, 10));
    await expect.poll(() => v.received.length).toBe(10);

    const since = Date.now();
    proxy.cut();
    await reply(page, replyTexts.slice(10));
    // Written while cut: on screen as sending, none failed, none delivered yet.
    await expect.poll(() => page.getByText('Sending…').count()).toBe(40);
    await holdCut(page, since);
    expect(v.received.length).toBe(10);
    proxy.heal();

    await expectAllDelivered(page, v.received);
    v.socket.disconnect();
  }, 150_000);
});
