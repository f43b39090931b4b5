import type { WinBackItem, WinBackReasonKind } from '../net/winback-api';

const WORDS: Record<WinBackReasonKind, (rating?: number) => string> = {
  low_rating: (r) => `Rated ${r ?? 1} of 5`,
  complaint: () => 'Complained',
  bad_survey: (r) => `Rated a chat ${r ?? 1} of 5`,
  callback_no_answer: () => 'Called back, no answer',
  callback_overdue: () => 'Call back overdue',
  chat_slow: () => 'Waited long for a chat answer',
  chat_unanswered: () => 'Chat left unanswered',
};

/** A reason as the list reads it, e.g. "Rated 1 of 5". */
export const reasonText = (r: WinBackItem['reasons'][number]) => WORDS[r.kind](r.rating);

/** Who the contact is, for headings: their name, else their email, else a short id. */
export const whoOf = (i: Pick<WinBackItem, 'name' | 'email' | 'contactId'>) => i.name ?? i.email ?? `Contact ${i.contactId.slice(0, 8)}`;
