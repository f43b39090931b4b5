// @vitest-environment happy-dom
import { fireEvent, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PanelController, PanelHost } from '../../../widget/panel/contract';
import { FakeSocket, message, helloResult, site } from '../helpers/fake-socket';
import { clearIntervalsAfterEach } from '../helpers/intervals';
import { testHost } from '../helpers/panel-host';

const sockets: FakeSocket[] = [];
vi.mock('../../../widget/net/socket', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../widget/net/socket')>()),
  openSocket: (_relay: string, _site: string, token: () => string | null) => {
    const s = new FakeSocket(token);
    s.reply('visitor:hello', () => helloResult({ conversation: { id: 'c1', status: 'open', lastSeq: 0, visitorReadSeq: 0 } }));
    s.reply('message:list', () => ({ ok: true, data: { conversationId: 'c1', messages: [], lastSeq: 0 } }));
    s.reply('conversation:read', () => ({ ok: true, data: null }));
    s.reply('message:send', (p) => ({ ok: true, data: message(1, { id: p.id, text: p.text, author: 'visitor' }) }));
    s.reply('feedback:send', (p) => ({ ok: true, data: { id: 'f1', replyExpected: p.contact.mode === 'reply' } }));
    sockets.push(s);
    return s.asSocket();
  },
}));
const { mountPanel } = await import('../../../widget/panel/mount');

clearIntervalsAfterEach();

function mount(over: Partial<PanelHost> = {}) {
  const host = testHost(over);
  const { root } = host;
  const panel: PanelController = mountPanel(host);
  return { host, panel, root, view: within(root as unknown as HTMLElement), socket: sockets.at(-1)! };
}

beforeEach(() => {
  // The panel asks the relay who is there at every hello; nobody can tell here.
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => ({ json: async () => ({ ok: false }) })),
  );
  document.body.innerHTML = '';
  localStorage.clear();
});

describe('mounted panel', () => {
  it('focuses the composer when the visitor opens it', () => {
    const { panel, root, view } = mount();
    panel.setOpen(true, true);
    expect(root.activeElement).toBe(view.getByRole('textbox', { name: 'Message' }));
  });

  it('leaves focus alone when opened by the page', () => {
    const { panel, root } = mount();
    panel.setOpen(true, false);
    expect(root.activeElement).toBeNull();
  });

  it('sends what the visitor types and shows it as sent', async () => {
    const { panel, view, socket } = mount();
    panel.setOpen(true, true);
    await vi.waitFor(() => expect(view.getByRole('heading', { name: 'Demo shop' })).toBeTruthy());
    const box = view.getByRole('textbox', { name: 'Message' });
    fireEvent.input(box, { target: { value: 'Is the mug in stock?' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await vi.waitFor(() => expect(view.getByText(/Sent$/)).toBeTruthy());
    expect(socket.requests('message:send')).toMatchObject([{ conversationId: 'c1', text: 'Is the mug in stock?' }]);
  });

  it('reports unread agent messages while closed', async () => {
    const { host, socket } = mount();
    await vi.waitFor(() => expect(socket.requests('message:list')).toHaveLength(1));
    socket.fire('message:new', message(1));
    expect(host.emit).toHaveBeenCalledWith('unread', 1);
    expect(host.emit).toHaveBeenCalledWith('message', message(1));
    // On the loader's launcher: the badge and its words.
    expect(host.launcher.describe).toHaveBeenLastCalledWith('1 unread message');
    expect(within(host.launcher.el).getByText('1').hidden).toBe(false);
  });

  it('themes the widget with the site’s colour from the relay', async () => {
    const { panel, root, view } = mount();
    panel.setOpen(true, false);
    await vi.waitFor(() => expect(view.getByRole('heading', { name: 'Demo shop' })).toBeTruthy());
    expect((root.host as HTMLElement).style.getPropertyValue('--earshot-color')).toBe(site.color);
  });

  it('keeps the embed’s data-color over the site’s', async () => {
    const { panel, root, view } = mount({ color: '#c00' });
    panel.setOpen(true, false);
    await vi.waitFor(() => expect(view.getByRole('heading', { name: 'Demo shop' })).toBeTruthy());
    expect((root.host as HTMLElement).style.getPropertyValue('--earshot-color')).toBe('');
  });

  it('closes from its close button', () => {
    const { host, panel, view } = mount();
    panel.setOpen(true, false);
    fireEvent.click(view.getByRole('button', { name: 'Close' }));
    expect(host.onClose).toHaveBeenCalled();
  });

  describe('views', () => {
    async function openOnline() {
      const m = mount();
      m.panel.setOpen(true, true);
      await vi.waitFor(() => expect(m.view.getByRole('heading', { name: 'Demo shop' })).toBeTruthy());
      return m;
    }

    it('switches to the feedback form, loaded on first use, and back to the chat', async () => {
      const { view } = await openOnline();
      fireEvent.click(view.getByRole('tab', { name: 'Feedback' }));
      expect(await view.findByRole('radiogroup', { name: 'Rating' })).toBeTruthy();
      expect(view.getByRole('tab', { name: 'Feedback' }).getAttribute('aria-selected')).toBe('true');
      expect(view.queryByRole('textbox', { name: 'Message' })).toBeNull();
      fireEvent.click(view.getByRole('tab', { name: 'Chat' }));
      expect(view.getByRole('textbox', { name: 'Message' })).toBeTruthy();
      expect(view.queryByRole('radiogroup', { name: 'Rating' })).toBeNull();
    });

    it('keeps a feedback draft across a switch to the chat and back', async () => {
      const { view } = await openOnline();
      fireEvent.click(view.getByRole('tab', { name: 'Feedback' }));
      fireEvent.input(await view.findByRole('textbox', { name: 'Your feedback' }), { target: { value: 'Half written' } });
      fireEvent.click(view.getByRole('tab', { name: 'Chat' }));
      fireEvent.click(view.getByRole('tab', { name: 'Feedback' }));
      expect(view.getByRole<HTMLTextAreaElement>('textbox', { name: 'Your feedback' }).value).toBe('Half written');
    });

    it('sends feedback over the panel’s socket with this page’s address and title, then goes back to the chat', async () => {
      document.title = 'Pricing – Demo shop';
      const { root, view, socket } = await openOnline();
      fireEvent.click(view.getByRole('tab', { name: 'Feedback' }));
      fireEvent.click(await view.findByRole('radio', { name: '4 – Good' }));
      fireEvent.click(view.getByRole('button', { name: 'Send feedback' }));
      fireEvent.click(await view.findByRole('button', { name: 'Back to chat' }));
      expect(socket.requests('feedback:send')).toEqual([
        {
          id: expect.any(String),
          rating: 4,
          category: 'idea',
          text: '',
          contact: { mode: 'anonymous' },
          page: { url: location.href, title: 'Pricing – Demo shop' },
          locale: 'en',
        },
      ]);
      const chatTab = view.getByRole('tab', { name: 'Chat' });
      expect(chatTab.getAttribute('aria-selected')).toBe('true');
      expect(root.activeElement).toBe(chatTab);
    });

    it('leaves agent messages unread while the visitor is on the feedback form, and counts them on the Chat tab', async () => {
      const { view, socket, host } = await openOnline();
      await vi.waitFor(() => expect(socket.requests('message:list')).toHaveLength(1));
      fireEvent.click(view.getByRole('tab', { name: 'Feedback' }));
      socket.fire('message:new', message(1));
      expect(socket.requests('conversation:read')).toEqual([]);
      expect(host.emit).toHaveBeenCalledWith('unread', 1);
      fireEvent.click(view.getByRole('tab', { name: 'Chat 1 unread message' }));
      expect(socket.requests('conversation:read')).toEqual([{ conversationId: 'c1', seq: 1 }]);
    });

    it('focuses the tab of the view showing when the visitor opens the panel again', async () => {
      const { panel, root, view } = await openOnline();
      fireEvent.click(view.getByRole('tab', { name: 'Feedback' }));
      await view.findByRole('radiogroup', { name: 'Rating' });
      panel.setOpen(false, false);
      panel.setOpen(true, true);
      expect(root.activeElement).toBe(view.getByRole('tab', { name: 'Feedback' }));
    });

    it('shows no tabs when the site has feedback switched off', async () => {
      const m = mount();
      m.socket.reply('visitor:hello', () => helloResult({ site: { ...site, channels: { chat: true, callback: false, feedback: false } } }));
      m.panel.setOpen(true, false);
      await vi.waitFor(() => expect(m.view.getByRole('heading', { name: 'Demo shop' })).toBeTruthy());
      expect(m.view.queryByRole('tablist')).toBeNull();
      expect(m.view.getByRole('textbox', { name: 'Message' })).toBeTruthy();
    });
  });
});
