import * as v from 'valibot';
import { LIMITS } from '../protocol/events';
import { MIN_PASSWORD } from './domain/links';

const email = v.pipe(v.string('must be a string'), v.trim(), v.maxLength(LIMITS.emailLength), v.email('must be an email address'));
const role = v.picklist(['admin', 'agent'], 'must be admin or agent');
const displayName = v.pipe(
  v.string('must be a string'),
  v.trim(),
  v.nonEmpty('is required'),
  v.maxLength(80, 'must be at most 80 characters'),
);
const newPassword = v.pipe(
  v.string('must be a string'),
  v.minLength(MIN_PASSWORD, `must be at least ${MIN_PASSWORD} characters`),
  v.maxLength(200, 'must be at most 200 characters'),
);

/** Payloads of the team, account and one-time link routes. */
export const teamSchemas = {
  invite: v.object({ email, role }),
  memberPatch: v.pipe(
    v.object({ role: v.optional(role), active: v.optional(v.boolean('must be true or false')) }),
    v.check((p) => p.role !== undefined || p.active !== undefined, 'must change role or active'),
  ),
  profile: v.object({ name: displayName }),
  passwordChange: v.object({
    current: v.pipe(v.string('must be a string'), v.minLength(1, 'is required'), v.maxLength(200)),
    password: newPassword,
  }),
  inviteAccept: v.object({ name: displayName, password: newPassword }),
  resetAccept: v.object({ password: newPassword }),
  forgot: v.object({ email }),
};
