import { nanoid } from 'nanoid';
import * as sql from '../privacy-sql';
import type { ErasedCounts, PrivacyPort } from '../privacy-types';
import type { Row } from '../rows';
import type { Db } from './db';
import { numbered } from '../shared-sql';

/** Export, erase, the audit log, win-back cases and per-site retention on Postgres. */
export function pgPrivacy(db: Db): PrivacyPort {
  const on = (d: Db) => ({
    all: (text: string, args: unknown[]) => d.rows(numbered(text), args),
    run: (text: string, args: unknown[]) => d.run(numbered(text), args),
  });
  const { all, run } = on(db);
  return {
    async addAudit(e) {
      await run(sql.AUDIT_INSERT, sql.auditValues(e));
    },
    async listAudit(limit) {
      return (await all('SELECT * FROM audit_log ORDER BY at DESC, n DESC LIMIT ?', [limit])).map(sql.toAudit);
    },
    async contactData(contactId) {
      const row = await db.one('SELECT * FROM contacts WHERE id = $1', [contactId]);
      if (!row) return null;
      if (row.erased_at) return 'erased';
      const q = sql.exportQueries(sql.PG_DIALECT, await sql.runAsync(sql.gatherIds(contactId, sql.PG_DIALECT), all));
      const rows: Record<string, Row[]> = {};
      for (const [k, st] of Object.entries(q)) rows[k] = await all(st.sql, st.args);
      return sql.toContactData(row, rows);
    },
    eraseContact: (contactId, audit) =>
      db.tx(async (t): Promise<ErasedCounts | 'erased' | null> => {
        const x = on(t);
        // The row lock makes a second erase at the same time wait, then find it erased.
        const row = await t.one('SELECT erased_at FROM contacts WHERE id = $1 FOR UPDATE', [contactId]);
        if (!row) return null;
        if (row.erased_at) return 'erased';
        const ids = await sql.runAsync(sql.gatherIds(contactId, sql.PG_DIALECT), x.all);
        let messages = 0;
        for (const s of sql.eraseStatements(sql.PG_DIALECT, contactId, ids, audit.at, () => nanoid(32))) {
          const n = await x.run(s.sql, s.args);
          if (s.sql.startsWith('UPDATE messages')) messages = n;
        }
        let emails = 0;
        let webhookDeliveries = 0;
        for (const needle of sql.needlesOf(ids)) {
          const f = sql.forgetCarriers(sql.PG_DIALECT, needle);
          emails += await x.run(f.emails.sql, f.emails.args);
          webhookDeliveries += await x.run(f.deliveries.sql, f.deliveries.args);
          await x.run(f.answers.sql, f.answers.args);
        }
        const counts = sql.erasedCounts(ids, messages, emails, webhookDeliveries);
        await x.run(sql.AUDIT_INSERT, sql.auditValues({ ...audit, detail: { ...counts } }));
        return counts;
      }),
    async winBackSignals(since) {
      return sql.toSignals({
        feedback: await all(sql.SIGNAL_SQL.feedback, [since]),
        surveys: await all(sql.SIGNAL_SQL.surveys, [since]),
        callbacks: await all(sql.SIGNAL_SQL.callbacks, [since]),
        chats: await all(sql.SIGNAL_SQL.chats, [since]),
      });
    },
    async getWinBackCase(contactId) {
      const r = await db.one('SELECT * FROM winback_cases WHERE contact_id = $1', [contactId]);
      return r ? sql.toWinBackCase(r) : null;
    },
    async listWinBackCases() {
      return (await all('SELECT * FROM winback_cases ORDER BY updated_at DESC', [])).map(sql.toWinBackCase);
    },
    async saveWinBackCase(w) {
      await run(sql.CASE_UPSERT, sql.caseValues(w));
    },
    purgeSiteConversations: (siteId, before, limit) =>
      db.tx(async (t) => {
        const ids = (await on(t).all(sql.OLD_CONVERSATIONS, [siteId, before, limit])).map((r) => r.id as string);
        if (!ids.length) return 0;
        await t.run('DELETE FROM messages WHERE conversation_id = ANY($1)', [ids]);
        await t.run('DELETE FROM conversations WHERE id = ANY($1)', [ids]);
        return ids.length;
      }),
  };
}
