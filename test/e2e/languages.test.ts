import { describe, expect, it } from 'vitest';
import { LAUNCHER_STRINGS } from '../../protocol/launcher-strings';
import am from '../../widget/i18n/am';
import cs from '../../widget/i18n/cs';
import hy from '../../widget/i18n/hy';
import ru from '../../widget/i18n/ru';
import en from '../../widget/i18n/en';
import { useE2e } from '../helpers/e2e';

// Someone is there round the clock, so the chat itself (not "Leave a message") shows.
const e2e = useE2e({ openAllDay: true, staffedAllAlong: true });

const cases = [
  { locale: 'cs-CZ', lang: 'cs', dict: cs },
  { locale: 'ru-RU', lang: 'ru', dict: ru },
  { locale: 'hy-AM', lang: 'hy', dict: hy },
  { locale: 'am-ET', lang: 'am', dict: am },
] as const;

describe('the widget in five languages', () => {
  it.each(cases)('speaks $lang to a browser set to $locale and downloads only that dictionary', async ({ locale, lang, dict }) => {
    const ctx = await e2e.newContext({ locale });
    const page = await ctx.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    await page.goto(`${e2e.server.url}/`);
    const launcher = page.getByRole('button', { name: LAUNCHER_STRINGS[lang]!.open_chat });
    await launcher.click();
    const d = dict as Record<string, string>;
    await page.getByRole('textbox', { name: d.message_label }).waitFor();
    await page.getByRole('button', { name: d.send, exact: true }).waitFor();
    await page.getByRole('tab', { name: d.tab_feedback }).waitFor();
    expect(await page.locator('earshot-widget').getAttribute('lang')).toBe(lang);
    const dictionaries = scripts.filter((p) => /\/earshot\/(en|cs|ru|hy|am)-[\w-]+\.js$/.test(p));
    expect(dictionaries).toHaveLength(1);
    expect(dictionaries[0]).toMatch(new RegExp(`/earshot/${lang}-`));
    await page.screenshot({ path: `test-results/screenshots/widget-${lang}.png` });
    // No glyph renders as a box: each letter must not look like the box an unassigned code point gets.
    const tofu = await page.evaluate((text) => {
      const c = document.createElement('canvas');
      c.width = 40;
      c.height = 40;
      const g = c.getContext('2d', { willReadFrequently: true })!;
      const shape = (ch: string) => {
        g.clearRect(0, 0, 40, 40);
        g.font = '28px system-ui, sans-serif';
        g.fillText(ch, 4, 30);
        return g.getImageData(0, 0, 40, 40).data.join(',');
      };
      const box = shape('\u{10FFFD}');
      return [...text].filter((ch) => ch.trim()).filter((ch) => shape(ch) === box);
    }, `${d.send}${d.tab_feedback}`);
    // A machine without the script's font draws boxes: say which package brings it.
    const font =
      lang === 'am' ? 'fonts-sil-abyssinica (Ethiopic; `.ci/run` installs it)' : 'a font for this script (fonts-noto-core has most)';
    expect(tofu, `letters drawn as boxes in ${lang}: install ${font}`).toEqual([]);
  });

  it('mirrors the panel for a right-to-left language, with nothing overlapping', async () => {
    // A test-only right-to-left dictionary, served in place of the Czech one the browser asks for.
    const rtl = Object.fromEntries(Object.entries(en).map(([k, v]) => [k, k === 'language_tag' ? 'he' : `שלום ${v}`]));
    const ctx = await e2e.newContext({ locale: 'cs-CZ' });
    const page = await ctx.newPage();
    await page.route(/\/earshot\/cs-[\w-]+\.js$/, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: `export default ${JSON.stringify(rtl)};` }),
    );
    await page.goto(`${e2e.server.url}/`);
    await page.getByRole('button', { name: LAUNCHER_STRINGS.cs!.open_chat }).click();
    const box = page.getByRole('textbox', { name: rtl.message_label });
    await box.waitFor();
    expect(await page.locator('earshot-widget').getAttribute('dir')).toBe('rtl');
    const send = await page.getByRole('button', { name: rtl.send, exact: true }).boundingBox();
    const field = await box.boundingBox();
    expect(send!.x + send!.width).toBeLessThanOrEqual(field!.x + 1); // Send sits left of the box
    const tabs = await page.getByRole('tab').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().x));
    expect(tabs).toEqual([...tabs].sort((a, b) => b - a)); // the first tab is the rightmost
    const clipped = await page.locator('earshot-widget').evaluate((host) => {
      const panel = host.shadowRoot!.querySelector('.panel')!.getBoundingClientRect();
      return [...host.shadowRoot!.querySelectorAll('[role=tab]')]
        .map((e) => e.getBoundingClientRect())
        .filter((r) => r.left < panel.left - 1 || r.right > panel.right + 1).length;
    });
    expect(clipped).toBe(0); // every tab fits inside the panel, even with longer labels
    const boxes = await page.locator('earshot-widget').evaluate((host) =>
      [...host.shadowRoot!.querySelectorAll('.panel button, .panel textarea, .panel [role=tab], .panel h2')]
        .map((e) => e.getBoundingClientRect())
        .filter((r) => r.width > 0 && r.height > 0)
        .map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })),
    );
    const overlaps = boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter((b) => a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1)
        .map((b) => [a, b]),
    );
    expect(overlaps).toEqual([]);
    await page.screenshot({ path: 'test-results/screenshots/widget-rtl.png' });
  });
});
