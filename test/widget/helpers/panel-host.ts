import { vi } from 'vitest';
import type { PanelHost } from '../../../widget/panel/contract';
import { t } from './t';

/**
 * What the loader hands the panel, in a fresh shadow root on the page: the demo site on a test
 * relay, English, no identity, every callback a spy; `over` changes what a test looks at.
 */
export function testHost(over: Partial<PanelHost> = {}): PanelHost & { root: ShadowRoot } {
  const root = document.body.appendChild(document.createElement('div')).attachShadow({ mode: 'open' });
  return {
    root,
    relay: 'https://relay.test',
    siteId: 'demo',
    storageKey: 'earshot:demo',
    t,
    adoptStyles: () => {},
    launcher: { el: document.createElement('button'), describe: vi.fn(), setStatus: vi.fn() },
    emit: vi.fn(),
    onClose: vi.fn(),
    status: Promise.resolve(null),
    ...over,
  };
}
