import type { SiteOptions } from '../store/types';

/** What a site offers until an admin says otherwise. */
export const DEFAULT_SITE_OPTIONS: SiteOptions = {
  channels: { chat: true, callback: true, feedback: true },
  awayMessage: "We're away right now. Leave us a message and we'll answer by email.",
  waitSeconds: 120,
  surveyEnabled: true,
  faqs: [],
  // Presence-driven: open whenever an agent is there; opening hours are an option.
  hoursEnabled: false,
};
