import { render } from '@testing-library/preact';
import { expect, vi } from 'vitest';
import type { Agent } from '../../protocol/types';
import { App } from '../../console/app/app';
import type { DesktopAlerts } from '../../console/net/desktop-alerts';
import type { WinBackApi } from '../../console/net/winback-api';
import { initialState, reducer } from '../../console/state/reducer';
import { createStore } from '../../console/state/store';
import { fakeDesktop } from './fake-desktop';
import { fakePage } from './fake-page';
import type { FakeSocket } from './fake-socket';

export interface SignedInOptions {
  /** Where the console opens; the current URL when not given. */
  path?: string;
  desktop?: DesktopAlerts;
  /** Whether the fake server accepts the connection at once (a test may want to answer more first). */
  connect?: boolean;
  /** The Win back calls; by default an empty list. */
  winBackApi?: WinBackApi;
}

/** Win back with nobody on it: the nav counts 0. */
const emptyWinBack = (): WinBackApi => {
  const none = async () => ({ ok: false as const, code: 'not_found', message: 'Not in this test.' });
  return {
    list: async () => ({ ok: true, data: { items: [], agents: [] } }),
    count: async () => ({ ok: true, data: 0 }),
    change: none,
    callBack: none,
    email: none,
    erase: none,
    audit: async () => ({ ok: true, data: [] }),
  };
};

/**
 * Renders the whole console signed in as `agent` (the session cookie is valid), with `socket` as the fake
 * server the caller has already taught its answers, and waits until the console dials it.
 */
export async function renderSignedIn(agent: Agent, socket: FakeSocket, opts: SignedInOptions = {}) {
  if (opts.path) history.replaceState(null, '', opts.path);
  const store = createStore(reducer, initialState());
  const api = {
    me: async () => ({ ok: true as const, data: agent }),
    login: vi.fn(),
    logout: async () => ({ ok: true as const, data: null }),
  };
  const desktop = opts.desktop ?? fakeDesktop();
  render(
    <App
      store={store}
      api={api}
      connect={() => socket.asSocket()}
      page={fakePage()}
      desktopAlerts={desktop}
      winBackApi={opts.winBackApi ?? emptyWinBack()}
    />,
  );
  await vi.waitFor(() => expect(socket.active).toBe(true));
  if (opts.connect ?? true) socket.serverConnect();
  return { store, desktop };
}
