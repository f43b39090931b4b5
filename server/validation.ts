import * as v from 'valibot';
import { LIMITS } from '../protocol/events';
import { CALLBACK_OUTCOMES, CONVERSATION_STATUSES, FEEDBACK_CATEGORIES, FEEDBACK_STATUSES, TAGGED_KINDS } from '../protocol/types';
import { isTimeZone } from './domain/hours';
import { AppError } from './errors';
import { teamSchemas } from './team-validation';

const id = v.pipe(v.string('must be a string'), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id of 1 to 64 letters, digits, _ or -'));
const text = (max: number) => v.pipe(v.string('must be a string'), v.maxLength(max, `must be at most ${max} characters`));
const messageText = v.pipe(text(LIMITS.messageLength), v.trim(), v.nonEmpty('must not be empty'));
const optionalText = (max: number) => v.optional(v.pipe(text(max), v.trim()));
/**
 * The browser's time zone, dropped when this server's ICU does not know it (a newer zone's
 * name, a made-up one): the visitor still chats, and times they see fall back to UTC.
 */
const visitorTimezone = v.pipe(
  optionalText(64),
  v.transform((tz) => (tz && isTimeZone(tz) ? tz : undefined)),
);
/** A whole number from `min` to `max`; `tooSmall` and `tooBig` say what is allowed. */
const wholeNumber = (min: number, max: number, tooSmall: string, tooBig = tooSmall, notWhole = 'must be a whole number') =>
  v.pipe(v.number('must be a number'), v.integer(notWhole), v.minValue(min, tooSmall), v.maxValue(max, tooBig));
const seq = v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(0, 'must not be negative'));
const rating = wholeNumber(1, 5, 'must be from 1 to 5');
/** How many rows a page of a list may have. */
const pageLimit = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)));
/** Text a person must give (a name, a phone number), trimmed. */
const required = (max: number, tooLong?: string) =>
  v.pipe(v.string('is required'), v.trim(), v.nonEmpty('is required'), v.maxLength(max, tooLong));
const email = v.pipe(v.string('must be a string'), v.trim(), v.maxLength(LIMITS.emailLength), v.email('must be an email address'));

export const pageInfo = v.object({
  url: text(LIMITS.urlLength),
  title: text(LIMITS.titleLength),
  referrer: v.optional(text(LIMITS.urlLength)),
});

/** A tag: trimmed, lower case, inner spaces as one; letters or digits first, then also spaces, `-`, `_`, `.`, `/`. */
export const tagName = v.pipe(
  v.string('must be a string'),
  v.transform((s) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase()),
  v.regex(
    /^[\p{L}\p{N}][\p{L}\p{N} _./-]{0,39}$/u,
    'must be 1 to 40 letters, digits, spaces, -, _, . or /, starting with a letter or digit',
  ),
);
const isoTime = v.pipe(v.string('must be a time'), v.isoTimestamp('must be an ISO 8601 time such as 2026-11-24T09:30:00Z'));
const when = v.union([v.object({ asap: v.literal(true) }), v.object({ start: isoTime })], 'must be {asap: true} or {start: time}');
const clock = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:MM'));
const range = v.pipe(
  v.object({ from: clock, to: clock }),
  v.check((r) => r.from < r.to, 'must end after it starts'),
);
const origin = v.pipe(
  v.string('must be a string'),
  v.check((o) => {
    try {
      const u = new URL(o);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === o;
    } catch {
      return false;
    }
  }, 'must be an origin such as https://shop.example.com (scheme and host, no path or trailing slash)'),
);
const faq = v.object({
  id,
  question: v.pipe(text(300), v.trim(), v.nonEmpty('must not be empty')),
  keywords: v.pipe(
    v.array(v.pipe(text(60), v.trim(), v.nonEmpty('must not be empty'))),
    v.minLength(1, 'needs at least one keyword'),
    v.maxLength(30, 'allows at most 30 keywords'),
  ),
  answer: v.pipe(text(LIMITS.messageLength), v.trim(), v.nonEmpty('must not be empty')),
});
const day = v.pipe(
  v.array(range),
  v.maxLength(6, 'allows at most 6 ranges a day'),
  v.check(
    (rs) => [...rs].sort((a, b) => (a.from < b.from ? -1 : 1)).every((r, i, all) => i === 0 || all[i - 1]!.to <= r.from),
    'has hours that overlap',
  ),
);
const hours = v.object({
  timezone: v.pipe(v.string(), v.check(isTimeZone, 'must be an IANA time zone such as Europe/Prague')),
  weekly: v.object({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day }),
});

/** What an admin may set on a site, for creating and changing it alike. */
const siteFields = {
  name: v.optional(v.pipe(text(LIMITS.nameLength), v.trim(), v.nonEmpty('must not be empty'))),
  greeting: v.optional(v.pipe(text(1000), v.trim())),
  color: v.optional(v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #3b4cca'))),
  allowedOrigins: v.optional(v.pipe(v.array(origin), v.maxLength(50, 'allows at most 50 origins'))),
  hours: v.optional(hours),
  channels: v.optional(v.object({ chat: v.boolean(), callback: v.boolean(), feedback: v.boolean() })),
  awayMessage: v.optional(v.pipe(text(1000), v.trim())),
  waitSeconds: v.optional(wholeNumber(10, 3600, 'must be at least 10 seconds', 'must be at most an hour', 'must be whole seconds')),
  surveyEnabled: v.optional(v.boolean('must be true or false')),
  hoursEnabled: v.optional(v.boolean('must be true or false')),
  keepConversationsDays: v.optional(
    wholeNumber(0, 3650, 'must be 0 (keep) or more days', 'must be at most 3650 days', 'must be whole days'),
  ),
  assignment: v.optional(
    v.object({
      auto: v.boolean('must be true or false'),
      capacity: wholeNumber(1, 100, 'must be at least 1', 'must be at most 100'),
      graceSeconds: wholeNumber(0, 86400, 'must not be negative', 'must be at most a day', 'must be whole seconds'),
    }),
  ),
  faqs: v.optional(v.pipe(v.array(faq), v.maxLength(100, 'allows at most 100 scripted answers'))),
};
/** Goes into the snippet's `data-site` and into URLs: short, lower-case, no surprises. */
const newSiteId = v.pipe(
  v.string('must be a string'),
  v.trim(),
  v.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1 to 40 lower-case letters, digits or dashes, starting with a letter or digit'),
);

const attributeKey = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'must be keys of 1 to 40 letters, digits or _, starting with a letter'),
);
// JSON has no NaN or Infinity: a number that arrives is finite.
const attributeValue = [
  v.pipe(v.string(), v.maxLength(LIMITS.attributeLength, `must be at most ${LIMITS.attributeLength} characters`)),
  v.number(),
  v.boolean(),
] as const;
const fewAttributes = <T extends Record<string, unknown>>() =>
  v.maxEntries<T, number, string>(LIMITS.attributes, `allows at most ${LIMITS.attributes} attributes`);
/** Custom attributes of a contact: a few short keys, each a string, a number or a boolean. */
export const attributes = v.pipe(v.record(attributeKey, v.union(attributeValue, 'must be a string, number or boolean')), fewAttributes());
/** A change of custom attributes: null removes one. */
export const attributesPatch = v.pipe(
  v.record(attributeKey, v.union([...attributeValue, v.null()], 'must be a string, number, boolean or null')),
  fewAttributes(),
);

export const schemas = {
  hello: v.object({
    page: pageInfo,
    language: optionalText(35),
    timezone: visitorTimezone,
  }),
  identify: v.object({
    id: v.optional(v.pipe(text(LIMITS.externalIdLength), v.nonEmpty('must not be empty'))),
    name: v.optional(v.pipe(text(LIMITS.nameLength), v.trim(), v.nonEmpty('must not be empty'))),
    email: v.optional(email),
    phone: v.optional(v.pipe(text(LIMITS.phoneLength), v.trim(), v.nonEmpty('must not be empty'))),
    // Any string: one that is not the right HMAC, malformed or not, is `bad_identity_hash`.
    hash: v.optional(v.pipe(text(128), v.trim())),
    attributes: v.optional(attributes),
  }),
  contactList: v.object({
    siteId: v.optional(id),
    search: v.optional(v.pipe(text(200), v.trim())),
    before: v.optional(v.object({ lastSeenAt: isoTime, id })),
  }),
  contactId: v.object({ contactId: id }),
  cannedSave: v.object({
    id: v.optional(id),
    shortcut: v.pipe(
      v.string('must be a string'),
      v.trim(),
      v.regex(/^[\p{L}\p{N}_-]{1,32}$/u, 'must be 1 to 32 letters, digits, - or _ (no spaces)'),
    ),
    text: messageText,
    shared: v.optional(v.boolean('must be true or false')),
  }),
  cannedId: v.object({ id }),
  contactMerge: v.object({ fromId: id, intoId: id }),
  visitorId: v.object({ visitorId: id }),
  contactNotes: v.object({ contactId: id, notes: v.pipe(text(LIMITS.notesLength), v.trim()) }),
  siteIdentityUpdate: v.object({ siteId: id, requireVerification: v.boolean('must be true or false') }),
  page: pageInfo,
  visitorSend: v.object({ id, conversationId: v.nullable(id), text: messageText }),
  agentSend: v.object({ id, conversationId: id, text: messageText, note: v.optional(v.boolean('must be true or false')) }),
  list: v.object({ conversationId: id, after: seq }),
  typing: v.object({ conversationId: id, typing: v.boolean('must be true or false') }),
  read: v.object({ conversationId: id, seq }),
  conversationList: v.object({
    status: v.optional(v.picklist([...CONVERSATION_STATUSES, 'all'], 'must be pending, open, resolved or all')),
    siteId: v.optional(id),
    limit: pageLimit,
    before: v.optional(v.object({ updatedAt: isoTime, id })),
    tag: v.optional(tagName),
  }),
  conversationGet: v.object({ conversationId: id }),
  setStatus: v.object({ conversationId: id, status: v.picklist(CONVERSATION_STATUSES, 'must be pending, open or resolved') }),
  empty: v.optional(v.object({})),
  heldMail: v.object({ id }),
  resume: v.object({ token: v.pipe(v.string('must be a string'), v.regex(/^[A-Za-z0-9_-]{20,100}$/, 'is not a resume link token')) }),
  feedbackSend: v.object({
    id: v.optional(id),
    rating: v.nullable(rating),
    category: v.picklist(FEEDBACK_CATEGORIES, 'must be complaint, praise, idea or question'),
    text: v.pipe(text(LIMITS.feedbackLength), v.trim()),
    contact: v.variant(
      'mode',
      [
        v.object({
          mode: v.literal('reply'),
          name: required(LIMITS.nameLength, `must be at most ${LIMITS.nameLength} characters`),
          email: v.pipe(required(LIMITS.emailLength), v.email('must be an email address')),
        }),
        v.object({ mode: v.literal('anonymous') }),
      ],
      'mode must be reply or anonymous',
    ),
    page: pageInfo,
    locale: optionalText(35),
  }),
  feedbackList: v.object({
    status: v.optional(v.picklist([...FEEDBACK_STATUSES, 'all'], 'must be new, answered, archived or all')),
    category: v.optional(v.picklist(FEEDBACK_CATEGORIES, 'must be complaint, praise, idea or question')),
    unhappy: v.optional(v.boolean('must be true or false')),
    page: v.optional(text(LIMITS.urlLength)),
    siteId: v.optional(id),
    limit: pageLimit,
    before: v.optional(v.object({ createdAt: isoTime, id })),
    tag: v.optional(tagName),
  }),
  feedbackGet: v.object({ feedbackId: id }),
  feedbackReply: v.object({ id: v.optional(id), feedbackId: id, text: messageText }),
  feedbackSetStatus: v.object({ feedbackId: id, status: v.picklist(FEEDBACK_STATUSES, 'must be new, answered or archived') }),
  callbackRequest: v.object({
    phone: required(LIMITS.phoneLength, 'is too long for a phone number'),
    country: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code'))),
    name: optionalText(LIMITS.nameLength),
    topic: optionalText(LIMITS.topicLength),
    when,
    page: pageInfo,
    timezone: visitorTimezone,
    locale: optionalText(35),
  }),
  callbackChange: v.object({ callbackId: id, when }),
  callbackId: v.object({ callbackId: id }),
  conversationAssign: v.object({
    conversationId: id,
    agentId: v.nullable(id),
    from: v.optional(v.nullable(id)),
    note: optionalText(LIMITS.topicLength),
  }),
  callbackClaim: v.object({ callbackId: id, takeOverFrom: v.optional(id) }),
  callbackList: v.object({
    status: v.optional(v.picklist(['open', 'all'], 'must be open or all')),
    siteId: v.optional(id),
    tag: v.optional(tagName),
  }),
  tagsSet: v.object({
    kind: v.picklist(TAGGED_KINDS, 'must be conversation, callback or feedback'),
    id,
    tags: v.pipe(v.array(tagName, 'must be a list of tags'), v.maxLength(LIMITS.tags, `must be at most ${LIMITS.tags} tags`)),
  }),
  tagsOf: v.object({
    kind: v.picklist(TAGGED_KINDS, 'must be conversation, callback or feedback'),
    ids: v.pipe(v.array(id, 'must be a list of ids'), v.maxLength(500, 'must be at most 500 ids')),
  }),
  tagsSite: v.object({ siteId: v.optional(id) }),
  callbackOutcome: v.object({
    id: v.optional(id),
    callbackId: id,
    outcome: v.picklist(CALLBACK_OUTCOMES, 'must be reached, no_answer, wrong_number or cancelled'),
    note: optionalText(LIMITS.topicLength),
  }),
  callbackReschedule: v.object({ id: v.optional(id), callbackId: id, dueAt: isoTime, note: optionalText(LIMITS.topicLength) }),
  siteUpdate: v.object({ siteId: id, ...siteFields }),
  siteCreate: v.object({ id: newSiteId, ...siteFields }),
  siteId: v.object({ siteId: id }),
  setAway: v.object({ away: v.boolean('must be true or false') }),
  offlineSend: v.object({
    /** The client's id for the message, so a retry is stored once (older widgets send none). */
    id: v.optional(id),
    /** Asked for only where the server sends email: without it the answer waits in the chat. */
    email: v.optional(email),
    name: v.optional(v.pipe(text(LIMITS.nameLength), v.trim())),
    text: messageText,
    page: pageInfo,
  }),
  faqAnswer: v.object({ messageId: id, helpful: v.boolean('must be true or false') }),
  surveySend: v.object({
    conversationId: id,
    rating,
    comment: optionalText(2000),
  }),
  transcriptSend: v.object({ conversationId: id, email }),
  login: v.object({ email, password: v.pipe(v.string('must be a string'), v.minLength(1, 'is required'), v.maxLength(200)) }),
  ...teamSchemas,
};

/** Parses untrusted input, or throws one AppError naming the first bad field. */
export function parse<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const where = issue.path?.map((p) => String(p.key)).join('.') || 'payload';
  const code = issue.type === 'max_length' ? 'too_long' : 'invalid_payload';
  const message = issue.path ? `${where} ${issue.message}` : `payload ${input === undefined ? 'is missing' : 'must be an object'}`;
  throw new AppError(code, message, issue.path ? where : undefined);
}
