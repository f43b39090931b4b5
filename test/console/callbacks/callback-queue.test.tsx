// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallbackItem } from '../../../protocol/types';
import { CallbackQueue } from '../../../console/callbacks/callback-queue';
import { initialCallbacks } from '../../../console/state/callback-reducer';
import { visibleCallbacks } from '../../../console/state/callback-selectors';
import { callback } from './fixtures';

// Numbers are grouped once the lazily loaded formatter is in; load it up front.
afterEach(cleanup);

const NOW = Date.parse('2025-01-01T13:42:00.000Z');
/** The agent sits in Prague (UTC+1 in winter); the visitor in Yerevan (UTC+4). */
const clocks = { agent: 'Europe/Prague', locale: 'en-GB' };

function renderQueue(list: CallbackItem[], over: { onOpen?: (id: string) => void; onView?: () => void } = {}) {
  const items = visibleCallbacks({ ...initialCallbacks(), items: Object.fromEntries(list.map((c) => [c.id, c])) });
  render(
    <CallbackQueue
      items={items}
      loaded
      view="open"
      selectedId={null}
      now={NOW}
      clocks={clocks}
      onView={over.onView ?? vi.fn()}
      onOpen={over.onOpen ?? vi.fn()}
    />,
  );
  return within(screen.getByRole('list', { name: 'Call back requests' })).getAllByRole('listitem');
}

describe('CallbackQueue', () => {
  it('puts the overdue request first and says by how much, in words', () => {
    const rows = renderQueue([
      callback('later', { name: 'Bo', visitorName: 'Bo', dueAt: '2025-01-01T14:12:00.000Z' }),
      callback('late', { dueAt: '2025-01-01T13:30:00.000Z' }),
    ]);
    expect(screen.getByRole('region', { name: 'Callbacks' })).toBeTruthy();
    expect(rows.map((r) => within(r).getAllByRole('link')[0]!.textContent)).toEqual(['Ana', 'Bo']);
    expect(rows[0]!.textContent).toContain('Overdue by 12 min');
    expect(rows[1]!.textContent).toContain('Due in 30 min');
    expect(rows[1]!.textContent).not.toContain('Overdue');
  });

  it('shows a new "as soon as possible" request as due now, not overdue, until it has waited 15 minutes', () => {
    const [fresh] = renderQueue([callback('new', { asap: true, dueAt: '2025-01-01T13:42:00.000Z' })]);
    expect(fresh!.textContent).toContain('Due now');
    expect(fresh!.className).not.toContain('is-overdue');
    cleanup();
    const [waited] = renderQueue([callback('new', { asap: true, dueAt: '2025-01-01T13:30:00.000Z' })]);
    expect(waited!.textContent).toContain('Due now');
    expect(waited!.className).not.toContain('is-overdue');
    cleanup();
    const [late] = renderQueue([callback('old', { asap: true, dueAt: '2025-01-01T13:20:00.000Z' })]);
    expect(late!.textContent).toContain('Overdue by 7 min');
    expect(late!.className).toContain('is-overdue');
  });

  it("shows the due time on the agent's clock and on the visitor's", () => {
    const [row] = renderQueue([callback('a', { dueAt: '2025-01-01T13:30:00.000Z' })]);
    expect(row!.textContent).toContain('Your time Wed 1 Jan, 14:30');
    expect(row!.textContent).toContain("Visitor's time Wed 1 Jan, 17:30");
    expect(row!.textContent).toContain('(Yerevan)');
  });

  it('says so when the visitor did not tell their time zone', () => {
    const [row] = renderQueue([callback('a', { visitorTimezone: null })]);
    expect(row!.textContent).toContain("Visitor's time unknown");
  });

  it('links the phone as tel: and shows it grouped, with the topic, attempts and who claimed it', () => {
    const [row] = renderQueue([callback('a', { asap: true, attempts: 2, claimedBy: { id: 'b1', name: 'Ben' } })]);
    const phone = within(row!).getByRole('link', { name: '+420 602 123 456' });
    expect(phone.getAttribute('href')).toBe('tel:+420602123456');
    expect(row!.textContent).toContain('As soon as possible');
    expect(row!.textContent).toContain('Order 1042 never arrived');
    expect(row!.textContent).toContain('2 attempts');
    expect(row!.textContent).toContain('Claimed by Ben');
    expect(within(row!).getByRole('link', { name: 'shop.example/checkout' }).getAttribute('href')).toBe('https://shop.example/checkout');
  });

  it('never makes a non-http page a link', () => {
    const [row] = renderQueue([callback('a', { pageUrl: 'javascript:alert(1)' })]);
    expect(
      within(row!)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual(['/console/callbacks/a', 'tel:+420602123456']);
  });

  it('opens a request from its name and switches to every request with the toggle', () => {
    const onOpen = vi.fn();
    const onView = vi.fn();
    const [row] = renderQueue([callback('a')], { onOpen, onView });
    fireEvent.click(within(row!).getByRole('link', { name: 'Ana' }));
    expect(onOpen).toHaveBeenCalledWith('a');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show closed requests' }));
    expect(onView).toHaveBeenCalledWith('all');
  });
});
