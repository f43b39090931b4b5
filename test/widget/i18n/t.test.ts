import { describe, expect, it } from 'vitest';
import { pickLanguage } from '../../../widget/i18n/load';
import { t } from '../helpers/t';

describe('t()', () => {
  it('fills placeholders', () => {
    expect(t('typing', { name: 'Ada' })).toBe('Ada is typing…');
  });

  it('picks the plural form by count', () => {
    expect(t('unread', { count: 1 })).toBe('1 unread message');
    expect(t('unread', { count: 3 })).toBe('3 unread messages');
  });

  it('falls back to English for a language it does not have', () => {
    expect(pickLanguage(['xx-YY'])).toBe('en');
    expect(pickLanguage(['en-GB'])).toBe('en');
  });
});
