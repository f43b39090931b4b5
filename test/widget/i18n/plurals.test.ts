import { describe, expect, it } from 'vitest';
import { LAUNCHER_STRINGS } from '../../../protocol/launcher-strings';
import { loadDictionary } from '../../../widget/i18n/load';
import { createTranslate } from '../../../widget/i18n/t';

/** The panel's `t` in a language, built as the loader builds it: launcher strings from the relay, then the dictionary. */
async function tIn(lang: string) {
  return createTranslate(lang, { ...LAUNCHER_STRINGS[lang]!, ...(await loadDictionary(lang)) });
}

describe('plural forms through the real t()', () => {
  it('Czech unread count: 1 zpráva, 2 zprávy, 5 zpráv, 21 zpráv', async () => {
    const t = await tIn('cs');
    expect([1, 2, 5, 21].map((count) => t('unread', { count }))).toEqual([
      '1 nepřečtená zpráva',
      '2 nepřečtené zprávy',
      '5 nepřečtených zpráv',
      '21 nepřečtených zpráv',
    ]);
  });

  it('Russian unread count: 1 сообщение, 2 сообщения, 5 сообщений, 21 сообщение', async () => {
    const t = await tIn('ru');
    expect([1, 2, 5, 21].map((count) => t('unread', { count }))).toEqual([
      '1 непрочитанное сообщение',
      '2 непрочитанных сообщения',
      '5 непрочитанных сообщений',
      '21 непрочитанное сообщение',
    ]);
  });

  it('Czech reply time: do 1 minuty, do 2 minut, do 5 minut, do 21 minut', async () => {
    const t = await tIn('cs');
    expect([1, 2, 5, 21].map((count) => t('reply_time', { count }).replace('Obvykle odpovídáme ', ''))).toEqual([
      'do 1 minuty',
      'do 2 minut',
      'do 5 minut',
      'do 21 minut',
    ]);
  });

  it('Russian reply time: 1 минуты, 2 минут, 5 минут, 21 минуты', async () => {
    const t = await tIn('ru');
    expect([1, 2, 5, 21].map((count) => t('reply_time', { count }).replace('Обычно отвечаем в течение ', ''))).toEqual([
      '1 минуты',
      '2 минут',
      '5 минут',
      '21 минуты',
    ]);
  });

  it('Armenian and Amharic use their one/other forms', async () => {
    expect((await tIn('hy'))('unread', { count: 3 })).toBe('3 չկարդացված հաղորդագրություն');
    expect((await tIn('am'))('unread', { count: 1 })).toBe('1 ያልተነበበ መልእክት');
    expect((await tIn('am'))('unread', { count: 3 })).toBe('3 ያልተነበቡ መልእክቶች');
  });
});
