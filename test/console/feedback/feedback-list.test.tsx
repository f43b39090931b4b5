// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FeedbackList, type FeedbackListProps } from '../../../console/feedback/feedback-list';
import { DEFAULT_VIEW } from '../../../console/state/feedback-selectors';
import { item } from './fixtures';

afterEach(cleanup);

const NOW = Date.parse('2025-01-01T12:00:00.000Z');

function renderList(over: Partial<FeedbackListProps> = {}) {
  const props: FeedbackListProps = {
    items: [
      item('a', {
        rating: 2,
        text: 'Shipping took\nthree weeks.',
        updatedAt: '2025-01-01T11:55:00.000Z',
        createdAt: '2025-01-01T11:55:00.000Z',
      }),
      item('b', {
        rating: null,
        category: 'idea',
        name: null,
        email: null,
        status: 'archived',
        pageUrl: 'https://shop.example/',
        text: 'Dark mode?',
      }),
    ],
    loaded: true,
    more: false,
    view: DEFAULT_VIEW,
    selectedId: null,
    now: NOW,
    onView: vi.fn(),
    onOpen: vi.fn(),
    onOlder: vi.fn(async () => {}),
    ...over,
  };
  render(<FeedbackList {...props} />);
  return props;
}

const rows = () => within(screen.getByRole('list', { name: 'Feedback items' })).getAllByRole('link');

describe('FeedbackList', () => {
  it('shows rating, category, excerpt, page, contact, status and time of each item', () => {
    renderList();
    const [first, second] = rows();
    expect(first!.textContent).toContain('★ 2/5');
    expect(within(first!).getByText('Rating 2 out of 5')).toBeTruthy();
    expect(first!.textContent).toContain('Complaint');
    expect(first!.textContent).toContain('Shipping took three weeks.');
    expect(first!.textContent).toContain('shop.example/checkout');
    expect(first!.textContent).toContain('Ana');
    expect(first!.textContent).toContain('New');
    expect(first!.textContent).toContain('5 min');
    expect(second!.textContent).toContain('anonymous');
    expect(second!.textContent).toContain('No rating');
    expect(second!.textContent).toContain('Archived');
  });

  it('opens an item on click', () => {
    const props = renderList();
    fireEvent.click(rows()[1]!);
    expect(props.onOpen).toHaveBeenCalledWith('b');
  });

  it('turns on the Unhappy filter', () => {
    const props = renderList();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Unhappy' }));
    expect(props.onView).toHaveBeenCalledWith({ ...DEFAULT_VIEW, unhappy: true });
  });

  it('filters by category, status and page', () => {
    const props = renderList();
    fireEvent.change(screen.getByRole('combobox', { name: 'Category' }), { target: { value: 'idea' } });
    expect(props.onView).toHaveBeenLastCalledWith({ ...DEFAULT_VIEW, category: 'idea' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'all' } });
    expect(props.onView).toHaveBeenLastCalledWith({ ...DEFAULT_VIEW, status: 'all' });
    fireEvent.input(screen.getByRole('searchbox', { name: 'Page contains' }), { target: { value: '/checkout' } });
    expect(props.onView).toHaveBeenLastCalledWith({ ...DEFAULT_VIEW, page: '/checkout' });
  });

  it('offers older feedback while the server has more, and none once it has all', () => {
    const props = renderList({ more: true });
    fireEvent.click(screen.getByRole('button', { name: 'Show older feedback' }));
    expect(props.onOlder).toHaveBeenCalledTimes(1);
    cleanup();
    renderList({ more: false });
    expect(screen.queryByRole('button', { name: /older feedback/ })).toBeNull();
  });

  it('does not claim there is no feedback when older items are not loaded yet', () => {
    renderList({ items: [], more: true });
    expect(screen.getByText('None among the latest feedback.')).toBeTruthy();
    expect(screen.queryByText(/No new feedback/)).toBeNull();
  });

  it('says when nothing matches the filters', () => {
    renderList({ items: [], view: { ...DEFAULT_VIEW, unhappy: true } });
    expect(screen.getByText('No feedback matches these filters.')).toBeTruthy();
  });
});
