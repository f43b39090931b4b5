import { describe, expect, it, vi } from 'vitest';
import { createEvents, installApi, installStub, type EarshotWindow } from '../../../widget/embed/api';

describe('public API', () => {
  it('replays calls the stub queued, in order, and runs later calls directly', () => {
    const win: EarshotWindow = {};
    installStub(win);
    win.Earshot!('identify', { name: 'Jo' });
    win.Earshot!('open');
    const run = vi.fn();
    installApi(win, run);
    win.Earshot!('close');
    expect(run.mock.calls).toEqual([
      ['identify', [{ name: 'Jo' }]],
      ['open', []],
      ['close', []],
    ]);
  });

  it('replays the queue of the stub a site owner pasted', () => {
    const win: EarshotWindow = {};
    // The documented one-liner, with `arguments` objects in its queue.
    const stub = function (this: unknown) {
      // eslint-disable-next-line prefer-rest-params
      (stub.q = stub.q || []).push(arguments);
    } as unknown as NonNullable<EarshotWindow['Earshot']>;
    win.Earshot = stub;
    win.Earshot('toggle');
    const run = vi.fn();
    installApi(win, run);
    expect(run).toHaveBeenCalledWith('toggle', []);
  });

  it('keeps calling listeners after one throws', () => {
    const events = createEvents();
    const later = vi.fn();
    events.on('message', () => {
      throw new Error('site bug');
    });
    events.on('message', later);
    events.emit('message', { id: 'm1' });
    expect(later).toHaveBeenCalledWith({ id: 'm1' });
  });
});
