import type { SiteSettings } from './types';

/** Settings kept as one JSON document per site; missing keys take defaults. */
export type SiteOptions = Pick<
  SiteSettings,
  'channels' | 'awayMessage' | 'waitSeconds' | 'surveyEnabled' | 'faqs' | 'hoursEnabled' | 'keepConversationsDays'
>;

/**
 * What a site offers until an admin says otherwise (pure data: a store fills missing keys with it).
 * The away message is empty: the widget then shows its own default in the visitor's language,
 * promising email only where the server sends any.
 */
export const DEFAULT_SITE_OPTIONS: SiteOptions = {
  channels: { chat: true, callback: true, feedback: true },
  awayMessage: '',
  waitSeconds: 120,
  surveyEnabled: true,
  faqs: [],
  // Presence-driven: open whenever an agent is there; opening hours are an option.
  hoursEnabled: false,
  // Kept until an admin sets a number of days (the sweep then deletes older conversations).
  keepConversationsDays: 0,
};
