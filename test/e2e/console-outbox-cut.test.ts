import { afterEach, describe, expect, it } from 'vitest';
import { useE2e } from '../helpers/e2e';
import type { CutProxy } from '../helpers/cut-proxy';
import { beforeTheCut, expectAllDelivered, holdCut, reply, replyTexts } from './console-outbox';

const e2e = useE2e({ openAllDay: true });
let proxy: CutProxy | undefined;
afterEach(async () => {
  await proxy?.close();
});

describe('console outbox across a network cut', () => {
  it('delivers all 50 replies written during a 30 s cut of the agent\'s connection, once each, in order, with no button pressed', async () => {
    const start = await beforeTheCut(e2e);
    const { v, page } = start;
    proxy = start.proxy;

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
