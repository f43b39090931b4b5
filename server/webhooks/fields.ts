import * as v from 'valibot';
import { WEBHOOK_EVENTS } from '../../protocol/webhooks';

// The request fields of webhook endpoints, checked alike by the console's routes and the REST API.

/** A request field of webhook endpoints (console and REST API alike). */
export const url = v.pipe(
  v.string('must be a string'),
  v.nonEmpty('must not be empty'),
  v.maxLength(2000, 'must be at most 2000 characters'),
);
/** A request field of webhook endpoints (console and REST API alike). */
export const events = v.pipe(
  v.array(v.picklist(WEBHOOK_EVENTS, `must be one of ${WEBHOOK_EVENTS.join(', ')}`)),
  v.minLength(1, 'needs at least one event type'),
);
/** A request field of webhook endpoints (console and REST API alike). */
export const siteId = v.nullable(v.pipe(v.string('must be a string'), v.maxLength(100, 'must be at most 100 characters')));
/** A request field of webhook endpoints (console and REST API alike). */
export const description = v.nullable(v.pipe(v.string('must be a string'), v.maxLength(200, 'must be at most 200 characters')));
