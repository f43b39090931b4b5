// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OlderButton } from '../../../console/app/older-button';

afterEach(cleanup);

describe('OlderButton', () => {
  it('asks for the older page once and is busy until it has come', async () => {
    let done!: () => void;
    const onOlder = vi.fn(() => new Promise<void>((r) => (done = r)));
    render(<OlderButton label="Show older things" busyLabel="Loading older things…" onOlder={onOlder} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show older things' }));
    expect(onOlder).toHaveBeenCalledTimes(1);
    expect((screen.getByRole('button', { name: 'Loading older things…' }) as HTMLButtonElement).disabled).toBe(true);
    done();
    await waitFor(() => expect((screen.getByRole('button', { name: 'Show older things' }) as HTMLButtonElement).disabled).toBe(false));
  });
});
