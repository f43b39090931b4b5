// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CategoryChart } from '../../../console/feedback/category-chart';
import { RatingChart } from '../../../console/feedback/rating-chart';
import { stats } from './fixtures';

afterEach(cleanup);

const height = (el: Element | null) => Number(el!.getAttribute('height'));

describe('feedback charts', () => {
  it('draws a day averaging 4 twice as tall as a day averaging 2, and no bar for a day without ratings', () => {
    const s = stats([4, 2, null]);
    const { container } = render(<RatingChart days={s.days} />);
    const bar = (date: string) => container.querySelector(`rect[data-date="${date}"]`);
    expect(height(bar('2025-01-01'))).toBeGreaterThan(0);
    expect(height(bar('2025-01-01'))).toBe(2 * height(bar('2025-01-02')));
    expect(height(bar('2025-01-03'))).toBe(0);
  });

  it('names the rating chart with a summary and lists every day in a table', () => {
    render(<RatingChart days={stats([4, 2]).days} />);
    const img = screen.getByRole('img', { name: /Average rating per day over the last 30 days: 2 days with ratings, lowest 2, highest 4/ });
    expect(img.tagName.toLowerCase()).toBe('svg');
    const table = screen.getByRole('table', { name: 'Average rating per day' });
    expect(table.querySelectorAll('tbody tr')).toHaveLength(30);
    expect(screen.getByRole('rowheader', { name: '2025-01-01' }).nextElementSibling!.textContent).toBe('4');
  });

  it('draws each category in proportion to its count', () => {
    const { container } = render(<CategoryChart categories={stats([], { complaint: 6, praise: 3, idea: 0, question: 2 }).categories} />);
    const bar = (c: string) => container.querySelector(`rect[data-category="${c}"]`);
    expect(height(bar('praise'))).toBe(height(bar('complaint')) / 2);
    expect(height(bar('question'))).toBeCloseTo(height(bar('complaint')) / 3, 1);
    expect(height(bar('idea'))).toBe(0);
    expect(
      screen.getByRole('img', { name: 'Feedback per category over the last 30 days: Complaint 6, Praise 3, Idea 0, Question 2.' }),
    ).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'Complaint' }).nextElementSibling!.textContent).toBe('6');
  });
});
