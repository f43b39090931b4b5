import type { FeedbackCategory } from '../../protocol/types';
import type { MessageKey } from '../i18n/t';

/** Whether the visitor wants an answer by email. */
export type ContactMode = 'reply' | 'anonymous';

/** The form as the visitor fills it in. */
export interface FeedbackDraft {
  /** 1 (very bad) to 5 (very good), or null for none. */
  rating: number | null;
  category: FeedbackCategory;
  text: string;
  contact: ContactMode;
  name: string;
  email: string;
}

/** The inputs an error can stand next to. */
export type FieldName = 'rating' | 'text' | 'name' | 'email';

/** A message for the visitor, as a dictionary key, so state stays free of any language. */
export interface Problem {
  key: MessageKey;
  vars?: Record<string, string | number>;
}

export type FieldErrors = Partial<Record<FieldName, Problem>>;

export interface FeedbackState {
  draft: FeedbackDraft;
  errors: FieldErrors;
  /** A problem with no field to stand by, shown for the whole form. */
  alert: Problem | null;
  status: 'editing' | 'sending' | 'sent';
  /** From the server's receipt: the visitor left an address and may expect an email. */
  replyExpected: boolean;
  /** Counts refused sends, so the form moves focus to the first field at fault each time. */
  refusals: number;
}

export type FeedbackAction =
  | { type: 'edit'; change: Partial<FeedbackDraft> }
  /** Refused, by the form's own checks or by the server: nothing was stored. */
  | { type: 'refused'; errors: FieldErrors; alert?: Problem | null }
  | { type: 'sending' }
  | { type: 'sent'; replyExpected: boolean }
  /** Another piece of feedback: a blank form that keeps who the visitor said they are. */
  | { type: 'again' };

const blank = (keep?: FeedbackDraft): FeedbackDraft => ({
  rating: null,
  category: 'idea',
  text: '',
  contact: keep?.contact ?? 'anonymous',
  name: keep?.name ?? '',
  email: keep?.email ?? '',
});

/** A fresh form: no rating, category "idea", anonymous until the visitor asks for an answer. */
export function initialFeedback(): FeedbackState {
  return { draft: blank(), errors: {}, alert: null, status: 'editing', replyExpected: false, refusals: 0 };
}

/** Which errors an edit settles: the field's own, and "give a rating or words" once either is given. */
function settled(errors: FieldErrors, change: Partial<FeedbackDraft>): FieldErrors {
  const next = { ...errors };
  if ('rating' in change) delete next.rating;
  if ('text' in change || ('rating' in change && errors.text?.key === 'feedback_error_empty')) delete next.text;
  if ('name' in change || 'contact' in change) delete next.name;
  if ('email' in change || 'contact' in change) delete next.email;
  return next;
}

/** The feedback form's state transitions: pure, so they are tested without a DOM. */
export function feedbackReducer(s: FeedbackState, a: FeedbackAction): FeedbackState {
  switch (a.type) {
    case 'edit':
      if (s.status !== 'editing') return s;
      return { ...s, draft: { ...s.draft, ...a.change }, errors: settled(s.errors, a.change) };
    case 'refused':
      return { ...s, status: 'editing', errors: a.errors, alert: a.alert ?? null, refusals: s.refusals + 1 };
    case 'sending':
      return { ...s, status: 'sending', errors: {}, alert: null };
    case 'sent':
      return { ...s, status: 'sent', replyExpected: a.replyExpected };
    case 'again':
      return { ...initialFeedback(), draft: blank(s.draft) };
  }
}
