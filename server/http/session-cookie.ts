import type { CookieOptions } from 'express';
import { SESSION_COOKIE, SESSION_DAYS } from '../domain/agents';

export { SESSION_COOKIE };

/** HttpOnly, SameSite cookie options; Secure whenever the console is served over https. */
export function sessionCookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: SESSION_DAYS * 86_400_000 };
}
