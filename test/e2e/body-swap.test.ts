import { describe, expect, it } from 'vitest';
import type { Message } from '../../protocol/types';
import { useE2e } from '../helpers/e2e';
import { nextEvent } from '../helpers/server';

const e2e = useE2e({ openAllDay: true });

// What Turbo Drive does on a link click: fetch the next page, keep a snapshot of this body for
// the back button, put the new <body> in place of the old one and run the scripts in it again.
// `restore()` is Turbo's restoration visit from its cache: the snapshot's clone goes back.
const TURBO = `<script>
  let snapshot;
  document.addEventListener('click', async (e) => {
    const a = e.target.closest('a');
    if (!a) return;
    e.preventDefault();
    const next = new DOMParser().parseFromString(await (await fetch(a.href)).text(), 'text/html');
    snapshot = document.body.cloneNode(true);
    for (const old of next.body.querySelectorAll('script')) {
      const s = document.createElement('script');
      for (const { name, value } of old.attributes) s.setAttribute(name, value);
      s.textContent = old.textContent;
      old.replaceWith(s);
    }
    document.body.replaceWith(document.adoptNode(next.body));
    history.pushState({}, '', a.href);
  });
  window.restore = () => document.documentElement.replaceChild(snapshot, document.body);
</script>`;

const page = (title: string, link: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title>${TURBO}</head><body><h1>${title}</h1>
  <a href="${link}">Next page</a><script src="/earshot.js" data-site="demo"></script></body></html>`;

describe('a site that swaps <body> like Turbo', () => {
  it('keeps one widget with its socket and conversation across body swaps', async () => {
    const desk = await e2e.staffed();
    const visitor = await e2e.newPage();
    for (const [path, html] of [
      ['/one.html', page('Page one', '/two.html')],
      ['/two.html', page('Page two', '/one.html')],
    ] as const) {
      await visitor.route(`${e2e.server.url}${path}`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    }
    const sockets: string[] = [];
    const handshakes: string[] = [];
    visitor.on('websocket', (ws) => sockets.push(ws.url()));
    visitor.on('request', (r) => /\/socket\.io\/.*transport=polling(?!.*sid=)/.test(r.url()) && handshakes.push(r.url()));
    const widgets = () => visitor.evaluate(() => [...document.querySelectorAll('earshot-widget')].map((w) => !!w.shadowRoot));

    await visitor.goto(`${e2e.server.url}/one.html`);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    const box = visitor.getByRole('textbox', { name: 'Message' });
    const first = nextEvent<Message>(desk, 'message:new', (m) => m.text === 'Before the swap');
    await box.fill('Before the swap');
    await box.press('Enter');
    const { conversationId } = await first;

    await visitor.getByRole('link', { name: 'Next page' }).click();
    await visitor.getByRole('heading', { name: 'Page two' }).waitFor();
    await expect.poll(widgets).toEqual([true]);
    const log = visitor.getByRole('log');
    await log.getByText('Before the swap').waitFor();
    const second = nextEvent<Message>(desk, 'message:new', (m) => m.text === 'After the swap');
    await box.fill('After the swap');
    await box.press('Enter');
    expect((await second).conversationId).toBe(conversationId);

    // Back from Turbo's cache: the snapshot holds a copy of the widget's element, without its shadow root.
    await visitor.evaluate(() => (window as unknown as { restore(): void }).restore());
    await visitor.getByRole('heading', { name: 'Page one' }).waitFor();
    await expect.poll(widgets).toEqual([true]);
    await desk.emitWithAck('message:send', { conversationId, id: 'after-restore', text: 'Both arrived.' });
    await log.getByText('Both arrived.').waitFor();
    expect(await log.getByText(/^(Before|After) the swap$/).count()).toBe(2);
    expect(handshakes).toHaveLength(1);
    expect(sockets).toHaveLength(1);
  });
});
