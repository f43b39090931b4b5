import type Database from 'better-sqlite3';
import type { Row } from '../rows';
import type { ConversationRow, StoreRules } from '../types';

/**
 * What every SQLite port shares: the connection, its prepared statements and the conversation
 * rows kept for appends. Every transaction that writes begins IMMEDIATE: it waits for the write
 * lock holding no snapshot, so the checkpointer's RESTART (which waits for readers) never waits on it in turn.
 */
export class SqliteContext {
  private readonly stmts = new Map<string, Database.Statement>();
  /**
   * Conversation rows as committed appends left them, so an append need not read its row
   * first (that read was a fifth of an append's cost). Only committed state goes in; every
   * other write to a conversation row drops its entry (`forgetConversation`).
   */
  readonly conversations = new Map<string, ConversationRow>();

  constructor(
    readonly db: Database.Database,
    readonly rules: StoreRules,
  ) {}

  /** Prepared once per SQL text, reused for every call. */
  q(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  /** The row the statement finds, read by `read`; null when there is none. */
  find<T>(sql: string, params: unknown[], read: (r: Row) => T): T | null {
    const r = this.q(sql).get(...params) as Row | undefined;
    return r ? read(r) : null;
  }

  /** Every write to a conversation row but an append's goes through here first. */
  forgetConversation(id: string): void {
    this.conversations.delete(id);
  }
}
