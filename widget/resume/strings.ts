import type { FeatureStrings } from '../i18n/with-strings';

/** English strings of "resume anywhere", loaded with its chunk; other languages are `strings-xx.ts`, found by `languages.ts`. */
export const en = {
  r_restoring: 'Opening your conversation…',
  r_restored: 'Your conversation is here. You can go on where you left off.',
  r_used: 'This link was used already. Ask for a new one in the chat on your other device.',
  r_expired: 'This link has expired. Ask for a new one in the chat on your other device.',
  r_invalid: 'This link is not valid. Check that you opened the whole link from the email.',
  r_failed: 'The conversation could not be opened: {reason}',
  r_continue: 'Continue on another device',
  r_sent: 'We have emailed a link to {email}. Open it on your other device.',
};

/** A language's strings: every key of the English ones. */
export type ResumeStrings = Record<keyof typeof en, string>;

export const STRINGS: FeatureStrings<ResumeStrings> = { en };
