import { describe, expect, it } from 'vitest';
import { en } from '../../../../widget/chat/extras/strings';
import { cs } from '../../../../widget/chat/extras/strings-cs';
import { failure } from '../../../../widget/chat/extras/problem';
import { serverProblem } from '../../../../widget/callback/validate';
import { createTranslate } from '../../../../widget/i18n/t';

describe('refusals in the visitor’s words', () => {
  it('says a rate limit and a channel turned off in the visitor’s language, never the server’s English', () => {
    const t = createTranslate('cs', { ...en, ...cs });
    const limited = failure(t, { ok: false, code: 'rate_limited', message: 'Too many requests. Try again in 60 s.' });
    expect(limited).toBe(cs.x_error_rate_limited);
    expect(failure(t, { ok: false, code: 'forbidden', message: 'Chat is turned off for this site.' })).toBe(cs.x_error_forbidden);
  });

  it('asks to shorten a call back name or topic the server found too long', () => {
    const r = serverProblem({ ok: false, code: 'too_long', message: 'topic must be at most 200 characters', field: 'topic' }, undefined);
    expect(r.errors.topic).toEqual({ key: 'error_too_long' });
  });
});
