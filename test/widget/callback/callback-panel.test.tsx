// @vitest-environment happy-dom
import { fireEvent, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSocket, helloResult, site } from '../helpers/fake-socket';
import { testHost } from '../helpers/panel-host';
import { closedSlots, stored } from './fixtures';
import { clearIntervalsAfterEach } from '../helpers/intervals';
import { texts } from '../../helpers/texts';

const sockets: FakeSocket[] = [];
vi.mock('../../../widget/net/socket', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../widget/net/socket')>()),
  openSocket: (_relay: string, _site: string, token: () => string | null) => {
    const s = new FakeSocket(token);
    s.reply('visitor:hello', () => helloResult());
    s.reply('callback:slots', () => ({ ok: true, data: closedSlots }));
    s.reply('callback:mine', () => ({ ok: true, data: stored() }));
    sockets.push(s);
    return s.asSocket();
  },
}));
const { mountPanel } = await import('../../../widget/panel/mount');

clearIntervalsAfterEach();

/** The panel as the loader mounts it, opened, over a fake server with an open request. */
async function openPanel() {
  const host = testHost();
  const { root } = host;
  mountPanel(host).setOpen(true, true);
  const view = within(root as unknown as HTMLElement);
  await view.findByRole('heading', { name: 'Demo shop' });
  return { view, socket: sockets.at(-1)! };
}

beforeEach(() => {
  // The panel may ask the relay over HTTP too; there is none here.
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('no network in tests')));
  document.body.innerHTML = '';
  localStorage.clear();
});

describe('call me back in the panel', () => {
  it('is a tab, loaded on first use, that restores the open request and follows it over the panel’s socket', async () => {
    const { view, socket } = await openPanel();
    expect(texts(view.getAllByRole('tab'))).toEqual(['Chat', 'Call me back', 'Feedback']);
    fireEvent.click(view.getByRole('tab', { name: 'Call me back' }));
    expect(await view.findByRole('button', { name: 'Cancel request' })).toBeTruthy();
    expect(view.getByRole('status').textContent).toBe('Waiting for our call');
    socket.fire('callback:updated', stored({}, { status: 'called', updatedAt: '2025-11-24T19:00:00.000Z' }));
    await vi.waitFor(() => expect(view.getByRole('status').textContent).toBe('Done: we called you'));
  });

  it('has no tab when the site has call backs switched off', async () => {
    sockets.length = 0;
    const pending = openPanel();
    sockets[0]!.reply('visitor:hello', () => helloResult({ site: { ...site, channels: { chat: true, callback: false, feedback: true } } }));
    const { view } = await pending;
    expect(texts(view.getAllByRole('tab'))).toEqual(['Chat', 'Feedback']);
  });
});
