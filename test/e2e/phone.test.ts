import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { useE2e } from '../helpers/e2e';
import { openWidget as open, requestCall, sendChat } from './widget-steps';

const SHOTS = 'test-results/screenshots';
const PHONE: BrowserContextOptions = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };

// With SMTP, so the tour meets every field there is (email fields appear only where mail goes out).
const e2e = useE2e({ smtp: true, openAllDay: true });
beforeAll(() => void fs.mkdirSync(SHOTS, { recursive: true }));

/** A page with animations off, on a phone unless `options` says otherwise. */
const newPage = (options: BrowserContextOptions = PHONE) => e2e.newPage({ reducedMotion: 'reduce', ...options });

const openWidget = (page: Page) => open(page, `${e2e.server.url}/`);

/**
 * Opens the widget and visits every view in turn, calling `visit` with the view's name once it
 * shows: the chat (with an agent online) or "Leave a message", then "Call me back" (form, time
 * picker, after sending) and "Feedback" (form, thank-you).
 */
async function eachView(page: Page, visit: (name: string) => Promise<void>, { chat = false } = {}) {
  await openWidget(page);
  if (chat) {
    await sendChat(page, 'Do you have the blue linen towel in a larger size?');
    return visit('chat');
  }
  await page.getByRole('region', { name: 'Leave a message' }).waitFor();
  await visit('leave-message');
  await page.getByRole('tab', { name: 'Call me back' }).click();
  await page.getByLabel('Phone number').waitFor();
  await visit('callback');
  await page.getByRole('radio', { name: 'Choose a time' }).check();
  await page.getByRole('radiogroup', { name: 'Time' }).getByRole('radio').first().check();
  await visit('callback-time');
  await requestCall(page);
  await visit('callback-sent');
  await page.getByRole('tab', { name: 'Feedback' }).click();
  await page.getByRole('radio', { name: '4 – Good' }).check();
  await page.getByRole('radio', { name: 'Reply to me' }).check();
  await visit('feedback');
  await page.getByLabel('Your feedback').fill('Gift wrapping, please');
  const feedback = page.locator('#earshot-view-feedback');
  await feedback.getByLabel('Name').fill('Ana');
  await feedback.getByLabel('Email').fill('ana@example.test');
  await page.getByRole('button', { name: 'Send feedback' }).click();
  await page
    .getByText(/Thank you/)
    .first()
    .waitFor();
  await visit('feedback-thanks');
}

const panelBox = (page: Page) => page.locator('#earshot-panel').boundingBox();

describe('the widget on a phone (375×667, touch)', () => {
  it('opens as a full-screen sheet', async () => {
    const page = await newPage();
    await openWidget(page);
    expect(await panelBox(page)).toEqual({ x: 0, y: 0, width: 375, height: 667 });
  });

  it('keeps the message box above the on-screen keyboard', async () => {
    await e2e.staffed();
    const page = await newPage();
    await openWidget(page);
    // Headless Chromium draws no keyboard; shrink the visual viewport as one does (iOS, Android).
    await page.evaluate(() => {
      const vv = window.visualViewport!;
      Object.defineProperty(vv, 'height', { configurable: true, get: () => 367 });
      vv.dispatchEvent(new Event('resize'));
    });
    await expect.poll(async () => (await panelBox(page))?.height).toBe(367);
    const composer = (await page.getByRole('textbox', { name: 'Message' }).boundingBox())!;
    expect(composer.y + composer.height).toBeLessThanOrEqual(367);
    await page.evaluate(() => {
      delete (window.visualViewport as unknown as { height?: number }).height;
      window.visualViewport!.dispatchEvent(new Event('resize'));
    });
    await expect.poll(async () => (await panelBox(page))?.height).toBe(667);
  });

  // iOS zooms into a field that takes text (input, textarea, select) under 16px; radios and
  // checkboxes take no text and do not zoom.
  const fieldsUnder16px = (page: Page) =>
    page.evaluate(() =>
      [
        ...document
          .querySelector('earshot-widget')!
          .shadowRoot!.querySelectorAll('input:not([type=radio], [type=checkbox]), textarea, select'),
      ]
        .filter((el) => el.getClientRects().length > 0 && parseFloat(getComputedStyle(el).fontSize) < 16)
        .map((el) => `${el.tagName.toLowerCase()}#${el.id}[${el.getAttribute('type') ?? ''}] ${getComputedStyle(el).fontSize}`),
    );

  it('uses 16px text or larger in every field, so iOS does not zoom in', async () => {
    const small: string[] = [];
    const page = await newPage();
    await eachView(page, async () => void small.push(...(await fieldsUnder16px(page))));
    await e2e.staffed();
    const chat = await newPage();
    await eachView(chat, async () => void small.push(...(await fieldsUnder16px(chat))), { chat: true });
    expect(small).toEqual([]);
  });

  // The page, the panel, and every box in the view that could scroll sideways (the visually
  // hidden `.vh` texts clip on purpose and do not scroll).
  const overflow = (page: Page) =>
    page.evaluate(() => {
      const root = document.querySelector('earshot-widget')!.shadowRoot!;
      const scrolls = (el: Element) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
      const boxes = [
        document.documentElement,
        root.querySelector('.panel')!,
        ...[...root.querySelectorAll('.view:not([hidden]) *')].filter(scrolls),
      ];
      return boxes
        .filter((el) => el.scrollWidth > el.clientWidth)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth} > ${el.clientWidth}`);
    });

  it('fits the screen width in every view, without sideways scrolling', async () => {
    const wide: string[] = [];
    const page = await newPage();
    await eachView(page, async (view) => void wide.push(...(await overflow(page)).map((w) => `${view}: ${w}`)));
    await e2e.staffed();
    const chat = await newPage();
    await eachView(chat, async (view) => void wide.push(...(await overflow(chat)).map((w) => `${view}: ${w}`)), { chat: true });
    expect(wide).toEqual([]);
  });

  it('keeps each view tab label on one line', async () => {
    const page = await newPage();
    await openWidget(page);
    for (const tab of await page.getByRole('tab').all()) {
      // A wrapped label is one text node drawn as two line boxes.
      const lines = await tab.evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el.firstChild!);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
      expect(lines, await tab.innerText()).toBe(1);
    }
  });
});

describe('screenshots for a person to look at', () => {
  for (const [size, options] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`saves every view at ${size} size to ${SHOTS}`, async () => {
      // Last run's files would count too: start from none of this size.
      for (const f of fs.readdirSync(SHOTS)) if (f.startsWith(`${size}-`)) fs.rmSync(`${SHOTS}/${f}`);
      const page = await newPage(options);
      const shoot = (view: string) => page.screenshot({ path: `${SHOTS}/${size}-${view}.png` }).then(() => {});
      await page.goto(`${e2e.server.url}/`);
      await page.getByRole('button', { name: 'Open chat' }).waitFor();
      await shoot('closed');
      await eachView(page, shoot);
      await e2e.staffed();
      const chat = await newPage(options);
      await eachView(chat, (view) => chat.screenshot({ path: `${SHOTS}/${size}-${view}.png` }).then(() => {}), { chat: true });
      const shots = fs.readdirSync(SHOTS).filter((f) => f.startsWith(`${size}-`));
      expect(shots).toHaveLength(8);
      // Each a real PNG image, not an empty file.
      for (const f of shots) expect(fs.readFileSync(`${SHOTS}/${f}`).subarray(1, 4).toString()).toBe('PNG');
    });
  }
});
