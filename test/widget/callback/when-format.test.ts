import { describe, expect, it } from 'vitest';
import { createWhenFormat, formatLocale, groupSlots, nextDayKey } from '../../../widget/callback/when-format';
import { closedSlots } from './fixtures';

describe('times in the visitor’s zone', () => {
  const yerevan = createWhenFormat('en-GB', 'Asia/Yerevan');

  it('groups slots by the visitor-local date, not the UTC one', () => {
    const days = groupSlots(closedSlots.slots, yerevan);
    expect(days.map((d) => [d.key, d.slots.length])).toEqual([
      ['2025-11-25', 3],
      ['2025-11-26', 1],
    ]);
    expect(groupSlots(closedSlots.slots, createWhenFormat('en-GB', 'UTC')).map((d) => d.slots.length)).toEqual([4]);
  });

  it('labels windows in the visitor’s clock, across midnight too', () => {
    expect(yerevan.window(Date.parse('2025-11-25T06:00Z'), Date.parse('2025-11-25T06:30Z'))).toBe('10:00–10:30');
    expect(yerevan.window(Date.parse('2025-11-25T19:30Z'), Date.parse('2025-11-25T20:00Z'))).toBe('23:30–00:00');
    expect(createWhenFormat('en-US', 'America/New_York').window(Date.parse('2025-11-25T14:00Z'), Date.parse('2025-11-25T14:30Z'))).toBe(
      '9:00 AM–9:30 AM',
    );
  });

  it('names the next opening by weekday within the week, and by date beyond', () => {
    const now = Date.parse('2025-11-24T18:00Z');
    expect(yerevan.soon(Date.parse('2025-11-25T05:00Z'), now)).toBe('Tue 09:00');
    expect(yerevan.soon(Date.parse('2025-12-02T05:00Z'), now)).toBe('Tue 2 Dec, 09:00');
  });

  it('steps to the next calendar day across months and years', () => {
    expect(nextDayKey('2025-11-30')).toBe('2025-12-01');
    expect(nextDayKey('2025-12-31')).toBe('2026-01-01');
  });

  it('formats in the browser’s variant of the panel’s language, else the panel’s language', () => {
    expect(formatLocale('en', ['cs-CZ', 'en-GB', 'en'])).toBe('en-GB');
    expect(formatLocale('en', ['cs-CZ'])).toBe('en');
  });
});
