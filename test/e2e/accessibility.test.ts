import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe';
import { useE2e } from '../helpers/e2e';
import { visitor } from '../helpers/server';
import { signInAsAdmin } from './console-sign-in';
import { openWidget as open, requestCall, sendChat } from './widget-steps';

// With SMTP, so the forms show every field they can (an email address for a reply).
const e2e = useE2e({ openAllDay: true, smtp: true });

/** A page with animations off, so contrast is measured on the final colours. */
const newPage = () => e2e.newPage({ reducedMotion: 'reduce' });

/** A host page on the server's origin that embeds the built widget with a `data-color`; `requests` gets every path it asks for. */
async function pageWithColor(color: string, requests: string[] = []): Promise<Page> {
  const page = await newPage();
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const url = `${e2e.server.url}/colored.html`;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><title>Shop</title><main><h1>Shop</h1></main>
        <script src="/earshot.js" data-site="demo" data-color="${color}" async></script>`,
    }),
  );
  await page.goto(url);
  return page;
}

/** Opens the widget on the demo site (or, with `path` empty, on the page already shown). */
const openWidget = (page: Page, path = '/') => open(page, path ? `${e2e.server.url}${path}` : undefined);

const noViolations = async (page: Page) => expect(await axeViolations(page)).toEqual([]);

/** The closed launcher's icon and background colors as sRGB bytes (a canvas converts `color(xyz-d65 …)`). */
function launcherColors(page: Page): Promise<number[][]> {
  return page.evaluate(() => {
    const launcher = document.querySelector('earshot-widget')!.shadowRoot!.querySelector('.launcher')!;
    const { color, backgroundColor } = getComputedStyle(launcher);
    const ctx = new OffscreenCanvas(1, 1).getContext('2d')!;
    return [color, backgroundColor].map((c) => {
      ctx.fillStyle = c;
      ctx.fillRect(0, 0, 1, 1);
      return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    });
  });
}

/** WCAG 2 contrast ratio of two sRGB colors. */
function contrastRatio(a: number[], b: number[]): number {
  const linear = (v: number) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const luminance = ([r = 0, g = 0, b = 0]: number[]) => 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

describe('the widget meets WCAG 2.2 AA in every view', () => {
  it('has no violations with the launcher closed', async () => {
    const page = await newPage();
    await page.goto(`${e2e.server.url}/`);
    await page.getByRole('button', { name: 'Open chat' }).waitFor();
    await noViolations(page);
  });

  it('has no violations in a live chat, with a message sent', async () => {
    await e2e.staffed();
    const page = await newPage();
    await openWidget(page);
    await sendChat(page, 'Do you ship to Brno?');
    await noViolations(page);
  });

  it('has no violations in "Leave a message" while nobody is signed in', async () => {
    const page = await newPage();
    await openWidget(page);
    await page.getByRole('region', { name: 'Leave a message' }).waitFor();
    await noViolations(page);
  });

  it('has no violations in the "Call me back" form, its time picker and after sending', async () => {
    const page = await newPage();
    await openWidget(page);
    await page.getByRole('tab', { name: 'Call me back' }).click();
    await page.getByLabel('Phone number').waitFor();
    await noViolations(page);
    await page.getByRole('radio', { name: 'Choose a time' }).check();
    const first = page.getByRole('radiogroup', { name: 'Time' }).getByRole('radio').first();
    await first.waitFor();
    await noViolations(page);
    await first.check();
    await requestCall(page);
    await noViolations(page);
  });

  it('has no violations in the feedback form and its thank-you', async () => {
    const page = await newPage();
    await openWidget(page);
    await page.getByRole('tab', { name: 'Feedback' }).click();
    await page.getByRole('radio', { name: '4 – Good' }).waitFor();
    await noViolations(page);
    await page.getByRole('radio', { name: '4 – Good' }).check();
    await page.getByLabel('Category').selectOption({ label: 'Idea' });
    await page.getByLabel('Your feedback').fill('Gift wrapping, please');
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await page.getByText('Thank you for your feedback!').waitFor();
    await noViolations(page);
  });

  it('has no violations after the panel is closed again', async () => {
    const page = await newPage();
    await openWidget(page);
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await noViolations(page);
  });

  it('has no contrast violations in the header animating open', async () => {
    const page = await e2e.newPage();
    await page.goto(`${e2e.server.url}/`);
    // Freeze every animation halfway, as a screen reader user's tool could measure it mid-way.
    await page.evaluate(() => {
      const root = document.querySelector('earshot-widget')!.shadowRoot!;
      const freeze = () =>
        root.getAnimations().forEach((a) => {
          a.pause();
          a.currentTime = 90;
        });
      new MutationObserver(freeze).observe(root, { subtree: true, childList: true, attributes: true });
    });
    await openWidget(page, '');
    await noViolations(page);
  });

  // Light owner colors get black text, dark ones white (sRGB, from the color's luminance).
  const textOn = { '#ffd400': 'black', '#7fdbff': 'black', '#e74c3c': 'black', '#1a1a1a': 'white', '#c0392b': 'white' } as const;
  for (const [color, text] of Object.entries(textOn)) {
    it(`keeps AA contrast on the owner's color ${color} with ${text} text`, async () => {
      await e2e.staffed();
      const page = await pageWithColor(color);
      await openWidget(page, '');
      await sendChat(page, 'Hello');
      const title = await page.locator('.title').evaluate((el) => getComputedStyle(el).color);
      // Computed as color(xyz-d65 …): all zeros is black, and white has y = 1.
      expect(title.startsWith('color(xyz-d65 0 0 0') ? 'black' : title.includes(' 1 ') ? 'white' : title).toBe(text);
      await noViolations(page);
    });
  }
});

describe('the closed launcher meets WCAG 1.4.11 from the first paint', () => {
  // Before the panel's chunk loads, so the black-or-white rule must come with the loader.
  const iconOn = { '#ffeb3b': 'black', '#f5f5f5': 'black', '#1a1a1a': 'white' } as const;
  for (const [color, icon] of Object.entries(iconOn)) {
    it(`draws a ${icon} icon on ${color}, at 3:1 or more, before the panel loads`, async () => {
      const requests: string[] = [];
      const page = await pageWithColor(color, requests);
      await page.getByRole('button', { name: 'Open chat' }).waitFor();
      const [fg, bg] = await launcherColors(page);
      expect(requests.filter((p) => p.startsWith('/earshot/'))).toEqual([]);
      expect(await page.locator('.panel').count()).toBe(0);
      expect(fg).toEqual(icon === 'black' ? [0, 0, 0] : [255, 255, 255]);
      expect(contrastRatio(fg!, bg!)).toBeGreaterThanOrEqual(3);
      await noViolations(page);
    });
  }
});

describe('the console meets WCAG 2.2 AA on every screen', () => {
  beforeAll(async () => {
    // Something to show on every screen.
    const { socket } = await visitor(e2e.server.url);
    const page = { url: 'http://shop.test/', title: 'Shop', referrer: '' };
    expect(
      (await socket.emitWithAck('message:send', { id: 'a11y-msg-1', conversationId: null, text: 'Is the mug dishwasher safe?' })).ok,
    ).toBe(true);
    expect(
      (
        await socket.emitWithAck('feedback:send', {
          rating: 2,
          category: 'complaint',
          text: 'Slow delivery',
          contact: { mode: 'reply', name: 'Ana', email: 'ana@example.test' },
          page,
        })
      ).ok,
    ).toBe(true);
    expect(
      (
        await socket.emitWithAck('callback:request', {
          phone: '+420601123456',
          name: 'Petr',
          topic: 'Wholesale',
          when: { asap: true },
          page,
        })
      ).ok,
    ).toBe(true);
    socket.disconnect();
  });

  it('has no violations on sign-in, inbox, a conversation, callbacks, feedback and settings', async () => {
    const page = await newPage();
    await page.goto(`${e2e.server.url}/console`);
    await page.getByLabel('Email').waitFor();
    await noViolations(page);
    await signInAsAdmin(page);
    await page.getByRole('navigation', { name: 'Inbox' }).getByRole('link').first().waitFor();
    await noViolations(page);
    await page.getByRole('navigation', { name: 'Inbox' }).getByRole('link').first().click();
    await page.getByRole('log').getByText('Is the mug dishwasher safe?').waitFor();
    await noViolations(page);
    await page.getByRole('link', { name: 'Callbacks' }).click();
    await page.getByRole('list', { name: 'Call back requests' }).getByText('Petr').first().waitFor();
    await noViolations(page);
    await page.getByRole('link', { name: 'Feedback' }).click();
    await page.getByRole('list', { name: 'Feedback items' }).getByText('Slow delivery').waitFor();
    await noViolations(page);
    await page.getByRole('list', { name: 'Feedback items' }).getByText('Slow delivery').click();
    await page.getByRole('heading', { name: 'Complaint from Ana' }).waitFor();
    await noViolations(page);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).first().waitFor();
    await noViolations(page);
  });
});
