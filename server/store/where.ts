/** A place in a newest-first list: the row's time and id. */
interface Cursor {
  at: string;
  id: string;
}

/** How a store writes a parameter and a keyset comparison. */
interface Dialect {
  placeholder(n: number): string;
  /** The rows before `cursor` in the order of the (time, id) columns; `arg` puts a value in. */
  before(time: string, idColumn: string, cursor: Cursor, arg: (v: unknown) => string): string;
}

/**
 * A list query's conditions and their parameters, in order, for either store: `arg` keeps a
 * value and gives its placeholder (`?` on SQLite, `$1`, `$2` … on Postgres); `page` ends the
 * query with the keyset pagination every list shares.
 */
export class Where {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  constructor(private readonly dialect: Dialect) {}

  /** Keeps a parameter; its placeholder, for the SQL that uses it. */
  arg(value: unknown): string {
    this.params.push(value);
    return this.dialect.placeholder(this.params.length);
  }

  /** Adds a condition (its values put in with `arg`). */
  and(condition: string): void {
    this.conditions.push(condition);
  }

  /** Only the rows after `cursor` in newest-first order of the `time` and `idColumn` columns. */
  after(time: string, idColumn: string, cursor: Cursor): void {
    this.and(this.dialect.before(time, idColumn, cursor, (v) => this.arg(v)));
  }

  /**
   * `WHERE` and the conditions, newest first (ties broken by id, so a page's last row is an
   * exact cursor for the next), at most `limit` rows.
   */
  page(time: string, idColumn: string, limit: number): string {
    const where = this.conditions.length ? `WHERE ${this.conditions.join(' AND ')} ` : '';
    return `${where}ORDER BY ${time} DESC, ${idColumn} DESC LIMIT ${this.arg(limit)}`;
  }
}

/** Conditions for a SQLite statement. */
export const sqliteWhere = () =>
  new Where({
    placeholder: () => '?',
    before: (time, idColumn, c, arg) => `(${time} < ${arg(c.at)} OR (${time} = ${arg(c.at)} AND ${idColumn} < ${arg(c.id)}))`,
  });

/** Conditions for a Postgres statement. */
export const pgWhere = () =>
  new Where({
    placeholder: (n) => `$${n}`,
    before: (time, idColumn, c, arg) => `(${time}, ${idColumn}) < (${arg(c.at)}::timestamptz, ${arg(c.id)})`,
  });
