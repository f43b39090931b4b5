import { AppError } from '../errors';

/** A closed call back request reopened while its visitor has asked again for the same phone (the partial unique index said no). */
export function reopenRefused(cause: unknown): AppError {
  return new AppError('invalid_payload', 'This visitor has another open request for this number: work on that one.', undefined, cause);
}
