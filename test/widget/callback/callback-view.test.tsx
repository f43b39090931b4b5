// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallbackRequestInput } from '../../../protocol/types';
import { closedSlots, page, setup, stored } from './fixtures';
import { texts } from '../../helpers/texts';

afterEach(cleanup);

const phone = () => screen.getByRole<HTMLInputElement>('textbox', { name: 'Phone number' });
const type = (name: string, value: string) => fireEvent.input(screen.getByRole('textbox', { name }), { target: { value } });
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Request a call' }));
const chooseTime = () => fireEvent.click(screen.getByRole('radio', { name: 'Choose a time' }));
const windows = () =>
  within(screen.getByRole('radiogroup', { name: 'Time' }))
    .getAllByRole('radio')
    .map((r) => r.closest('label')!.textContent);
/** The form, once the server said there is no open request and which times are free. */
async function form(o: Parameters<typeof setup>[0] = {}) {
  const view = setup(o);
  await screen.findByRole('textbox', { name: 'Phone number' });
  await screen.findByRole('radio', { name: 'As soon as possible', description: /./ });
  return view;
}

describe('call me back form', () => {
  it('names its fields and choices as a screen reader reads them', async () => {
    await form();
    expect(phone().type).toBe('tel');
    expect(phone().getAttribute('autocomplete')).toBe('tel');
    expect(phone().getAttribute('inputmode')).toBe('tel');
    expect(phone().required).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Name' }).required).toBe(false);
    expect(screen.getByRole('textbox', { name: 'Topic' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'As soon as possible' })).toHaveProperty('checked', true);
    expect(screen.getByRole('radio', { name: 'Choose a time' })).toHaveProperty('checked', false);
    expect(screen.getByRole('button', { name: 'Request a call' })).toBeTruthy();
  });

  it('says how a national number is read, naming the guessed country', async () => {
    await form();
    expect(screen.getByRole('textbox', { name: 'Phone number', description: /read it as a number in Armenia/ })).toBeTruthy();
  });

  it('groups the windows by the visitor’s own day and shows them in their time zone', async () => {
    await form();
    chooseTime();
    const day = screen.getByRole('combobox', { name: 'Day' });
    expect(texts(within(day).getAllByRole('option'))).toEqual(['Tomorrow, Tue 25 Nov', 'Wed 26 Nov']);
    // 05:00Z and 06:00Z are 09:00 and 10:00 in Yerevan; 20:00Z Tuesday is already Wednesday there.
    expect(windows()).toEqual(['09:00–09:30', '10:00–10:30', '23:30–00:00']);
    fireEvent.change(day, { target: { value: '2025-11-26' } });
    expect(windows()).toEqual(['00:00–00:30']);
    expect(screen.getByText('Times are in your time zone (Asia/Yerevan).')).toBeTruthy();
  });

  it('says that "as soon as possible" outside opening hours means the next opening, in the visitor’s time', async () => {
    await form();
    expect(screen.getByRole('radio', { name: 'As soon as possible' }).getAttribute('aria-describedby')).toBeTruthy();
    expect(
      screen.getByRole('radio', { name: 'As soon as possible', description: "We're closed now: we'll call you when we open, Tue 09:00." }),
    ).toBeTruthy();
  });

  it('promises a call shortly while the site is open', async () => {
    await form({ slots: { ...closedSlots, openNow: true, nextOpening: null } });
    expect(screen.getByRole('radio', { name: 'As soon as possible', description: "We're open: we'll call you shortly." })).toBeTruthy();
  });

  it('agrees with the chat: open but with no agent online, it promises no call "shortly"', async () => {
    const status = { available: false, openNow: true, agentsOnline: 0, typicalReplyMinutes: null };
    await form({ slots: { ...closedSlots, openNow: true, nextOpening: null }, status });
    expect(
      screen.getByRole('radio', {
        name: 'As soon as possible',
        description: "Nobody can take calls right now: we'll call you as soon as someone is back.",
      }),
    ).toBeTruthy();
    expect(screen.queryByText(/shortly/)).toBeNull();
  });

  it('promises a call shortly when the chat says someone is there', async () => {
    const status = { available: true, openNow: true, agentsOnline: 1, typicalReplyMinutes: null };
    await form({ slots: { ...closedSlots, openNow: true, nextOpening: null }, status });
    expect(screen.getByRole('radio', { name: 'As soon as possible', description: "We're open: we'll call you shortly." })).toBeTruthy();
  });

  it.each([
    ['', 'Enter your phone number.'],
    ['call me maybe', 'Use digits only, for example +420 602 123 456.'],
    ['+420 60', 'This number is too short. Include the area code, or + and the country code.'],
  ])('refuses %j next to the phone field, focuses it, and sends nothing', async (value, message) => {
    const { sent } = await form();
    type('Phone number', value);
    submit();
    const field = screen.getByRole('textbox', { name: 'Phone number', description: new RegExp(`^${message.replace(/[.+]/g, '\\$&')}`) });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field);
    expect(sent('callback:request')).toEqual([]);
    type('Phone number', '602 123 456');
    expect(field.getAttribute('aria-invalid')).toBeNull();
  });

  it('asks for a window when "Choose a time" is picked without one, next to the times', async () => {
    const { sent } = await form();
    type('Phone number', '602 123 456');
    chooseTime();
    submit();
    const times = screen.getByRole('radiogroup', { name: 'Time', description: 'Choose a time, or “As soon as possible”.' });
    expect(times.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(within(times).getAllByRole('radio')[0]);
    expect(sent('callback:request')).toEqual([]);
  });

  it('shows the server’s refusal of the number next to the phone field, and nothing else happens', async () => {
    const { sent } = await form({
      answer: () => ({ ok: false, code: 'invalid_phone', message: 'This is not a valid phone number in AM.', field: 'phone' }),
    });
    type('Phone number', '602 123 456');
    submit();
    const field = await screen.findByRole('textbox', {
      name: 'Phone number',
      description: /^This is not a valid phone number in Armenia\. Check the digits, or start with \+ and the country code\./,
    });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Your call back request' })).toBeNull();
    expect(sent('callback:request')).toHaveLength(1);
    expect((field as HTMLInputElement).value).toBe('602 123 456');
  });

  it('shows a refusal without a field as an alert, keeping what was written', async () => {
    await form({ answer: () => ({ ok: false, code: 'rate_limited', message: 'Too many requests.' }) });
    type('Phone number', '602 123 456');
    submit();
    expect((await screen.findByRole('alert')).textContent).toMatch(/asked for several calls in a short time/);
    expect(phone().value).toBe('602 123 456');
  });

  it('says nothing was sent while offline', async () => {
    setup({ online: false });
    type('Phone number', '602 123 456');
    submit();
    expect((await screen.findByRole('alert')).textContent).toMatch(/You are offline, so nothing was sent/);
  });

  it('shows a taken window next to the times and fetches the free ones again', async () => {
    const { sent } = await form({
      answer: () => ({ ok: false, code: 'slot_unavailable', message: 'That time is not available any more.', field: 'when' }),
    });
    type('Phone number', '602 123 456');
    chooseTime();
    fireEvent.click(screen.getByRole('radio', { name: '10:00–10:30' }));
    submit();
    expect(await screen.findByRole('radiogroup', { name: 'Time', description: /That time is no longer free/ })).toBeTruthy();
    await waitFor(() => expect(sent('callback:slots')).toHaveLength(2));
  });
});

describe('after the request', () => {
  async function requested(o: Parameters<typeof setup>[0] = {}) {
    const view = await form(o);
    type('Phone number', '+420 602 123 456');
    type('Name', ' Ana ');
    type('Topic', 'My order 1234');
    chooseTime();
    fireEvent.click(screen.getByRole('radio', { name: '10:00–10:30' }));
    submit();
    const heading = await screen.findByRole('heading', { name: 'Your call back request' });
    return { ...view, heading };
  }

  it('sends the number, the guessed country, the window, the page, the time zone and the widget’s language', async () => {
    const { sent } = await requested();
    expect(sent('callback:request')).toEqual([
      {
        phone: '+420 602 123 456',
        country: 'AM',
        name: 'Ana',
        topic: 'My order 1234',
        when: { start: '2025-11-25T06:00:00.000Z' },
        page,
        timezone: 'Asia/Yerevan',
        locale: 'en-GB',
      } satisfies CallbackRequestInput,
    ]);
  });

  it('confirms the window in the visitor’s time, moves focus there, and follows the status live', async () => {
    const { socket, heading } = await requested();
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText("We'll call \u2068+420 602 123 456\u2069 on Tue 25 Nov, 10:00–10:30.")).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Waiting for our call');
    socket.fire(
      'callback:updated',
      stored(
        {},
        { status: 'rescheduled', asap: false, dueAt: '2025-11-26T10:00:00.000Z', windowEnd: null, updatedAt: '2025-11-24T18:05:00.000Z' },
      ),
    );
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Moved to Wed 26 Nov, 14:00');
    socket.fire('callback:updated', stored({}, { status: 'called', updatedAt: '2025-11-26T10:03:00.000Z' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Done: we called you'));
    expect(screen.queryByRole('button', { name: 'Cancel request' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Request another call' })).toBeTruthy();
  });

  it('ignores a push for the same request that is older than what it shows', async () => {
    const { socket } = await requested();
    socket.fire('callback:updated', stored({}, { status: 'cancelled', updatedAt: '2025-11-24T17:00:00.000Z' }));
    await new Promise<void>((resolve) => queueMicrotask(resolve));
    expect(screen.getByRole('status').textContent).toBe('Waiting for our call');
  });

  it('confirms "as soon as possible" asked while closed as a call at the next opening', async () => {
    await form();
    type('Phone number', '602 123 456');
    submit();
    expect(await screen.findByText("We'll call \u2068+420 602 123 456\u2069 when we open, Tue 09:00.")).toBeTruthy();
  });

  it('cancels the request', async () => {
    const { socket, sent } = await requested();
    socket.reply('callback:cancel', () => ({ ok: true, data: stored({}, { status: 'cancelled', updatedAt: '2025-11-24T18:10:00.000Z' }) }));
    const cancel = screen.getByRole('button', { name: 'Cancel request' });
    cancel.focus();
    fireEvent.click(cancel);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Request cancelled'));
    expect(sent('callback:cancel')).toEqual([{ callbackId: 'cb1' }]);
    // The focused button is gone: the focus goes to the request's heading, not to the page.
    expect(document.activeElement?.tagName).toBe('H3');
  });

  it('leaves the focus alone when an agent closes a request whose cancel was refused earlier', async () => {
    const { socket } = await requested();
    socket.reply('callback:cancel', () => ({ ok: false, code: 'invalid_payload', message: 'This request is closed already.' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel request' }));
    await screen.findByRole('alert');
    const change = screen.getByRole('button', { name: 'Pick another time' });
    change.focus();
    socket.fire('callback:updated', stored({}, { status: 'called', updatedAt: '2025-11-24T18:20:00.000Z' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Cancel request' })).toBeNull());
    expect(document.activeElement?.tagName).not.toBe('H3');
  });

  it('picks another time and sends it as a change of the same request', async () => {
    const { socket, sent } = await requested();
    socket.reply('callback:change', (p) => ({
      ok: true,
      data: stored({ when: p.when }, { updatedAt: '2025-11-24T18:10:00.000Z' }),
    }));
    fireEvent.click(screen.getByRole('button', { name: 'Pick another time' }));
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Choose a time' }));
    expect(screen.getByRole('radio', { name: '10:00–10:30' })).toHaveProperty('checked', true);
    fireEvent.change(screen.getByRole('combobox', { name: 'Day' }), { target: { value: '2025-11-26' } });
    fireEvent.click(screen.getByRole('radio', { name: '00:00–00:30' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save new time' }));
    expect(await screen.findByText("We'll call \u2068+420 602 123 456\u2069 on Wed 26 Nov, 00:00–00:30.")).toBeTruthy();
    expect(sent('callback:change')).toEqual([{ callbackId: 'cb1', when: { start: '2025-11-25T20:00:00.000Z' } }]);
  });

  it('keeps the current time when the visitor changes their mind', async () => {
    const { sent } = await requested();
    fireEvent.click(screen.getByRole('button', { name: 'Pick another time' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep current time' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Your call back request' }));
    expect(sent('callback:change')).toEqual([]);
  });
});

describe('on opening the view', () => {
  it('restores an open request’s status without stealing focus', async () => {
    setup({ mine: stored({}, { status: 'waiting' }) });
    await screen.findByRole('heading', { name: 'Your call back request' });
    expect(screen.getByRole('status').textContent).toBe('Waiting for our call');
    expect(screen.getByRole('button', { name: 'Cancel request' })).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Phone number' })).toBeNull();
    expect(document.activeElement).toBe(document.body);
  });

  it('offers a new form after a finished request, with its number filled in', async () => {
    setup({ mine: stored({}, { status: 'called' }) });
    const field = await screen.findByRole<HTMLInputElement>('textbox', { name: 'Phone number' });
    expect(field.value).toBe('+420 602 123 456');
  });

  it('fills in a number with an extension as shown, and takes it back as it is', async () => {
    const { sent } = setup({
      mine: stored({}, { status: 'called', phone: '+420602123456;ext=12', phoneDisplay: '+420 602 123 456 ext. 12' }),
    });
    const field = await screen.findByRole<HTMLInputElement>('textbox', { name: 'Phone number' });
    expect(field.value).toBe('+420 602 123 456 ext. 12');
    submit();
    await waitFor(() => expect(sent('callback:request')).toHaveLength(1));
    expect(sent('callback:request')[0]).toMatchObject({ phone: '+420 602 123 456 ext. 12' });
  });

  it('follows a request made in another tab', async () => {
    const { socket } = await form();
    socket.fire('callback:updated', stored());
    expect(await screen.findByRole('heading', { name: 'Your call back request' })).toBeTruthy();
  });
});
