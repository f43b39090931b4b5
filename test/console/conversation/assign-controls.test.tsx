// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AssignControls, type AssignAnswer } from '../../../console/conversation/assign-controls';
import type { ConversationSummary } from '../../../protocol/types';
import { countByView, visibleRows } from '../../../console/state/selectors';
import { row } from '../fake-socket';

afterEach(cleanup);

const agents = [
  { id: 'ana', name: 'Ana', online: true, away: false },
  { id: 'bob', name: 'Bob', online: true, away: true },
];

function renderControls(conversation: ConversationSummary, answer: AssignAnswer = { ok: true }) {
  const onAssign = vi.fn(async () => answer);
  render(<AssignControls conversation={conversation} me="ana" agents={agents} onAssign={onAssign} />);
  return onAssign;
}

describe('assignment controls', () => {
  it('"Assign to me" claims an unassigned chat, and says who was faster when refused', async () => {
    const onAssign = renderControls(row('c1'), { ok: false, message: 'Bob has this chat now.' });
    expect(screen.getByText('Unassigned')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Assign to me' }));
    expect(onAssign).toHaveBeenCalledWith('ana', null, undefined);
    expect((await screen.findByRole('alert')).textContent).toBe('Bob has this chat now.');
  });

  it('transfers to the chosen agent from the one who has it, with the note', async () => {
    const onAssign = renderControls(row('c1', { assignee: { id: 'ana', name: 'Ana' } }));
    expect(screen.getByText('Assigned to you')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Assign to me' })).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: 'Transfer to' }), { target: { value: 'bob' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Note for them' }), { target: { value: 'Wants a refund' } });
    fireEvent.click(screen.getByRole('button', { name: 'Transfer' }));
    await waitFor(() => expect(onAssign).toHaveBeenCalledWith('bob', 'ana', 'Wants a refund'));
    expect(screen.getByRole('option', { name: 'Bob (away)' })).toBeTruthy();
  });

  it('shows the transfer note to the agents, and offers a take-over of another agent’s chat', () => {
    renderControls(row('c1', { assignee: { id: 'bob', name: 'Bob' }, handoff: { note: 'VIP customer', byName: 'Cy' } }));
    expect(screen.getByText('VIP customer')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Take over from Bob' })).toBeTruthy();
  });
});

describe('assignment views', () => {
  const inbox = {
    a: row('a', { assignee: { id: 'ana', name: 'Ana' } }),
    b: row('b'),
    c: row('c', { assignee: { id: 'bob', name: 'Bob' } }),
    d: row('d', { status: 'resolved' }),
  };
  const base = { inbox, filter: 'active' as const, agent: { id: 'ana' } };

  it('splits the active rows into Mine, Unassigned and All, with counts', () => {
    expect(countByView(base)).toEqual({ mine: 1, unassigned: 1, all: 3 });
    expect(visibleRows({ ...base, assignView: 'mine' }).map((r) => r.id)).toEqual(['a']);
    expect(visibleRows({ ...base, assignView: 'unassigned' }).map((r) => r.id)).toEqual(['b']);
    expect(
      visibleRows({ ...base, assignView: 'all' })
        .map((r) => r.id)
        .sort(),
    ).toEqual(['a', 'b', 'c']);
  });
});
