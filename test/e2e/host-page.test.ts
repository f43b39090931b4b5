import { describe, expect, it } from 'vitest';
import { useE2e } from '../helpers/e2e';

const e2e = useE2e();

describe('cost to the host page', () => {
  it('before any interaction loads one script, sets no cookie, writes no storage and opens no socket', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    const widgetRequests: string[] = [];
    const sockets: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      // Everything the page itself loads (HTML, its own CSS and images) is the host's business.
      if (path === '/earshot.js' || path.startsWith('/earshot/') || path.startsWith('/socket.io') || path.startsWith('/api/')) {
        widgetRequests.push(path);
      }
    });
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await page.goto(`${e2e.server.url}/`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Open chat' }).waitFor();
    // Give a lazy widget every chance to misbehave: idle, focus changes and a visibility flip.
    await page.evaluate(() => {
      window.dispatchEvent(new Event('focus'));
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await page.waitForLoadState('networkidle');

    const scripts = widgetRequests.filter((p) => p.endsWith('.js'));
    const status = widgetRequests.filter((p) => p.startsWith('/api/'));
    expect(scripts).toEqual(['/earshot.js']);
    expect(status.length).toBeLessThanOrEqual(1);
    expect(widgetRequests.filter((p) => p.startsWith('/socket.io'))).toEqual([]);
    expect(sockets).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await context.close();
  });
});
