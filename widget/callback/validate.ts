import { PHONE_EXTENSION } from '../../protocol/events';
import type { CallbackRequestInput, CallbackSlots, PageInfo } from '../../protocol/types';
import type { Result } from '../net/socket';
import type { SendError } from '../state/types';
import type { CallbackDraft, FieldErrors, Problem } from './callback-state';
import type { CallbackKey } from './strings';

/** Failures with words of our own; any other shows the server's reason. */
const ALERTS: Partial<Record<SendError, CallbackKey>> = {
  offline: 'error_offline',
  timeout: 'error_timeout',
  rate_limited: 'error_rate_limited',
  forbidden: 'error_forbidden',
};

/**
 * A light check of the number before it is sent; the server parses it for real (and knows
 * which countries' numbers are valid), so this only catches what is plainly not a number.
 */
export function checkPhone(raw: string): Problem | undefined {
  const phone = raw.trim();
  if (!phone) return { key: 'error_phone_missing' };
  // Letters only in an extension ("x 12", "ext. 12"), as the server reads them.
  if (/\p{L}/u.test(phone.replace(PHONE_EXTENSION, ''))) return { key: 'error_phone_letters' };
  if (phone.replace(/\D/g, '').length < 6) return { key: 'error_phone_short' };
  return undefined;
}

/** The chosen time is required, and must still be on offer, when "Choose a time" is picked. */
export function checkWhen(d: CallbackDraft, slots: CallbackSlots | null): Problem | undefined {
  if (d.mode === 'asap') return undefined;
  return slots?.slots.some((x) => x.start === d.start) ? undefined : { key: 'error_when_missing' };
}

/** The form's own checks; an empty result means it may go. */
export function validateRequest(d: CallbackDraft, slots: CallbackSlots | null): FieldErrors {
  const errors: FieldErrors = {};
  const phone = checkPhone(d.phone);
  const when = checkWhen(d, slots);
  if (phone) errors.phone = phone;
  if (when) errors.when = when;
  return errors;
}

/** The time as the protocol carries it. */
export const toWhen = (d: CallbackDraft): CallbackRequestInput['when'] =>
  d.mode === 'asap' || !d.start ? { asap: true } : { start: d.start };

/** Where the visitor is, sent with a request so agents call at a sensible hour and in their language. */
export interface VisitorContext {
  country: string | undefined;
  timezone: string;
  locale: string;
}

/** What `callback:request` carries; empty optional fields are left out. */
export function toRequestInput(d: CallbackDraft, page: PageInfo, v: VisitorContext): CallbackRequestInput {
  const name = d.name.trim();
  const topic = d.topic.trim();
  return {
    phone: d.phone.trim(),
    ...(v.country ? { country: v.country } : {}),
    ...(name ? { name } : {}),
    ...(topic ? { topic } : {}),
    when: toWhen(d),
    page,
    timezone: v.timezone,
    locale: v.locale,
  };
}

/** A refusal as the view shows it: by the field the server named, else for the whole form. */
export function serverProblem(
  res: Extract<Result<unknown>, { ok: false }>,
  countryName: string | undefined,
): { errors: FieldErrors; alert: Problem | null } {
  // Schema errors name a path (`when.start`); the form has one place per top-level field.
  const field = res.field?.split('.')[0];
  switch (field) {
    case 'phone':
      return {
        errors: {
          phone: countryName ? { key: 'error_phone_invalid_country', vars: { country: countryName } } : { key: 'error_phone_invalid' },
        },
        alert: null,
      };
    case 'when':
      return { errors: { when: { key: 'error_slot_taken' } }, alert: null };
    case 'name':
    case 'topic':
      if (res.code === 'too_long') return { errors: { [field]: { key: 'error_too_long' } }, alert: null };
      return { errors: { [field]: { key: 'error_field', vars: { reason: res.message } } }, alert: null };
  }
  const key = ALERTS[res.code];
  return { errors: {}, alert: key ? { key } : { key: 'error_server', vars: { reason: res.message } } };
}
