import { describe, expect, it } from 'vitest';
import { pickLanguage } from '../../../widget/i18n/load';
import { textDirection } from '../../../widget/i18n/direction';

describe('pickLanguage', () => {
  it('takes data-locale first, by its base language', () => {
    expect(pickLanguage(['ru-RU', 'cs-CZ', 'en'])).toBe('ru');
    expect(pickLanguage(['hy', 'cs'])).toBe('hy');
  });

  it('without data-locale, takes the first of navigator.languages it speaks, in order', () => {
    expect(pickLanguage([undefined, 'de-DE', 'am-ET', 'cs'])).toBe('am');
    expect(pickLanguage([undefined, 'CS-cz'])).toBe('cs');
  });

  it('passes over a data-locale it does not speak to the browser languages', () => {
    expect(pickLanguage(['de', 'hy-AM'])).toBe('hy');
  });

  it('knows exactly the languages that have a dictionary, and nothing an object inherits', () => {
    expect(pickLanguage(['constructor', 'toString', '__proto__', 'cs'])).toBe('cs');
  });

  it('falls back to English', () => {
    expect(pickLanguage([undefined, 'de-DE', 'fr'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
    expect(pickLanguage([''])).toBe('en');
  });
});

describe('textDirection', () => {
  it('is rtl for right-to-left scripts and ltr for the five languages', () => {
    expect(['ar', 'he-IL', 'fa', 'ur'].map(textDirection)).toEqual(['rtl', 'rtl', 'rtl', 'rtl']);
    expect(['en', 'cs', 'ru', 'hy', 'am', 'arn'].map(textDirection)).toEqual(['ltr', 'ltr', 'ltr', 'ltr', 'ltr', 'ltr']);
  });
});
