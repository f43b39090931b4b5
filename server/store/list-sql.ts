import type { FeedbackCursor, FeedbackFilter } from '../../protocol/types';
import { taggedWith } from './canned-rows';
import { CALLBACK_SELECT, SUMMARY_SELECT } from './shared-sql';
import type { CallbackPageQuery, SummaryQuery } from './types';

// The list queries both stores run: the same filters and keyset paging, written once, with
// what differs between the two SQL dialects behind `Dialect`.

/** How a store's SQL writes a parameter, a time, a substring test and a keyset comparison. */
export interface Dialect {
  placeholder(n: number): string;
  /** A parameter holding an ISO time, as the time columns compare. */
  time(param: string): string;
  /** Whether `column` (null as empty) contains the text in `param`. */
  contains(column: string, param: string): string;
  /** The rows before `cursor` in the order of the (time, id) columns; `arg` puts a value in. */
  before(time: string, idColumn: string, cursor: Cursor, arg: (v: unknown) => string): string;
}

/** A place in a newest-first list: the last row's time and id. */
interface Cursor {
  at: string;
  id: string;
}

/** A statement and its parameters, in order. */
export interface Query {
  sql: string;
  params: unknown[];
}

export const SQLITE: Dialect = {
  placeholder: () => '?',
  time: (param) => param,
  contains: (column, param) => `instr(coalesce(${column}, ''), ${param}) > 0`,
  before: (time, idColumn, c, arg) => `(${time} < ${arg(c.at)} OR (${time} = ${arg(c.at)} AND ${idColumn} < ${arg(c.id)}))`,
};

export const POSTGRES: Dialect = {
  placeholder: (n) => `$${n}`,
  time: (param) => `${param}::timestamptz`,
  contains: (column, param) => `strpos(coalesce(${column}, ''), ${param}) > 0`,
  before: (time, idColumn, c, arg) => `(${time}, ${idColumn}) < (${arg(c.at)}::timestamptz, ${arg(c.id)})`,
};

/** A list query's conditions and their parameters, built up in order. */
class Where {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  constructor(readonly d: Dialect) {}

  /** Keeps a parameter; its placeholder, for the SQL that uses it. */
  arg(value: unknown): string {
    this.params.push(value);
    return this.d.placeholder(this.params.length);
  }

  /** Adds a condition (its values put in with `arg`). */
  and(condition: string): void {
    this.conditions.push(condition);
  }

  /** Only the rows after `cursor` in newest-first order of the `time` and `idColumn` columns. */
  after(time: string, idColumn: string, cursor: Cursor): void {
    this.and(this.d.before(time, idColumn, cursor, (v) => this.arg(v)));
  }

  /**
   * `select`, the conditions, newest first (ties broken by id, so a page's last row is an exact
   * cursor for the next), at most `limit` rows.
   */
  page(select: string, time: string, idColumn: string, limit: number): Query {
    const where = this.conditions.length ? ` WHERE ${this.conditions.join(' AND ')}` : '';
    const sql = `${select}${where} ORDER BY ${time} DESC, ${idColumn} DESC LIMIT ${this.arg(limit)}`;
    return { sql, params: this.params };
  }
}

/** A page of the inbox (conversation summaries), newest activity first. */
export function summaryList(d: Dialect, q: SummaryQuery): Query {
  const w = new Where(d);
  if (q.status && q.status !== 'all') w.and(`c.status = ${w.arg(q.status)}`);
  if (q.visitorId) w.and(`c.visitor_id = ${w.arg(q.visitorId)}`);
  if (q.contactId) w.and(`c.visitor_id IN (SELECT id FROM visitors WHERE contact_id = ${w.arg(q.contactId)})`);
  if (q.siteId) w.and(`c.site_id = ${w.arg(q.siteId)}`);
  if (q.channel) w.and(`c.channel = ${w.arg(q.channel)}`);
  if (q.assigneeId === null) w.and('c.assignee_id IS NULL');
  else if (q.assigneeId !== undefined) w.and(`c.assignee_id = ${w.arg(q.assigneeId)}`);
  if (q.updatedSince) w.and(`c.updated_at >= ${d.time(w.arg(q.updatedSince))}`);
  if (q.tag) w.and(taggedWith('conversation', 'c.id', w.arg(q.tag)));
  if (q.before) w.after('c.updated_at', 'c.id', { at: q.before.updatedAt, id: q.before.id });
  return w.page(SUMMARY_SELECT, 'c.updated_at', 'c.id', q.limit);
}

/** A page of feedback, newest first. */
export function feedbackList(d: Dialect, filter: FeedbackFilter, limit: number, before?: FeedbackCursor): Query {
  const w = new Where(d);
  if (filter.status && filter.status !== 'all') w.and(`status = ${w.arg(filter.status)}`);
  if (filter.category) w.and(`category = ${w.arg(filter.category)}`);
  if (filter.unhappy) w.and('rating <= 2');
  if (filter.page) w.and(d.contains('page_url', w.arg(filter.page)));
  if (filter.siteId) w.and(`site_id = ${w.arg(filter.siteId)}`);
  if (filter.tag) w.and(taggedWith('feedback', 'id', w.arg(filter.tag)));
  if (before) w.after('created_at', 'id', { at: before.createdAt, id: before.id });
  return w.page('SELECT * FROM feedback', 'created_at', 'id', limit);
}

/** A page of call back requests (the REST API's list), last changed first. */
export function callbackPage(d: Dialect, q: CallbackPageQuery): Query {
  const w = new Where(d);
  if (q.siteId) w.and(`c.site_id = ${w.arg(q.siteId)}`);
  if (q.status) w.and(`c.status = ${w.arg(q.status)}`);
  if (q.since) w.and(`c.updated_at >= ${d.time(w.arg(q.since))}`);
  if (q.tag) w.and(taggedWith('callback', 'c.id', w.arg(q.tag)));
  if (q.before) w.after('c.updated_at', 'c.id', q.before);
  return w.page(CALLBACK_SELECT, 'c.updated_at', 'c.id', q.limit);
}
