import { describe, expect, it } from 'vitest';
import { healAndExpectAll, replyTexts, useCutScenario, writeDuringCut } from './console-outbox';

const beforeTheCut = useCutScenario();

describe('console outbox across a network cut and a reload', () => {
  // What it models: the agent's socket is cut (a proxy or Wi-Fi that drops long-lived
  // connections) while plain HTTP still reaches the relay, and the agent reloads the console in
  // the middle of it, so the page comes back with no socket and only what it saved in the browser.
  it('delivers all 50 replies when the console is reloaded during a 30 s cut, once each, in order, with no button pressed', async () => {
    const { proxy, v, page } = await beforeTheCut();

    const since = await writeDuringCut(page, proxy);

    await page.reload();
    // Signed in again over HTTP, the socket still cut, so the conversation cannot load: the
    // replies the page saved are back, in their conversation, as sending.
    const unsent = page.getByRole('list', { name: 'Replies not sent yet' });
    await unsent.getByText(replyTexts.at(-1)!, { exact: true }).waitFor();
    await expect.poll(() => unsent.getByText('Sending…').count()).toBe(40);
    expect(await unsent.getByText(/^Reply \d+ of 50$/).allTextContents()).toEqual(replyTexts.slice(10));
    await healAndExpectAll(page, proxy, v, since);
  }, 150_000);
});
