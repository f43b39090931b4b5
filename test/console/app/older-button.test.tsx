// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OlderButton } from '../../../console/app/older-button';

afterEach(cleanup);

describe('OlderButton', () => {
  it('asks for the older page once and is busy until it has come, keeping the focus', async () => {
    let done!: () => void;
    const onOlder = vi.fn(() => new Promise<void>((r) => (done = r)));
    render(<OlderButton label="Show older things" busyLabel="Loading older things…" onOlder={onOlder} />);
    const button = screen.getByRole('button', { name: 'Show older things' });
    button.focus();
    fireEvent.click(button);
    expect(onOlder).toHaveBeenCalledTimes(1);
    const busy = screen.getByRole('button', { name: 'Loading older things…' });
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(busy);
    expect(onOlder).toHaveBeenCalledTimes(1);
    // Still focusable while busy: a disabled button would drop the keyboard user's place.
    expect((busy as HTMLButtonElement).disabled).toBe(false);
    expect(document.activeElement).toBe(busy);
    done();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Show older things' }).getAttribute('aria-disabled')).toBe('false'));
  });
});
