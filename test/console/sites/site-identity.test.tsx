// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SiteIdentity as Identity } from '../../../protocol/types';
import { SiteIdentity } from '../../../console/sites/site-identity';

afterEach(cleanup);

const identity = (over: Partial<Identity> = {}): Identity => ({
  siteId: 'demo',
  secret: 'esid_first',
  requireVerification: false,
  rotatedAt: '2025-01-01T10:00:00.000Z',
  ...over,
});
const ok = <T,>(data: T) => Promise.resolve({ ok: true as const, data });

describe('SiteIdentity', () => {
  it('hides the secret until asked, rotates it only after a confirmation, and switches verification on', async () => {
    const onRotate = vi.fn(() => ok(identity({ secret: 'esid_second' })));
    const onRequire = vi.fn((_: string, on: boolean) => ok(identity({ secret: 'esid_second', requireVerification: on })));
    render(<SiteIdentity siteId="demo" onLoad={() => ok(identity())} onRotate={onRotate} onRequire={onRequire} />);
    const secret = await screen.findByLabelText('Identity secret');
    expect(secret.textContent).not.toContain('esid_first');
    fireEvent.click(screen.getByRole('button', { name: 'Show secret' }));
    expect(secret.textContent).toBe('esid_first');

    fireEvent.click(screen.getByRole('button', { name: 'Rotate secret' }));
    expect(onRotate).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Rotate now' }));
    await waitFor(() => expect(screen.getByLabelText('Identity secret').textContent).toBe('esid_second'));
    expect(onRotate).toHaveBeenCalledWith('demo');

    fireEvent.click(screen.getByRole('checkbox', { name: /Require verification/ }));
    await waitFor(() => expect(screen.getByRole<HTMLInputElement>('checkbox', { name: /Require verification/ }).checked).toBe(true));
    expect(onRequire).toHaveBeenCalledWith('demo', true);
  });
});
