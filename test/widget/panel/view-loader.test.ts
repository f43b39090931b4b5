import { afterEach, describe, expect, it, vi } from 'vitest';
import { part } from '../../../widget/chat/lazy-part';
import { createViewLoader } from '../../../widget/panel/view-loader';
import type { PanelView, ViewModule } from '../../../widget/panel/views';

afterEach(() => vi.restoreAllMocks());

/** An import that fails `failures` times with the browser's error, then gives `module`. */
function flaky<M>(failures: number, module: M) {
  return vi.fn(async () => {
    if (failures-- > 0) throw new TypeError('Failed to fetch dynamically imported module: https://relay.test/earshot/x.js');
    return module;
  });
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a view whose chunk does not arrive', () => {
  it('is failed, logged once with the browser’s reason, and loads on the next try', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const module: ViewModule = { View: () => null, css: '.x{}' };
    const load = flaky(1, module);
    const views: PanelView[] = [{ id: 'callback', label: 'tab_callback', channel: 'callback', load }];
    const adopted: string[] = [];
    const loader = createViewLoader(
      views,
      (css) => adopted.push(css),
      () => {},
    );
    loader.load('callback');
    await settled();
    expect(loader.status('callback')).toBe('failed');
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0]![1])).toContain('earshot/x.js');
    loader.load('callback');
    await settled();
    expect(loader.status('callback')).toBe('ready');
    expect(loader.component('callback')).toBe(module.View);
    expect(adopted).toEqual(['.x{}']);
    expect(logged).toHaveBeenCalledTimes(1);
  });
});

describe('a part of the chat whose chunk does not arrive', () => {
  it('rejects, is logged once however many wait for it, and loads on the next try', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const importer = flaky(1, { css: '.y{}' });
    const extras = part(importer);
    const adopt = () => {};
    const waiting = [extras.load(adopt), extras.load(adopt)];
    await Promise.allSettled(waiting);
    await expect(waiting[0]).rejects.toThrow('Failed to fetch');
    expect(logged).toHaveBeenCalledTimes(1);
    await expect(extras.load(adopt)).resolves.toEqual({ css: '.y{}' });
    expect(extras.get()).toEqual({ css: '.y{}' });
    expect(importer).toHaveBeenCalledTimes(2);
  });
});
