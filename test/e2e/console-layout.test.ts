import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2e } from '../helpers/e2e';
import { visitor } from '../helpers/server';
import { signInAsAdmin } from './console-sign-in';

const e2e = useE2e({ openAllDay: true });

async function signIn(page: Page) {
  await signInAsAdmin(page, `${e2e.server.url}/console`);
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
}

/** A visitor's chat waiting in the inbox. */
async function chatWaiting(text: string) {
  const v = await visitor(e2e.server.url);
  const sent = await v.socket.emitWithAck('message:send', { id: `m-${Date.now()}`, conversationId: null, text });
  v.socket.disconnect();
  if (!sent.ok) throw new Error(sent.message);
}

/** Whether anything makes the page scroll sideways, and which top bar texts are cut. */
const layout = (page: Page) =>
  page.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    clipped: [...document.querySelectorAll<HTMLElement>('.topbar a, .topbar button, .topbar span, .topbar p, .topbar h1')]
      // Text hidden for sight on purpose (.sr-only, read by screen readers) is not cut text.
      .filter((el) => el.offsetParent && !el.classList.contains('sr-only') && el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.textContent),
    topbar: document.querySelector('.topbar')!.getBoundingClientRect().height,
  }));

describe('console layout in Chromium', () => {
  for (const width of [1280, 1024]) {
    it(`fits the top bar at ${width} px: nothing cut, no sideways scroll`, async () => {
      await chatWaiting('Hello from a wide screen');
      const page = await e2e.newPage({ viewport: { width, height: 800 } });
      await signIn(page);
      await page.getByText('Hello from a wide screen').first().click();
      await page.getByRole('textbox', { name: 'Reply' }).waitFor();
      await page.screenshot({ path: `/tmp/earshot-console-${width}.png` });
      const l = await layout(page);
      expect(l.clipped).toEqual([]);
      expect(l.overflow).toBeLessThanOrEqual(0);
      // Room for what is coming (Team is here; Reports is next): still nothing cut, nothing sideways.
      await page.evaluate(() => {
        const links = document.querySelector('.section-links')!;
        for (const label of ['Reports']) {
          const item = links.lastElementChild!.cloneNode(true) as HTMLElement;
          item.querySelector('a')!.textContent = label;
          links.append(item);
        }
      });
      await page.screenshot({ path: `/tmp/earshot-console-${width}-more.png` });
      const more = await layout(page);
      expect(more.clipped).toEqual([]);
      expect(more.overflow).toBeLessThanOrEqual(0);
      const rows = await page.evaluate(() => {
        const top = (s: string) => document.querySelector(s)!.getBoundingClientRect().top;
        return { brand: top('.brand'), nav: top('.section-links'), me: top('.me') };
      });
      // Brand, sections and the agent stay on one row.
      expect(Math.abs(rows.nav - rows.brand)).toBeLessThan(12);
      expect(Math.abs(rows.me - rows.brand)).toBeLessThan(12);
    });
  }

  it('works on a phone: the inbox, then the conversation with a way back, the reply box on screen', async () => {
    await chatWaiting('Hello from a phone');
    const page = await e2e.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await signIn(page);
    await page.screenshot({ path: '/tmp/earshot-console-phone-inbox.png' });
    expect(await layout(page)).toMatchObject({ overflow: 0, clipped: [] });
    await page.getByText('Hello from a phone').first().click();
    const reply = page.getByRole('textbox', { name: 'Reply' });
    await reply.waitFor();
    await page.screenshot({ path: '/tmp/earshot-console-phone-conversation.png' });
    expect(await layout(page)).toMatchObject({ overflow: 0, clipped: [] });
    const box = (await reply.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    expect(box.width).toBeGreaterThan(200);
    await page.getByRole('link', { name: 'Back to the inbox' }).click();
    await page.getByText('Hello from a phone').first().waitFor();
    for (const [section, heading] of [
      ['Callbacks', 'Callbacks'],
      ['Feedback', 'Feedback'],
      ['Settings', 'Settings'],
    ]) {
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: section }).click();
      await page.getByRole('heading', { name: heading }).first().waitFor();
      expect(await layout(page), section).toMatchObject({ overflow: 0, clipped: [] });
    }
  });
});
