import { describe, expect, it } from 'vitest';
import { expectAllDelivered, holdCut, reply, replyTexts, useCutScenario } from './console-outbox';

const beforeTheCut = useCutScenario();

describe('console outbox across a network cut', () => {
  it('delivers all 50 replies written during a 30 s cut of the agent\'s connection, once each, in order, with no button pressed', async () => {
    const { proxy, v, page } = await beforeTheCut();

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
