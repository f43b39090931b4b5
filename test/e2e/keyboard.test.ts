import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2e } from '../helpers/e2e';
import { signInAsAdmin } from './console-sign-in';
import { waitingForCall } from './widget-steps';

const e2e = useE2e({ openAllDay: true });
const { newPage } = e2e;

/** The focused element, looking into the widget's shadow root: its role or tag, and its name. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return '';
    const name = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent;
    return `${el.getAttribute('role') ?? el.tagName.toLowerCase()} ${name?.trim()}`;
  });
}

/** Presses Tab (or Shift+Tab) until `target` has focus; fails after `max` presses. */
async function tabTo(page: Page, target: string, { back = false, max = 40 } = {}) {
  for (let i = 0; i < max; i++) {
    if ((await focused(page)) === target) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  expect(await focused(page)).toBe(target);
}

/** Tabs to the launcher from the top of the demo page and opens the panel with Enter. */
async function openByKeyboard(page: Page) {
  await page.goto(`${e2e.server.url}/`);
  await page.getByRole('button', { name: 'Open chat' }).waitFor();
  await tabTo(page, 'button Open chat');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').waitFor();
}

/** Moves to the view tabs and selects `name` with the arrow keys. */
/** Types a chat message where the focus is (the message box) and sends it with Enter; waits until the log shows it. */
async function typeAndSend(page: Page, text: string) {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.getByRole('log').getByText(text).waitFor();
}

async function switchView(page: Page, name: string) {
  await tabTo(page, 'tab Chat', { back: true });
  while (!(await focused(page)).startsWith(`tab ${name}`)) await page.keyboard.press('ArrowRight');
  expect(await page.getByRole('tab', { name }).getAttribute('aria-selected')).toBe('true');
}

/**
 * Tabs through everything focusable in `scope` (the widget's shadow root, or the document) and
 * returns what showed no focus indicator: no outline and no ring shadow on the element, or, for
 * radios drawn transparent over their picture, on the picture.
 */
async function unringed(page: Page, scope: 'widget' | 'page', max = 60): Promise<string[]> {
  const seen = new Set<string>();
  const missing: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const r = await page.evaluate((scope) => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      if (!el || el === document.body) return null;
      const inWidget = el.getRootNode() !== document;
      if ((scope === 'widget') !== inWidget) return null;
      const ring = (x: Element | null) => {
        if (!x) return false;
        const s = getComputedStyle(x);
        return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow.includes('0px 0px 0px');
      };
      const id = `${el.tagName.toLowerCase()}#${el.id}.${el.className}[${el.getAttribute('name') ?? el.textContent?.slice(0, 20)}]`;
      return { id, ok: ring(el) || ring(el.nextElementSibling) };
    }, scope);
    if (!r) continue;
    if (seen.has(r.id)) break;
    seen.add(r.id);
    if (!r.ok) missing.push(r.id);
  }
  expect(seen.size).toBeGreaterThan(2);
  return missing;
}

describe('the widget by keyboard alone', () => {
  it('opens from the launcher with Enter and puts focus in the message box', async () => {
    await e2e.staffed();
    const page = await newPage();
    await openByKeyboard(page);
    await expect.poll(() => focused(page)).toBe('textarea Message');
  });

  it('sends a message with Enter', async () => {
    await e2e.staffed();
    const page = await newPage();
    await openByKeyboard(page);
    await expect.poll(() => focused(page)).toBe('textarea Message');
    await page.keyboard.type('Typed without a mouse');
    await page.keyboard.press('Enter');
    await page.getByRole('log').getByText('Typed without a mouse').waitFor();
    await page.getByRole('log').getByText('Sent', { exact: false }).first().waitFor();
  });

  it('switches to "Call me back" with the arrow keys and requests a call', async () => {
    const page = await newPage();
    await openByKeyboard(page);
    await switchView(page, 'Call me back');
    await tabTo(page, 'input Phone number');
    await page.keyboard.type('+420 601 123 456');
    await page.keyboard.press('Enter');
    await waitingForCall(page);
  });

  it('switches to "Feedback" with the arrow keys and sends feedback', async () => {
    const page = await newPage();
    await openByKeyboard(page);
    await switchView(page, 'Feedback');
    await page.getByRole('radio', { name: '1 – Very bad' }).waitFor();
    await page.keyboard.press('Tab'); // into the rating, on its first face
    expect(await focused(page)).toBe('input 1 – Very bad');
    await page.keyboard.press('ArrowRight'); // arrow keys move and check, as in any radio group
    await expect.poll(() => page.getByRole('radio', { name: '2 – Bad' }).isChecked()).toBe(true);
    // One tab stop for the whole rating: the next Tab leaves it.
    await page.keyboard.press('Tab');
    expect(await focused(page)).not.toMatch(/^input \d/);
    await tabTo(page, 'textarea Your feedback');
    await page.keyboard.type('Works without a mouse');
    await tabTo(page, 'button Send feedback');
    await page.keyboard.press('Enter');
    await page
      .getByText(/Thank you/)
      .first()
      .waitFor();
  });

  // KNOWN BUG (closing note of 2026-12-03): with the multi-node relay, site:status can land before the
  // panel's open focus, so focus ends on the body under load. Fix the focus race, then unskip.
  it('puts focus in "Leave a message" when it replaces the message box of a panel opened by keyboard', async () => {
    const page = await newPage();
    await openByKeyboard(page);
    await page.getByRole('region', { name: 'Leave a message' }).waitFor();
    // Without SMTP the form's first field is the message (no address is asked for).
    await expect.poll(() => focused(page)).toBe('textarea Message');
  });

  it('closes with Escape and gives focus back to the launcher', async () => {
    const page = await newPage();
    await openByKeyboard(page);
    await page.getByRole('region', { name: 'Leave a message' }).waitFor();
    // Focus settles in the form (it passes the page's body on the way, where Escape is the page's).
    await expect.poll(() => focused(page)).toBe('textarea Message');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    expect(await focused(page)).toBe('button Open chat');
  });

  it('keeps the focus in the page while the panel loads for a returning visitor and a message arrives', async () => {
    const desk = await e2e.staffed();
    const page = await newPage();
    await openByKeyboard(page);
    await typeAndSend(page, 'I will be back');

    // A returning visitor: the panel loads at once, while the visitor types in the page.
    await page.reload();
    await page.evaluate(() => {
      const input = Object.assign(document.createElement('input'), { id: 'search' });
      input.setAttribute('aria-label', 'Search the shop');
      document.body.prepend(input);
      input.focus();
    });
    await page.keyboard.type('mug');
    await page.locator('#earshot-panel').waitFor({ state: 'attached' });
    const list = await desk.emitWithAck('conversation:list', { status: 'all' });
    if (!list.ok) throw new Error(list.code);
    const sent = await desk.emitWithAck('message:send', { id: 'kbd-reply-1', conversationId: list.data[0]!.id, text: 'Welcome back' });
    expect(sent.ok).toBe(true);
    await expect.poll(() => page.locator('#earshot-note').textContent()).toMatch(/unread/i);
    await page.keyboard.type(' cups');
    expect(await focused(page)).toBe('input Search the shop');
    expect(await page.locator('#search').inputValue()).toBe('mug cups');
  });

  it('announces only new messages: a polite log that new messages are appended to', async () => {
    const desk = await e2e.staffed();
    const page = await newPage();
    await openByKeyboard(page);
    await typeAndSend(page, 'First');
    const log = page.getByRole('log');
    expect(await log.getAttribute('aria-live')).toBe('polite');
    expect(await log.getAttribute('aria-relevant')).toBe('additions');
    await expect.poll(() => log.getAttribute('aria-busy')).toBe('false');
    // Watch the log: an agent reply must add one item and leave the others in place.
    await log.evaluate((el) => {
      const w = window as unknown as { changes: { added: number; removed: number } };
      w.changes = { added: 0, removed: 0 };
      new MutationObserver((records) => {
        for (const r of records) {
          w.changes.added += r.addedNodes.length;
          w.changes.removed += r.removedNodes.length;
        }
      }).observe(el, { childList: true });
    });
    // The widget shows a message as soon as it is typed; the inbox has it once it is stored.
    const stored = async () => {
      const list = await desk.emitWithAck('conversation:list', { status: 'all' });
      if (!list.ok) throw new Error(list.code);
      return list.data.find((c) => c.lastMessage?.text === 'First')?.id;
    };
    await expect.poll(stored).toBeDefined();
    const mine = (await stored())!;
    expect((await desk.emitWithAck('message:send', { id: 'kbd-reply-2', conversationId: mine, text: 'Hello there' })).ok).toBe(true);
    await log.getByText('Hello there').waitFor();
    expect(await page.evaluate(() => (window as unknown as { changes: unknown }).changes)).toEqual({ added: 1, removed: 0 });
  });

  it('shows a focus ring on every control in every view', async () => {
    const page = await newPage();
    await openByKeyboard(page);
    for (const view of ['Chat', 'Call me back', 'Feedback']) {
      await page.getByRole('tab', { name: view }).click();
      await page.getByRole('tab', { name: view }).focus();
      expect(await unringed(page, 'widget'), view).toEqual([]);
    }
    await page.getByRole('tab', { name: 'Call me back' }).click();
    await page.getByRole('radio', { name: 'Choose a time' }).check();
    await page.getByRole('radio', { name: 'Choose a time' }).focus();
    expect(await unringed(page, 'widget'), 'time picker').toEqual([]);
  });

  it('turns animations and transitions off under prefers-reduced-motion', async () => {
    const page = await newPage({ reducedMotion: 'reduce' });
    await openByKeyboard(page);
    const moving = await page.evaluate(() => {
      const root = document.querySelector('earshot-widget')!.shadowRoot!;
      return [...root.querySelectorAll('*')]
        .filter((el) => {
          const s = getComputedStyle(el);
          const busy = (v: string) => v.split(',').some((d) => parseFloat(d) > 0);
          return (s.animationName !== 'none' && busy(s.animationDuration)) || busy(s.transitionDuration);
        })
        .map((el) => el.className);
    });
    expect(moving).toEqual([]);
  });

  it('animates the panel opening when motion is welcome', async () => {
    const page = await newPage({ reducedMotion: 'no-preference' });
    await openByKeyboard(page);
    const animation = await page.evaluate(
      () => getComputedStyle(document.querySelector('earshot-widget')!.shadowRoot!.querySelector('.panel')!).animationName,
    );
    expect(animation).not.toBe('none');
  });
});

describe('the console by keyboard', () => {
  it('shows a focus ring on every control of the inbox and of the settings', async () => {
    const page = await newPage();
    await signInAsAdmin(page, `${e2e.server.url}/console`);
    await page.getByRole('link', { name: 'Settings' }).waitFor();
    expect(await unringed(page, 'page'), 'inbox').toEqual([]);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).first().waitFor();
    expect(await unringed(page, 'page', 150), 'settings').toEqual([]);
  });
});
