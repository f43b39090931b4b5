// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, expect, it } from 'vitest';
import { RatingField } from '../../../widget/feedback/rating-field';
import { t } from '../helpers/t';

afterEach(cleanup);

it('puts the five ratings in one radio group, so arrow keys move between them and Tab stops once', () => {
  render(<RatingField t={t} value={null} problem={undefined} onChange={() => {}} name="earshot-survey" />);
  const names = screen.getAllByRole('radio').map((r) => (r as HTMLInputElement).name);
  expect(names).toEqual(Array(5).fill('earshot-survey'));
});
