// @vitest-environment happy-dom
import { fireEvent, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PanelController, PanelHost } from '../../../widget/panel/contract';
import { FakeSocket, message, helloResult } from '../helpers/fake-socket';
import { t } from '../helpers/t';

const sockets: FakeSocket[] = [];
vi.mock('../../../widget/net/socket', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../widget/net/socket')>()),
  openSocket: (_relay: string, _site: string, token: () => string | null) => {
    const s = new FakeSocket(token);
    s.reply('visitor:hello', () => helloResult({ conversation: { id: 'c1', status: 'open', lastSeq: 0, visitorReadSeq: 0 } }));
    s.reply('message:list', () => ({ ok: true, data: { conversationId: 'c1', messages: [], lastSeq: 0 } }));
    s.reply('conversation:read', () => ({ ok: true, data: null }));
    s.reply('message:send', (p) => ({ ok: true, data: message(1, { id: p.id, text: p.text, author: 'visitor' }) }));
    sockets.push(s);
    return s.asSocket();
  },
}));
const { mountPanel } = await import('../../../widget/panel/mount');

function mount(over: Partial<PanelHost> = {}) {
  const root = document.body.appendChild(document.createElement('div')).attachShadow({ mode: 'open' });
  const host: PanelHost = {
    root,
    relay: 'https://relay.test',
    siteId: 'demo',
    storageKey: 'earshot:demo',
    t,
    identity: null,
    adoptStyles: () => {},
    setColor: vi.fn(),
    onUnread: vi.fn(),
    onMessage: vi.fn(),
    onClose: vi.fn(),
    ...over,
  };
  const panel: PanelController = mountPanel(host);
  return { host, panel, root, view: within(root as unknown as HTMLElement), socket: sockets.at(-1)! };
}

beforeEach(() => {
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
    expect(host.onUnread).toHaveBeenLastCalledWith(1);
    expect(host.onMessage).toHaveBeenCalledWith(message(1));
  });

  it('closes from its close button', () => {
    const { host, panel, view } = mount();
    panel.setOpen(true, false);
    fireEvent.click(view.getByRole('button', { name: 'Close' }));
    expect(host.onClose).toHaveBeenCalled();
  });
});
