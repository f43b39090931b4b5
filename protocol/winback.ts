/** Why a contact is on the Win back list (issue 18). */
export type WinBackReasonKind =
  | 'low_rating'
  | 'complaint'
  | 'bad_survey'
  | 'callback_no_answer'
  | 'callback_overdue'
  | 'chat_slow'
  | 'chat_unanswered';
