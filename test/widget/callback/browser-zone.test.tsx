// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CallbackView } from '../../../widget/callback/callback-view';
import { FakeSocket } from '../helpers/fake-socket';
import { viewProps } from '../helpers/view-props';
import { closedSlots, page } from './fixtures';

// The view reads the zone from the browser; Node takes a new TZ at once.
const zone = vi.hoisted(() => {
  const before = process.env.TZ;
  process.env.TZ = 'Asia/Yerevan';
  return before;
});
afterAll(() => {
  cleanup();
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('call me back in the browser’s own time zone', () => {
  it('shows a 06:00 UTC window as 10:00 in Yerevan and guesses Armenia for national numbers', async () => {
    const socket = new FakeSocket(() => 'tok');
    socket.accept();
    socket.reply('callback:slots', () => ({ ok: true, data: closedSlots }));
    socket.reply('callback:mine', () => ({ ok: true, data: null }));
    // Without `on`, as before: the view follows no pushes here.
    render(<CallbackView {...viewProps(socket, { on: undefined, page: () => page, newId: () => 'id1' })} />);
    fireEvent.click(await screen.findByRole('radio', { name: 'Choose a time' }));
    const times = await screen.findByRole('radiogroup', { name: 'Time' });
    // happy-dom's browser speaks en-US, so a 12-hour clock.
    expect(within(times).getByRole('radio', { name: '10:00 AM–10:30 AM' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Phone number', description: /number in Armenia/ })).toBeTruthy();
  });
});
