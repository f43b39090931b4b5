import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ConversationSummary, Message } from '../../protocol/types';
import { useE2e } from '../helpers/e2e';

const e2e = useE2e({ smtp: true, openAllDay: true });

/** A visitor's chat of a few messages, resolved by the agent, as the widget shows it at this size. */
async function resolvedChat(viewport: { width: number; height: number }): Promise<Page> {
  const desk = await e2e.staffed();
  const started = new Promise<string>((resolve) => desk.on('message:new', (_m: Message, row: ConversationSummary) => resolve(row.id)));
  const page = await e2e.newPage({ viewport });
  await page.goto(`${e2e.server.url}/`);
  await page.getByRole('button', { name: 'Open chat' }).click();
  const box = page.getByRole('textbox', { name: 'Message' });
  for (const text of ['Hi, my order 1042 has not arrived.', 'It was due on Monday.', 'Can you check where it is?']) {
    await box.fill(text);
    await box.press('Enter');
    await page.getByRole('log').getByText(text).waitFor();
  }
  const id = await started;
  await desk.emitWithAck('message:send', {
    id: `r-${viewport.width}`,
    conversationId: id,
    text: 'It is in Brno today and reaches you tomorrow. Sorry for the wait!',
  });
  await page.getByRole('log').getByText('It is in Brno today').waitFor();
  await desk.emitWithAck('conversation:setStatus', { conversationId: id, status: 'resolved' });
  await page.getByRole('form', { name: 'How did we do?' }).waitFor();
  return page;
}

/** Height of the scrolling message history (the log's scroller) and of the chat view under the tabs. */
const heights = (page: Page) =>
  page.getByRole('log').evaluate((log) => ({
    history: log.parentElement!.getBoundingClientRect().height,
    view: log.closest('[role="tabpanel"]')!.getBoundingClientRect().height,
  }));

describe('after a resolved chat (Chromium)', () => {
  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 800 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    it(`keeps the history readable beside the rating form on a ${name}`, async () => {
      const page = await resolvedChat(viewport);
      await page.screenshot({ path: `/tmp/earshot-after-chat-${name}.png` });
      const { history, view } = await heights(page);
      // At least half the chat view stays history (it was a 32 px sliver beside the full survey).
      expect(history).toBeGreaterThanOrEqual(view * 0.5);
      // And the newest message is still in view above the survey.
      const shown = await page.getByText('It is in Brno today').evaluate((el) => {
        const box = el.getBoundingClientRect();
        const scroller = el.closest('[role="log"]')!.parentElement!.getBoundingClientRect();
        return box.top >= scroller.top && box.bottom <= scroller.bottom;
      });
      expect(shown).toBe(true);
      // The form is still all reachable: rating and send button.
      await page.getByRole('radio', { name: '5 – Very good' }).check();
      await page.getByRole('button', { name: 'Send rating' }).click();
      await page.getByText('Thanks for your rating!').waitFor();
    });
  }
});
