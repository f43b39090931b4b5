import { describe, expect, it } from 'vitest';
import { callbackReducer, initialCallback, type CallbackAction, type CallbackState } from '../../../widget/callback/callback-state';
import { closedSlots, stored } from './fixtures';

const run = (s: CallbackState, ...actions: CallbackAction[]) => actions.reduce(callbackReducer, s);
const later = (minutes: number) => new Date(Date.parse('2025-11-24T18:00:00.000Z') + minutes * 60_000).toISOString();

describe('call back state', () => {
  it('asks the server first when online, and goes straight to the form when not', () => {
    expect(initialCallback(true).phase).toBe('restoring');
    expect(initialCallback(false).phase).toBe('form');
  });

  it('shows an open request found on opening, and the form for a finished one', () => {
    expect(run(initialCallback(true), { type: 'restored', request: stored() }).phase).toBe('status');
    const s = run(initialCallback(true), { type: 'restored', request: stored({}, { status: 'cancelled' }) });
    expect([s.phase, s.request, s.draft.phone]).toEqual(['form', null, '+420 602 123 456']);
  });

  it('follows pushes for its request, but not older ones', () => {
    const s = run(initialCallback(true), { type: 'saved', request: stored() });
    const moved = run(s, { type: 'updated', request: stored({}, { status: 'rescheduled', updatedAt: later(5) }) });
    expect(moved.request?.status).toBe('rescheduled');
    expect(run(moved, { type: 'updated', request: stored({}, { status: 'waiting', updatedAt: later(1) }) }).request?.status).toBe(
      'rescheduled',
    );
  });

  it('does not pull a visitor writing a new request back to the finished one', () => {
    const s = run(initialCallback(true), { type: 'saved', request: stored({}, { status: 'called' }) }, { type: 'again' });
    const next = run(s, { type: 'updated', request: stored({}, { status: 'called', updatedAt: later(5) }) });
    expect(next.phase).toBe('form');
  });

  it('keeps the visitor picking a new time while a push leaves the request open, and leaves when it closes', () => {
    const s = run(initialCallback(true), { type: 'saved', request: stored() }, { type: 'change' });
    expect(run(s, { type: 'updated', request: stored({}, { updatedAt: later(1) }) }).phase).toBe('change');
    expect(run(s, { type: 'updated', request: stored({}, { status: 'called', updatedAt: later(1) }) }).phase).toBe('status');
  });

  it('starts a change from the request’s own time', () => {
    const slot = closedSlots.slots[1]!.start;
    const s = run(initialCallback(true), { type: 'saved', request: stored({ when: { start: slot } }) }, { type: 'change' });
    expect([s.draft.mode, s.draft.start]).toEqual(['time', slot]);
  });

  it('drops a chosen window the server no longer offers', () => {
    const s = run(initialCallback(false), { type: 'edit', change: { mode: 'time', start: closedSlots.slots[0]!.start } });
    expect(run(s, { type: 'slots', slots: { ...closedSlots, slots: closedSlots.slots.slice(1) } }).draft.start).toBeNull();
    expect(run(s, { type: 'slots', slots: closedSlots }).draft.start).toBe(closedSlots.slots[0]!.start);
  });
});
