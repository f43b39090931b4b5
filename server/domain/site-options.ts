import type { SiteOptions } from '../store/types';

/**
 * What a site offers until an admin says otherwise. The away message is empty: the widget
 * then shows its own default in the visitor's language, promising email only where the
 * server sends any.
 */
export const DEFAULT_SITE_OPTIONS: SiteOptions = {
  channels: { chat: true, callback: true, feedback: true },
  awayMessage: '',
  waitSeconds: 120,
  surveyEnabled: true,
  faqs: [],
  // Presence-driven: open whenever an agent is there; opening hours are an option.
  hoursEnabled: false,
};

/** The default older versions stored in every new site: it promised email even without SMTP. */
const FORMER_DEFAULT_AWAY = "We're away right now. Leave us a message and we'll answer by email.";

/** The owner's own away message, or '' for the widget's default (a site still on the former stored default counts as on the default). */
export function ownAwayMessage(text: string): string {
  return text.trim() === FORMER_DEFAULT_AWAY ? '' : text;
}
