import { describe, expect, it } from 'vitest';
import { initialState, reducer } from '../../../console/state/reducer';
import type { Action, ConsoleState } from '../../../console/state/types';

const run = (actions: Action[], from: ConsoleState = initialState()) => actions.reduce(reducer, from);
const me = { id: 'a1', email: 'olga@shop.test', name: 'Olga', role: 'agent' as const };

describe('reducer: the signed-in agent', () => {
  it('takes a new display name without forgetting the rest of the console', () => {
    const s = run([
      { type: 'auth/signed-in', agent: me },
      { type: 'filter', filter: 'resolved' },
      { type: 'auth/agent-updated', agent: { ...me, name: 'Olga S.' } },
    ]);
    expect([s.agent?.name, s.filter, s.auth]).toEqual(['Olga S.', 'resolved', 'signed-in']);
  });

  it('takes the name given in another tab from the presence list', () => {
    const s = run([
      { type: 'auth/signed-in', agent: me },
      { type: 'presence', agents: [{ id: 'a1', name: 'Olga S.', online: true, away: false }] },
    ]);
    expect(s.agent).toEqual({ ...me, name: 'Olga S.' });
  });
});
