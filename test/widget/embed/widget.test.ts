// @vitest-environment happy-dom
import { within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHost } from '../../../widget/embed/host';
import { createWidget } from '../../../widget/embed/widget';
import type { EmbedConfig } from '../../../widget/embed/script-config';
import type { SiteStatus } from '../../../protocol/types';
import type { PanelController, PanelStart } from '../../../widget/panel/contract';

const config: EmbedConfig = { siteId: 'demo', relay: 'https://relay.test', locale: 'de', color: undefined, position: undefined };

/** A panel stand-in that records what the loader asks of it; its first `failures` downloads fail. */
function fakePanel(failures = 0) {
  const calls: [string, unknown[]][] = [];
  let host!: PanelStart;
  const startPanel = async (h: PanelStart): Promise<PanelController> => {
    host = h;
    calls.push(['mount', []]);
    return {
      setOpen: (...args) => void calls.push(['setOpen', args]),
      identify: (...args) => void calls.push(['identify', args]),
    };
  };
  const loadPanel = vi.fn(async () => {
    if (failures-- > 0) throw new TypeError('Failed to fetch dynamically imported module');
    return { startPanel };
  });
  return { calls, loadPanel, host: () => host };
}

function setup(failures = 0) {
  const panel = fakePanel(failures);
  const host = createHost(document, 'right');
  const widget = createWidget(host, config, panel.loadPanel);
  const view = within(host.root as unknown as HTMLElement);
  return { panel, host, widget, view, launcher: () => view.getByRole('button', { name: /chat$/ }) };
}

const status = (available: boolean): SiteStatus => ({
  available,
  openNow: true,
  agentsOnline: available ? 1 : 0,
  typicalReplyMinutes: null,
});

/** The relay's status endpoint, mocked at the edge; resolves when `answer` is called. */
function mockStatus() {
  let answer!: (s: SiteStatus) => void;
  const fetch = vi.fn(() => new Promise((resolve) => (answer = (s) => resolve({ json: async () => ({ ok: true, data: s }) }))));
  vi.stubGlobal('fetch', fetch);
  return { fetch, answer: (s: SiteStatus) => answer(s) };
}

beforeEach(() => {
  mockStatus();
  document.body.innerHTML = '';
  localStorage.clear();
  document.cookie.split(';').forEach((c) => (document.cookie = `${c.split('=')[0]}=; max-age=0`));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('widget before consent', () => {
  it('loads no panel and writes no storage or cookie until the visitor opens the chat', () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const { panel } = setup();
    expect(panel.loadPanel).not.toHaveBeenCalled();
    expect(setItem).not.toHaveBeenCalled();
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(document.cookie).toBe('');
  });

  it('keeps identify until the panel runs, without loading it', async () => {
    const { panel, widget, launcher } = setup();
    widget.command('identify', [{ name: 'Jo' }]);
    expect(panel.loadPanel).not.toHaveBeenCalled();
    launcher().click();
    await vi.waitFor(() =>
      expect(panel.calls.slice(0, 2)).toEqual([
        ['mount', []],
        ['identify', [{ name: 'Jo' }]],
      ]),
    );
  });

  it('loads the panel at once, closed and without focus, for a visitor with a saved conversation', async () => {
    localStorage.setItem('earshot:demo', JSON.stringify({ token: 'tok', conversationId: 'c1', outbox: [] }));
    const { panel, launcher } = setup();
    await vi.waitFor(() => expect(panel.calls).toContainEqual(['setOpen', [false, false]]));
    expect(launcher().getAttribute('aria-expanded')).toBe('false');
  });

  it('does not load the panel for a saved token without a conversation', () => {
    localStorage.setItem('earshot:demo', JSON.stringify({ token: 'tok', conversationId: null, outbox: [] }));
    expect(setup().panel.loadPanel).not.toHaveBeenCalled();
  });
});

describe('widget opening and closing', () => {
  it('opens on a click, loads the panel and asks it to focus the composer', async () => {
    const { panel, launcher, view } = setup();
    launcher().click();
    expect(view.getByRole('button', { name: 'Close chat' }).getAttribute('aria-expanded')).toBe('true');
    await vi.waitFor(() => expect(panel.calls).toContainEqual(['setOpen', [true, true]]));
  });

  it('opens from the page API without moving focus', async () => {
    const { panel, widget } = setup();
    widget.command('open', []);
    await vi.waitFor(() => expect(panel.calls).toContainEqual(['setOpen', [true, false]]));
  });

  it('closes on Escape and returns focus to the launcher', async () => {
    const { panel, host, launcher } = setup();
    launcher().click();
    await vi.waitFor(() => expect(panel.calls).toContainEqual(['setOpen', [true, true]]));
    const inside = host.root.appendChild(document.createElement('textarea'));
    inside.focus();
    inside.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(launcher().getAttribute('aria-label')).toBe('Open chat');
    expect(host.root.activeElement).toBe(launcher());
    expect(panel.calls.at(-1)).toEqual(['setOpen', [false, false]]);
  });

  it('toggles and tells the page with open and close events', async () => {
    const { widget } = setup();
    const seen: string[] = [];
    widget.command('on', ['open', () => seen.push('open')]);
    widget.command('on', ['close', () => seen.push('close')]);
    widget.command('toggle', []);
    widget.command('toggle', []);
    expect(seen).toEqual(['open', 'close']);
  });

  it('stops telling a listener the page took back with off, and keeps the others', async () => {
    const { widget } = setup();
    const seen: string[] = [];
    const gone = () => seen.push('gone');
    widget.command('on', ['open', gone]);
    widget.command('on', ['open', () => seen.push('kept')]);
    widget.command('off', ['open', gone]);
    widget.command('toggle', []);
    expect(seen).toEqual(['kept']);
  });

  it('hands the panel its languages and the launcher’s words, tells the page the unread count, and lets the panel describe the launcher', async () => {
    const { panel, widget, view, launcher } = setup();
    const counts: number[] = [];
    widget.command('on', ['unread', (n: number) => counts.push(n)]);
    widget.command('open', []);
    widget.command('close', []);
    await vi.waitFor(() => expect(panel.loadPanel).toHaveBeenCalled());
    await vi.waitFor(() => expect(panel.host()).toBeDefined());
    panel.host().emit('unread', 2);
    expect(counts).toEqual([2]);
    expect(panel.host().languages).toEqual(['de', ...navigator.languages]);
    expect(panel.host().strings).toMatchObject({ open_chat: 'Open chat' });
    expect(panel.host().launcher.el).toBe(launcher());
    panel.host().launcher.describe('2 unread messages');
    expect(view.getByText('2 unread messages')).toBeTruthy();
  });
});

describe('launcher availability', () => {
  const description = (button: HTMLElement, root: ShadowRoot) =>
    button
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => root.getElementById(id)?.textContent)
      .join(' ');

  it('asks the relay once, in the visitor’s languages, and says who is there in the description and tooltip', async () => {
    const { fetch, answer } = mockStatus();
    const { host, launcher, panel } = setup();
    expect(fetch).toHaveBeenCalledTimes(1);
    // The embed's data-locale first, then the browser's.
    expect(fetch).toHaveBeenCalledWith(`https://relay.test/api/sites/demo/status?lang=de,${navigator.languages.join(',')}`);
    answer(status(true));
    await vi.waitFor(() => expect(description(launcher(), host.root)).toBe("We're online"));
    expect(launcher().getAttribute('aria-label')).toBe('Open chat');
    expect(launcher().title).toBe("We're online");
    // Opening the chat asks nothing more of the relay here: the panel gets the same answer.
    launcher().click();
    await vi.waitFor(() => expect(panel.host()).toBeDefined());
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await panel.host().status).toEqual(status(true));
  });

  it('says “Leave us a message” when nobody is available, and follows the panel’s live status', async () => {
    const { answer } = mockStatus();
    const { host, launcher, panel, widget } = setup();
    answer(status(false));
    await vi.waitFor(() => expect(description(launcher(), host.root)).toBe('Leave us a message'));
    widget.command('open', []);
    await vi.waitFor(() => expect(panel.host()).toBeDefined());
    panel.host().launcher.setStatus(status(true));
    expect(description(launcher(), host.root)).toBe("We're online");
    expect(launcher().getAttribute('aria-label')).toBe('Close chat');
  });

  it('says nothing about availability when the relay cannot tell', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const { host, launcher, panel, widget } = setup();
    widget.command('open', []);
    await vi.waitFor(() => expect(panel.host()).toBeDefined());
    // The launcher draws on the same promise the panel is handed.
    expect(await panel.host().status).toBeUndefined();
    expect(description(launcher(), host.root)).toBe('');
    expect(launcher().hasAttribute('title') && launcher().title !== '').toBe(false);
  });
});

describe('a panel that cannot be downloaded', () => {
  /** The widget with a panel whose first `failures` downloads fail, and the console's errors. */
  function failing(failures: number) {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    return { ...setup(failures), logged };
  }

  it('says so in the widget with a Retry, logs it once, and Retry loads the panel', async () => {
    const { panel, host, launcher, view, logged } = failing(1);
    launcher().click();
    const notice = await vi.waitFor(() => view.getByRole('status'));
    expect(notice.textContent).toContain('The chat could not be loaded.');
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0]![1])).toContain('Failed to fetch dynamically imported module');
    view.getByRole('button', { name: 'Retry' }).click();
    // The button is gone with the notice; focus waits on the launcher, not on the page.
    expect(host.root.activeElement).toBe(launcher());
    await vi.waitFor(() => expect(panel.calls).toContainEqual(['setOpen', [true, true]]));
    expect(view.queryByRole('status')).toBeNull();
    expect(panel.loadPanel).toHaveBeenCalledTimes(2);
    expect(logged).toHaveBeenCalledTimes(1);
  });

  it('takes the notice away when the visitor closes the chat, and tries again on the next open', async () => {
    const { panel, launcher, view } = failing(1);
    launcher().click();
    await vi.waitFor(() => view.getByRole('status'));
    launcher().click();
    expect(view.queryByRole('status')).toBeNull();
    launcher().click();
    await vi.waitFor(() => expect(panel.calls).toContainEqual(['setOpen', [true, true]]));
  });

  it('shows nothing for a background load that failed while the chat was closed, and logs it', async () => {
    localStorage.setItem('earshot:demo', JSON.stringify({ token: 'tok', conversationId: 'c1', outbox: [] }));
    const { panel, view, logged } = failing(1);
    await vi.waitFor(() => expect(logged).toHaveBeenCalledTimes(1));
    expect(view.queryByRole('status')).toBeNull();
    expect(panel.calls).toEqual([]);
  });
});
