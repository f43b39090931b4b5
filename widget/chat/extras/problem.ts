import type { MessageKey, Translate } from '../../i18n/t';
import type { Result } from '../../net/socket';
import type { SendError } from '../../state/types';

// Only a convenience: the server's check is the one that counts.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** What is wrong with an email address the visitor typed, or null. */
export function emailProblem(t: Translate, email: string): string | null {
  if (!email) return t('x_error_email_missing');
  return EMAIL.test(email) && email.length <= 254 ? null : t('x_error_email');
}

const WORDS: Partial<Record<SendError, MessageKey>> = {
  offline: 'x_error_offline',
  timeout: 'x_error_timeout',
  email_not_configured: 'x_error_no_email',
  rate_limited: 'x_error_rate_limited',
  forbidden: 'x_error_forbidden',
};

/** A refused request in the visitor's words. */
export function failure(t: Translate, res: Extract<Result<unknown>, { ok: false }>): string {
  if (res.field === 'email') return t('x_error_email');
  const key = WORDS[res.code];
  return key ? t(key) : t('x_error_failed', { reason: res.message });
}
