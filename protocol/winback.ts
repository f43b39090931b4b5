/** Why a contact is on the Win back list (issue 18). */
export type WinBackReasonKind =
  'low_rating' | 'complaint' | 'bad_survey' | 'callback_no_answer' | 'callback_overdue' | 'chat_slow' | 'chat_unanswered';

export interface WinBackReason {
  kind: WinBackReasonKind;
  at: string;
  /** The feedback, conversation or call back it is about. */
  ref: string;
  /** A rating, where there is one. */
  rating?: number;
}

export type WinBackStatus = 'open' | 'won' | 'lost';

/** A contact whose latest experience was bad, with every bad one since their last good one. */
export interface WinBackItem {
  contactId: string;
  siteId: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  reasons: WinBackReason[];
  latestAt: string;
  status: WinBackStatus;
  assignedTo: { id: string; name: string } | null;
  /** The last follow-up done: a call back task made, or an email sent. */
  followUp: { kind: 'callback' | 'email'; at: string; by: string; ref: string } | null;
}
