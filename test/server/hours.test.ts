import { describe, expect, it } from 'vitest';
import { resolveWhen } from '../../server/domain/callbacks';
import { callbackSlots, defaultHours, isOpen, nextOpening, zonedToUtc } from '../../server/domain/hours';
import { displayPhone, toE164 } from '../../server/domain/phone';
import type { SiteRow } from '../../server/store/types';

const prague = defaultHours('Europe/Prague');
const opts = { horizonDays: 14, leadMinutes: 15, slotMinutes: 30 };
const local = (at: string, tz = 'Europe/Prague') =>
  new Intl.DateTimeFormat('en-GB', { timeZone: tz, dateStyle: 'short', timeStyle: 'short' }).format(new Date(at));

describe('opening hours', () => {
  it('turns site-local wall-clock times into UTC across a daylight-saving change', () => {
    expect(new Date(zonedToUtc('Europe/Prague', 2027, 3, 27, 10, 0)).toISOString()).toBe('2027-03-27T09:00:00.000Z');
    expect(new Date(zonedToUtc('Europe/Prague', 2027, 3, 28, 10, 0)).toISOString()).toBe('2027-03-28T08:00:00.000Z');
    expect(new Date(zonedToUtc('Europe/Prague', 2027, 10, 31, 10, 0)).toISOString()).toBe('2027-10-31T09:00:00.000Z');
  });

  it('offers slots on the spring-forward day at the right instants, shown right in Prague and Yerevan', () => {
    const now = Date.parse('2027-03-27T12:00:00Z');
    const slots = callbackSlots(prague, now, opts).filter((s) => s.start.startsWith('2027-03-28'));
    expect(slots[0]).toEqual({ start: '2027-03-28T06:00:00.000Z', end: '2027-03-28T06:30:00.000Z' });
    expect(slots).toHaveLength(24);
    expect(local(slots[0]!.start)).toBe('28/03/2027, 08:00');
    expect(local(slots[0]!.start, 'Asia/Yerevan')).toBe('28/03/2027, 10:00');
    const site = { hours: prague, options: { hoursEnabled: true } } as SiteRow;
    expect(resolveWhen(site, { start: '2027-03-28T08:00:00.000Z' }, now)).toEqual({
      asap: false,
      dueAt: '2027-03-28T08:00:00.000Z',
      windowEnd: '2027-03-28T08:30:00.000Z',
    });
  });

  it('starts slots at least 15 minutes from now and stops after 14 days', () => {
    const now = Date.parse('2026-11-24T09:50:00Z'); // 10:50 in Prague
    const slots = callbackSlots(prague, now, opts);
    expect(slots[0]!.start).toBe('2026-11-24T10:30:00.000Z');
    expect(Date.parse(slots.at(-1)!.start) - now).toBeLessThanOrEqual(14 * 86_400_000);
  });

  it('knows when it is open and when it opens next', () => {
    expect(isOpen(prague, Date.parse('2026-11-24T09:00:00Z'))).toBe(true);
    expect(isOpen(prague, Date.parse('2026-11-24T20:00:00Z'))).toBe(false);
    expect(new Date(nextOpening(prague, Date.parse('2026-11-24T20:00:00Z'))!).toISOString()).toBe('2026-11-25T07:00:00.000Z');
    const site = { hours: prague, options: { hoursEnabled: true } } as SiteRow;
    expect(resolveWhen(site, { asap: true }, Date.parse('2026-11-24T20:00:00Z')).dueAt).toBe('2026-11-25T07:00:00.000Z');
  });
});

describe('overlapping hours', () => {
  it('offer each slot once and in order, even when saved ranges overlap', () => {
    const hours = {
      timezone: 'UTC',
      weekly: {
        ...defaultHours('UTC').weekly,
        tue: [
          { from: '09:00', to: '17:00' },
          { from: '13:00', to: '18:00' },
        ],
      },
    };
    const now = Date.parse('2026-11-24T08:00:00Z'); // a Tuesday
    const starts = callbackSlots(hours, now, opts)
      .filter((x) => x.start.startsWith('2026-11-24'))
      .map((x) => x.start.slice(11, 16));
    expect(starts[0]).toBe('09:00');
    expect(starts.at(-1)).toBe('17:30');
    expect(new Set(starts).size).toBe(starts.length);
    expect([...starts].sort()).toEqual(starts);
  });
});

describe('times the clocks skip', () => {
  it('starts a day that begins in the gap when the clocks have gone forward, not the evening before', () => {
    // Chile goes from 00:00 to 01:00 on 2026-09-06; New York from 02:00 to 03:00 on 2026-03-08.
    expect(new Date(zonedToUtc('America/Santiago', 2026, 9, 6, 0, 0)).toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(new Date(zonedToUtc('America/New_York', 2026, 3, 8, 2, 30)).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // Times that exist are as they were.
    expect(new Date(zonedToUtc('America/Santiago', 2026, 9, 6, 8, 0)).toISOString()).toBe('2026-09-06T11:00:00.000Z');
    expect(new Date(zonedToUtc('Europe/Prague', 2026, 3, 29, 3, 0)).toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });
});

describe('phone numbers', () => {
  it.each([
    ['602 123 456', 'CZ', '+420602123456'],
    ['+420 602 123 456', undefined, '+420602123456'],
    ['8 (912) 345-67-89', 'RU', '+79123456789'],
    ['+7 912 345 67 89', 'CZ', '+79123456789'],
    ['077 123456', 'AM', '+37477123456'],
    ['+374 77 123456', undefined, '+37477123456'],
    ['0911 234 567', 'ET', '+251911234567'],
    ['+251 91 123 4567', undefined, '+251911234567'],
    ['(212) 555-0123', 'US', '+12125550123'],
    ['+1 212-555-0123', 'RU', '+12125550123'],
    ['602 123 456 x 12', 'CZ', '+420602123456;ext=12'],
    ['+1 212-555-0123 ext. 4', undefined, '+12125550123;ext=4'],
    ['+420602123456;ext=12', undefined, '+420602123456;ext=12'],
    ['+420 602 123 456 ext. 12', undefined, '+420602123456;ext=12'],
  ])('reads %s (default country %s) as %s', (input, country, e164) => {
    expect(toE164(input, country)).toBe(e164);
  });

  it('shows an extension for reading', () => {
    expect(displayPhone('+420602123456;ext=12')).toBe('+420 602 123 456 ext. 12');
    expect(displayPhone('+420602123456')).toBe('+420 602 123 456');
  });

  it.each(['12', 'abc', 'call me', '+999 123 456', '602 123 456'])('refuses %s without a country that makes it valid', (input) => {
    expect(() => toE164(input, input === '602 123 456' ? 'US' : undefined)).toThrow(
      expect.objectContaining({ code: 'invalid_phone', field: 'phone' }),
    );
  });
});
