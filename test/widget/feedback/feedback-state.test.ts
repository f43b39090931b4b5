import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../protocol/events';
import {
  feedbackReducer,
  initialFeedback,
  type FeedbackAction,
  type FeedbackDraft,
  type FeedbackState,
} from '../../../widget/feedback/feedback-state';
import { serverProblem, toFeedbackInput, validateFeedback } from '../../../widget/feedback/validate';

const run = (actions: FeedbackAction[], from: FeedbackState = initialFeedback()) => actions.reduce(feedbackReducer, from);
const draft = (over: Partial<FeedbackDraft> = {}): FeedbackDraft => ({ ...initialFeedback().draft, ...over });
const page = { url: 'https://shop.test/checkout', title: 'Checkout' };

describe('feedback checks before sending', () => {
  it('asks for a rating or words when both are missing', () => {
    expect(validateFeedback(draft({ text: '   ' }))).toEqual({ text: { key: 'feedback_error_empty' } });
    expect(validateFeedback(draft({ rating: 2 }))).toEqual({});
    expect(validateFeedback(draft({ text: 'Slow shipping' }))).toEqual({});
  });

  it('refuses text over the server’s limit and says how long it is', () => {
    const text = 'a'.repeat(LIMITS.feedbackLength + 1);
    expect(validateFeedback(draft({ text }))).toEqual({
      text: { key: 'feedback_error_long', vars: { max: LIMITS.feedbackLength, length: LIMITS.feedbackLength + 1 } },
    });
  });

  it('requires a name and a well-formed email only when the visitor asks for an answer', () => {
    expect(validateFeedback(draft({ rating: 4, contact: 'reply' }))).toEqual({
      name: { key: 'feedback_error_name' },
      email: { key: 'feedback_error_email_missing' },
    });
    expect(validateFeedback(draft({ rating: 4, contact: 'reply', name: 'Ana', email: 'ana@example' })).email).toEqual({
      key: 'feedback_error_email',
    });
    expect(validateFeedback(draft({ rating: 4, contact: 'reply', name: 'Ana', email: 'ana@example.test' }))).toEqual({});
    expect(validateFeedback(draft({ rating: 4, contact: 'anonymous', email: 'not an email' }))).toEqual({});
  });
});

describe('feedback payload', () => {
  it('leaves out name and email of an anonymous visitor even if they typed them first', () => {
    const input = toFeedbackInput(draft({ rating: 3, text: ' Fine ', name: 'Ana', email: 'ana@example.test' }), page, 'en', 'f1');
    expect(input).toEqual({ id: 'f1', rating: 3, category: 'idea', text: 'Fine', contact: { mode: 'anonymous' }, page, locale: 'en' });
  });

  it('carries trimmed contact details when the visitor asks for an answer', () => {
    const input = toFeedbackInput(draft({ text: 'Hi', contact: 'reply', name: ' Ana ', email: ' ana@example.test ' }), page, 'en', 'f1');
    expect(input.contact).toEqual({ mode: 'reply', name: 'Ana', email: 'ana@example.test' });
  });
});

describe('server refusals', () => {
  const refused = (code: 'invalid_payload' | 'too_long' | 'rate_limited' | 'offline' | 'internal', field?: string) => ({
    ok: false as const,
    code,
    message: 'payload is wrong',
    ...(field ? { field } : {}),
  });

  it('puts an error the server names a field for next to that field', () => {
    expect(serverProblem(refused('invalid_payload', 'contact.email'), draft())).toEqual({
      errors: { email: { key: 'feedback_error_email' } },
      alert: null,
    });
    expect(serverProblem(refused('invalid_payload', 'contact.name'), draft()).errors).toEqual({ name: { key: 'feedback_error_name' } });
    expect(serverProblem(refused('too_long', 'text'), draft({ text: 'abc' })).errors.text).toMatchObject({
      key: 'feedback_error_long',
      vars: { length: 3 },
    });
  });

  it('shows other refusals for the whole form, with the server’s reason when there are no words of our own', () => {
    expect(serverProblem(refused('rate_limited'), draft())).toEqual({ errors: {}, alert: { key: 'feedback_error_rate_limited' } });
    expect(serverProblem(refused('offline'), draft()).alert).toEqual({ key: 'feedback_error_offline' });
    expect(serverProblem(refused('internal', 'page.url'), draft()).alert).toEqual({
      key: 'feedback_error_server',
      vars: { reason: 'payload is wrong' },
    });
  });
});

describe('feedback reducer', () => {
  it('clears a field’s error when the visitor edits that field, and only that one', () => {
    const s = run([
      { type: 'refused', errors: { name: { key: 'feedback_error_name' }, email: { key: 'feedback_error_email' } } },
      { type: 'edit', change: { email: 'a@b.test' } },
    ]);
    expect(s.errors).toEqual({ name: { key: 'feedback_error_name' } });
  });

  it('settles "give a rating or words" once a rating is chosen', () => {
    const s = run([
      { type: 'refused', errors: { text: { key: 'feedback_error_empty' } } },
      { type: 'edit', change: { rating: 5 } },
    ]);
    expect(s.errors).toEqual({});
  });

  it('counts refusals, so the form can move focus each time', () => {
    const s = run([
      { type: 'refused', errors: {} },
      { type: 'refused', errors: {}, alert: { key: 'feedback_error_timeout' } },
    ]);
    expect(s.refusals).toBe(2);
    expect(s.alert).toEqual({ key: 'feedback_error_timeout' });
  });

  it('ignores edits while sending and clears old errors when a send starts', () => {
    const s = run([
      { type: 'refused', errors: { text: { key: 'feedback_error_empty' } } },
      { type: 'sending' },
      { type: 'edit', change: { text: 'late' } },
    ]);
    expect(s.status).toBe('sending');
    expect(s.errors).toEqual({});
    expect(s.draft.text).toBe('');
  });

  it('starts another piece of feedback blank but keeps who the visitor said they are', () => {
    const filled = run([
      { type: 'edit', change: { rating: 1, text: 'Broken', contact: 'reply', name: 'Ana', email: 'ana@example.test' } },
      { type: 'sending' },
      { type: 'sent', replyExpected: true },
    ]);
    const s = feedbackReducer(filled, { type: 'again' });
    expect(s.status).toBe('editing');
    expect(s.draft).toEqual({ rating: null, category: 'idea', text: '', contact: 'reply', name: 'Ana', email: 'ana@example.test' });
  });
});
