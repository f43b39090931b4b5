import type { ViewProps } from '../../../widget/panel/view-types';
import { request } from '../../../widget/net/socket';
import type { FakeSocket } from './fake-socket';
import { t } from './t';

/** The page a view attaches to what it sends in these tests. */
export const testPage = { url: 'https://shop.test/checkout?step=2', title: 'Checkout – Demo shop' };

/**
 * What the panel hands a view, over a fake server: requests and pushes go through `socket`
 * (offline, a request fails as the panel's does), ids count up; `over` replaces any of it.
 */
export function viewProps(socket: FakeSocket, over: Partial<ViewProps> = {}): ViewProps {
  const online = over.online ?? true;
  let ids = 0;
  return {
    t,
    online,
    request: (event, payload) =>
      online ? request(socket.asSocket(), event, payload) : Promise.resolve({ ok: false, code: 'offline', message: 'Not connected.' }),
    on: (event, fn) => {
      socket.on(event, fn);
      return () => {};
    },
    page: () => testPage,
    showView: () => {},
    newId: () => `id${++ids}`,
    ...over,
  };
}
