import type { SitePublic } from '../../../protocol/types';
import type { Translate } from '../../i18n/t';
import { withStrings } from '../../i18n/with-strings';
import { STRINGS } from './strings';

/**
 * The away message: the owner's own words as written, else the default in the visitor's language, promising email only where the
 * server sends any.
 */
export function awayText(site: Pick<SitePublic, 'awayMessage' | 'sendsEmail'>, t: Translate): string {
  if (site.awayMessage.trim()) return site.awayMessage;
  return withStrings(t, STRINGS)(site.sendsEmail ? 'x_away_email' : 'x_away');
}

/** The away message under the chat while nobody is available (its own chunk: a first chat with someone there never needs it). */
export function AwayNote({ t, site }: { t: Translate; site: Pick<SitePublic, 'awayMessage' | 'sendsEmail'> }) {
  return <p class="resolved">{awayText(site, t)}</p>;
}
