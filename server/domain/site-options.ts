export { DEFAULT_SITE_OPTIONS } from '../../protocol/site-options';

/** The default older versions stored in every new site: it promised email even without SMTP. */
const FORMER_DEFAULT_AWAY = "We're away right now. Leave us a message and we'll answer by email.";

/** The owner's own away message, or '' for the widget's default (a site still on the former stored default counts as on the default). */
export function ownAwayMessage(text: string): string {
  return text.trim() === FORMER_DEFAULT_AWAY ? '' : text;
}
