import { nanoid } from 'nanoid';
import {
  AUDIT_INSERT,
  auditValues,
  CASE_UPSERT,
  caseValues,
  eraseStatements,
  exportQueries,
  forgetCarriers,
  gatherIds,
  needlesOf,
  OLD_CONVERSATIONS,
  runSync,
  SIGNAL_SQL,
  SQLITE_DIALECT as D,
  toAudit,
  toSignals,
  toWinBackCase,
} from '../privacy-sql';
import type { AuditEntry, ContactData, ErasedCounts, PrivacyPort, WinBackCaseRow, WinBackSignals } from '../privacy-types';
import { toCallback, toContact, toConversation, toFeedback, toMessage, toStoredCallbackAttempt, toVisitor, type Row } from '../rows';
import type { SqliteContext } from './context';

/** Export, erase, the audit log, win-back cases and per-site retention on SQLite. */
export class SqlitePrivacy implements PrivacyPort {
  constructor(private readonly c: SqliteContext) {}

  private all = (sql: string, args: unknown[]) => this.c.q(sql).all(...args) as Row[];

  async addAudit(e: AuditEntry): Promise<void> {
    this.c.q(AUDIT_INSERT).run(...auditValues(e));
  }

  async listAudit(limit: number): Promise<AuditEntry[]> {
    return this.all('SELECT * FROM audit_log ORDER BY at DESC, id DESC LIMIT ?', [limit]).map(toAudit);
  }

  async contactData(contactId: string): Promise<ContactData | 'erased' | null> {
    const row = this.c.q('SELECT * FROM contacts WHERE id = ?').get(contactId) as Row | undefined;
    if (!row) return null;
    if (row.erased_at) return 'erased';
    const q = exportQueries(D, runSync(gatherIds(contactId, D), this.all));
    const rows = (k: string) => this.all(q[k]!.sql, q[k]!.args);
    return {
      contact: toContact(row),
      visitors: rows('visitors').map(toVisitor),
      conversations: rows('conversations').map(toConversation),
      messages: rows('messages').map(toMessage),
      callbacks: rows('callbacks').map(toCallback),
      attempts: rows('attempts').map(toStoredCallbackAttempt),
      feedback: rows('feedback').map(toFeedback),
      replies: rows('replies').map((r) => ({
        id: r.id as string,
        feedbackId: r.feedback_id as string,
        agentName: r.agent_name as string,
        text: r.text as string,
        createdAt: r.created_at as string,
      })),
    };
  }

  async eraseContact(contactId: string, audit: AuditEntry): Promise<ErasedCounts | 'erased' | null> {
    const result = this.c.db
      .transaction((): ErasedCounts | 'erased' | null => {
        const row = this.c.q('SELECT erased_at FROM contacts WHERE id = ?').get(contactId) as Row | undefined;
        if (!row) return null;
        if (row.erased_at) return 'erased';
        const ids = runSync(gatherIds(contactId, D), this.all);
        let messages = 0;
        for (const s of eraseStatements(D, contactId, ids, audit.at, () => nanoid(32))) {
          const n = this.c.q(s.sql).run(...s.args).changes;
          if (s.sql.startsWith('UPDATE messages')) messages = n;
        }
        let emails = 0;
        let webhookDeliveries = 0;
        for (const needle of needlesOf(ids)) {
          const f = forgetCarriers(D, needle);
          emails += this.c.q(f.emails.sql).run(...f.emails.args).changes;
          webhookDeliveries += this.c.q(f.deliveries.sql).run(...f.deliveries.args).changes;
          this.c.q(f.answers.sql).run(...f.answers.args);
        }
        for (const id of ids.conversations) this.c.forgetConversation(id);
        const counts = {
          visitors: ids.visitors.length,
          conversations: ids.conversations.length,
          messages,
          callbacks: ids.callbacks.length,
          feedback: ids.feedback.length,
          emails,
          webhookDeliveries,
        };
        this.c.q(AUDIT_INSERT).run(...auditValues({ ...audit, detail: counts }));
        return counts;
      })
      .immediate();
    // The old text lives on in WAL frames until the WAL starts over: start it over now (zeroed
    // pages of the file itself come from secure_delete, set at open).
    if (result && result !== 'erased') this.c.db.pragma('wal_checkpoint(TRUNCATE)');
    return result;
  }

  async winBackSignals(since: string): Promise<WinBackSignals> {
    return toSignals({
      feedback: this.all(SIGNAL_SQL.feedback, [since]),
      surveys: this.all(SIGNAL_SQL.surveys, [since]),
      callbacks: this.all(SIGNAL_SQL.callbacks, [since]),
      chats: this.all(SIGNAL_SQL.chats, [since]),
    });
  }

  async getWinBackCase(contactId: string): Promise<WinBackCaseRow | null> {
    const r = this.c.q('SELECT * FROM winback_cases WHERE contact_id = ?').get(contactId) as Row | undefined;
    return r ? toWinBackCase(r) : null;
  }

  async listWinBackCases(): Promise<WinBackCaseRow[]> {
    return this.all('SELECT * FROM winback_cases ORDER BY updated_at DESC', []).map(toWinBackCase);
  }

  async saveWinBackCase(w: WinBackCaseRow): Promise<void> {
    this.c.q(CASE_UPSERT).run(...caseValues(w));
  }

  async purgeSiteConversations(siteId: string, before: string, limit: number): Promise<number> {
    return this.c.db
      .transaction(() => {
        const ids = this.c.q(OLD_CONVERSATIONS).pluck().all(siteId, before, limit) as string[];
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
