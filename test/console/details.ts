import { fireEvent, screen } from '@testing-library/preact';

/** Opens the collapsed `<details>` section whose summary reads `summary`, as a click on it would. */
export function openSection(summary: string): void {
  const details = screen.getByText(summary).closest('details')!;
  details.open = true;
  fireEvent(details, new Event('toggle'));
}
