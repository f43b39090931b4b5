// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VisitorPanel } from '../../../console/visitor/visitor-panel';
import { profile, row } from '../fake-socket';

afterEach(cleanup);

// 10:00 UTC is 11:00 in Prague in winter.
const NOW = Date.parse('2025-01-01T10:00:00.000Z');

function renderPanel(
  visitor = profile(),
  history = [
    row('old', { status: 'resolved', lastMessage: { text: 'Earlier question', author: 'visitor', createdAt: '2024-12-01T10:00:00.000Z' } }),
  ],
) {
  const onOpen = vi.fn();
  render(<VisitorPanel visitor={visitor} history={history} now={NOW} locale="en-GB" onOpen={onOpen} />);
  return { onOpen, panel: within(screen.getByRole('complementary')) };
}

describe('VisitorPanel', () => {
  it('links the current page in a new tab without handing over the opener', () => {
    const { panel } = renderPanel();
    const link = panel.getByRole('link', { name: 'https://shop.example/pricing' });
    expect(link.getAttribute('href')).toBe('https://shop.example/pricing');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(panel.getByText('Pricing')).toBeTruthy();
  });

  it('shows browser, OS, language, visits and presence', () => {
    const { panel } = renderPanel();
    expect(panel.getByText('Firefox 128')).toBeTruthy();
    expect(panel.getByText('Windows 11')).toBeTruthy();
    expect(panel.getByText(/cs-CZ/)).toBeTruthy();
    expect(panel.getByText('3')).toBeTruthy();
    expect(panel.getByText('Online')).toBeTruthy();
  });

  it("shows the visitor's local time in their timezone", () => {
    const { panel } = renderPanel();
    const row = panel.getByText('Local time').parentElement!;
    expect(row.textContent).toContain('11:00');
    expect(row.textContent).toContain('Europe/Prague');
  });

  it('shows an unknown timezone without a made-up time', () => {
    const { panel } = renderPanel(profile({ timezone: 'Mars/Olympus' }));
    expect(panel.getByText('Local time').parentElement!.textContent).toBe('Local timeMars/Olympus');
  });

  it('never turns a javascript: page URL into a link', () => {
    const { panel } = renderPanel(profile({ pageUrl: 'javascript:alert(1)' }));
    expect(panel.getByText('javascript:alert(1)').closest('a')).toBeNull();
  });

  it("opens one of the visitor's other conversations", () => {
    const { panel, onOpen } = renderPanel();
    fireEvent.click(panel.getByRole('link', { name: /Earlier question/ }));
    expect(onOpen).toHaveBeenCalledWith('old');
  });

  it('marks a verified identity as verified, with its user id, and a claimed one as not verified', () => {
    const verified = renderPanel(
      profile({ name: 'Ana', displayName: 'Ana', email: 'ana@example.test', identity: 'verified', externalId: 'user-42' }),
    );
    expect(verified.panel.getByText('Verified')).toBeTruthy();
    expect(verified.panel.queryByText(/Claimed/)).toBeNull();
    expect(verified.panel.getByText('User ID').parentElement!.textContent).toBe('User IDuser-42');
    cleanup();
    const claimed = renderPanel(profile({ name: 'Ana', displayName: 'Ana', email: 'ana@example.test', identity: 'claimed' }));
    expect(claimed.panel.getByText('Claimed, not verified')).toBeTruthy();
    expect(claimed.panel.queryByText('Verified')).toBeNull();
    expect(claimed.panel.queryByText('User ID')).toBeNull();
    cleanup();
    const anonymous = renderPanel();
    expect(anonymous.panel.queryByText(/Verified|Claimed/)).toBeNull();
  });
});
