// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InboxPanel, type InboxPanelProps } from '../../../console/inbox/inbox-panel';
import { row } from '../fake-socket';

afterEach(cleanup);

const NOW = Date.parse('2025-01-01T12:00:00.000Z');

function renderInbox(over: Partial<InboxPanelProps> = {}) {
  const props: InboxPanelProps = {
    rows: [
      row('a', { visitorName: 'Amber Marten', unread: 3, updatedAt: '2025-01-01T11:55:00.000Z' }),
      row('b', { visitorName: 'Coral Swan', status: 'open', updatedAt: '2025-01-01T09:00:00.000Z' }),
    ],
    loaded: true,
    complete: true,
    filter: 'active',
    selectedId: null,
    typingIds: new Set(),
    now: NOW,
    onFilter: vi.fn(),
    onOpen: vi.fn(),
    onOlder: vi.fn(async () => {}),
    ...over,
  };
  render(<InboxPanel {...props} />);
  return props;
}

const links = () => within(screen.getByRole('navigation')).getAllByRole('link');

describe('InboxPanel', () => {
  it('lists conversations in the order given, with visitor, status, preview, unread and time', () => {
    renderInbox();
    const [first, second] = links();
    expect(first!.textContent).toContain('Amber Marten');
    expect(first!.textContent).toContain('Pending');
    expect(first!.textContent).toContain('hello from a');
    expect(first!.textContent).toContain('3 unread');
    expect(first!.textContent).toContain('5 min');
    expect(second!.textContent).toContain('Coral Swan');
    expect(second!.textContent).not.toContain('unread');
  });

  it('opens a conversation on click', () => {
    const props = renderInbox();
    fireEvent.click(links()[1]!);
    expect(props.onOpen).toHaveBeenCalledWith('b');
  });

  it('marks the open conversation as current', () => {
    renderInbox({ selectedId: 'b' });
    expect(links()[1]!.getAttribute('aria-current')).toBe('page');
    expect(links()[0]!.getAttribute('aria-current')).toBeNull();
  });

  it('offers older conversations until it has them all', () => {
    const props = renderInbox({ complete: false });
    fireEvent.click(screen.getByRole('button', { name: 'Show older conversations' }));
    expect(props.onOlder).toHaveBeenCalledTimes(1);
    cleanup();
    renderInbox({ complete: true });
    expect(screen.queryByRole('button', { name: /older conversations/ })).toBeNull();
  });

  it('does not claim there are none when older conversations are not loaded yet', () => {
    renderInbox({ rows: [], complete: false });
    expect(screen.getByText('None among the latest conversations.')).toBeTruthy();
    expect(screen.queryByText('No active conversations. New chats appear here.')).toBeNull();
  });

  it('switches the filter from the Resolved tab', () => {
    const props = renderInbox();
    expect(screen.getByRole('tab', { name: 'Active' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.click(screen.getByRole('tab', { name: 'Resolved' }));
    expect(props.onFilter).toHaveBeenCalledWith('resolved');
  });

  it('says when the visitor is typing instead of the preview', () => {
    renderInbox({ typingIds: new Set(['a']) });
    expect(links()[0]!.textContent).toContain('typing…');
  });
});
