import { describe, expect, it } from 'vitest';
import { guessCountry } from '../../../widget/callback/country';

describe('default country of a national number', () => {
  it.each([
    ['cs-CZ', 'UTC', 'CZ'],
    ['en-US', 'Asia/Yerevan', 'AM'],
    ['en', 'Africa/Addis_Ababa', 'ET'],
    ['cs', 'Europe/Prague', 'CZ'],
    ['ru-RU', 'Europe/Moscow', 'RU'],
    ['en-GB', 'Australia/Sydney', 'AU'],
  ])('reads %s in %s as %s', (locale, zone, country) => {
    expect(guessCountry(locale, zone)).toBe(country);
  });

  it('trusts the time zone over an en-US browser, which many set wherever they live', () => {
    expect(guessCountry('en-US', 'Europe/Prague')).toBe('CZ');
  });

  it('takes the locale’s region when the zone names no single country', () => {
    expect(guessCountry('es-MX', 'America/Monterrey')).toBe('MX');
    expect(guessCountry('de-AT', 'Etc/UTC')).toBe('AT');
  });

  it('falls back to the US for any other American zone', () => {
    expect(guessCountry('es', 'America/Boise')).toBe('US');
  });

  it('guesses from the language alone last, and gives up on nonsense', () => {
    expect(guessCountry('cs', 'Etc/UTC')).toBe('CZ');
    expect(guessCountry('not a locale', 'Etc/UTC')).toBeUndefined();
    expect(guessCountry('es-419', 'Etc/UTC')).toBeUndefined();
  });
});
