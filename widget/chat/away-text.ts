import type { SitePublic } from '../../protocol/types';
import type { Translate } from '../i18n/t';

/** The away message: the owner's own words as written, else the default in the visitor's language, promising email only where the server sends any. */
export function awayText(site: Pick<SitePublic, 'awayMessage' | 'sendsEmail'>, t: Translate): string {
  return site.awayMessage.trim() ? site.awayMessage : t(site.sendsEmail ? 'away_default_email' : 'away_default');
}
