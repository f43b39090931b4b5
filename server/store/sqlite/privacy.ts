import { nanoid } from 'nanoid';
import * as sql from '../privacy-sql';
import type { AuditEntry, ContactData, ErasedCounts, PrivacyPort, WinBackCaseRow, WinBackSignals } from '../privacy-types';
import type { Row } from '../rows';
import type { SqliteContext } from './context';

/** Export, erase, the audit log, win-back cases and per-site retention on SQLite. */
export class SqlitePrivacy implements PrivacyPort {
  constructor(private readonly c: SqliteContext) {}

  private all = (text: string, args: unknown[]) => this.c.q(text).all(...args) as Row[];

  async addAudit(e: AuditEntry): Promise<void> {
    this.c.q(sql.AUDIT_INSERT).run(...sql.auditValues(e));
  }

  async listAudit(limit: number): Promise<AuditEntry[]> {
    return this.all('SELECT * FROM audit_log ORDER BY at DESC, id DESC LIMIT ?', [limit]).map(sql.toAudit);
  }

  async contactData(contactId: string): Promise<ContactData | 'erased' | null> {
    const row = this.c.q('SELECT * FROM contacts WHERE id = ?').get(contactId) as Row | undefined;
    if (!row) return null;
    if (row.erased_at) return 'erased';
    const q = sql.exportQueries(sql.SQLITE_DIALECT, sql.runSync(sql.gatherIds(contactId, sql.SQLITE_DIALECT), this.all));
    return sql.toContactData(row, Object.fromEntries(Object.entries(q).map(([k, st]) => [k, this.all(st.sql, st.args)])));
  }

  async eraseContact(contactId: string, audit: AuditEntry): Promise<ErasedCounts | 'erased' | null> {
    const result = this.c.db
      .transaction((): ErasedCounts | 'erased' | null => {
        const row = this.c.q('SELECT erased_at FROM contacts WHERE id = ?').get(contactId) as Row | undefined;
        if (!row) return null;
        if (row.erased_at) return 'erased';
        const ids = sql.runSync(sql.gatherIds(contactId, sql.SQLITE_DIALECT), this.all);
        let messages = 0;
        for (const s of sql.eraseStatements(sql.SQLITE_DIALECT, contactId, ids, audit.at, () => nanoid(32))) {
          const n = this.c.q(s.sql).run(...s.args).changes;
          if (s.sql.startsWith('UPDATE messages')) messages = n;
        }
        let emails = 0;
        let webhookDeliveries = 0;
        for (const needle of sql.needlesOf(ids)) {
          const f = sql.forgetCarriers(sql.SQLITE_DIALECT, needle);
          emails += this.c.q(f.emails.sql).run(...f.emails.args).changes;
          webhookDeliveries += this.c.q(f.deliveries.sql).run(...f.deliveries.args).changes;
          this.c.q(f.answers.sql).run(...f.answers.args);
        }
        for (const id of ids.conversations) this.c.forgetConversation(id);
        const counts = sql.erasedCounts(ids, messages, emails, webhookDeliveries);
        this.c.q(sql.AUDIT_INSERT).run(...sql.auditValues({ ...audit, detail: { ...counts } }));
        return counts;
      })
      .immediate();
    // The old text lives on in WAL frames until the WAL starts over: start it over now (zeroed
    // pages of the file itself come from secure_delete, set at open).
    if (result && result !== 'erased') this.c.db.pragma('wal_checkpoint(TRUNCATE)');
    return result;
  }

  async winBackSignals(since: string): Promise<WinBackSignals> {
    return sql.toSignals({
      feedback: this.all(sql.SIGNAL_SQL.feedback, [since]),
      surveys: this.all(sql.SIGNAL_SQL.surveys, [since]),
      callbacks: this.all(sql.SIGNAL_SQL.callbacks, [since]),
      chats: this.all(sql.SIGNAL_SQL.chats, [since]),
    });
  }

  async getWinBackCase(contactId: string): Promise<WinBackCaseRow | null> {
    const r = this.c.q('SELECT * FROM winback_cases WHERE contact_id = ?').get(contactId) as Row | undefined;
    return r ? sql.toWinBackCase(r) : null;
  }

  async listWinBackCases(): Promise<WinBackCaseRow[]> {
    return this.all('SELECT * FROM winback_cases ORDER BY updated_at DESC', []).map(sql.toWinBackCase);
  }

  async saveWinBackCase(w: WinBackCaseRow): Promise<void> {
    this.c.q(sql.CASE_UPSERT).run(...sql.caseValues(w));
  }

  async purgeSiteConversations(siteId: string, before: string, limit: number): Promise<number> {
    return this.c.db
      .transaction(() => {
        const ids = this.c.q(sql.OLD_CONVERSATIONS).pluck().all(siteId, before, limit) as string[];
        for (const id of ids) {
          this.c.forgetConversation(id);
          this.c.q('DELETE FROM messages WHERE conversation_id = ?').run(id);
          this.c.q('DELETE FROM conversations WHERE id = ?').run(id);
        }
        return ids.length;
      })
      .immediate();
  }
}
