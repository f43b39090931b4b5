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
  numbered,
  OLD_CONVERSATIONS,
  PG_DIALECT as D,
  runAsync,
  SIGNAL_SQL,
  toAudit,
  toSignals,
  toWinBackCase,
} from '../privacy-sql';
import type { ErasedCounts, PrivacyPort } from '../privacy-types';
import { iso, toCallback, toContact, toConversation, toFeedback, toMessage, toStoredCallbackAttempt, toVisitor, type Row } from '../rows';
import type { Db } from './db';

/** Export, erase, the audit log, win-back cases and per-site retention on Postgres. */
export function pgPrivacy(db: Db): PrivacyPort {
  const on = (d: Db) => ({
    all: (sql: string, args: unknown[]) => d.rows(numbered(sql), args),
    run: (sql: string, args: unknown[]) => d.run(numbered(sql), args),
  });
  const { all, run } = on(db);
  return {
    async addAudit(e) {
      await run(AUDIT_INSERT, auditValues(e));
    },
    async listAudit(limit) {
      return (await all('SELECT * FROM audit_log ORDER BY at DESC, n DESC LIMIT ?', [limit])).map(toAudit);
    },
    async contactData(contactId) {
      const row = await db.one('SELECT * FROM contacts WHERE id = $1', [contactId]);
      if (!row) return null;
      if (row.erased_at) return 'erased';
      const q = exportQueries(D, await runAsync(gatherIds(contactId, D), all));
      const rows = (k: string) => all(q[k]!.sql, q[k]!.args);
      return {
        contact: toContact(row),
        visitors: (await rows('visitors')).map(toVisitor),
        conversations: (await rows('conversations')).map(toConversation),
        messages: (await rows('messages')).map(toMessage),
        callbacks: (await rows('callbacks')).map(toCallback),
        attempts: (await rows('attempts')).map(toStoredCallbackAttempt),
        feedback: (await rows('feedback')).map(toFeedback),
        replies: (await rows('replies')).map((r: Row) => ({
          id: r.id as string,
          feedbackId: r.feedback_id as string,
          agentName: r.agent_name as string,
          text: r.text as string,
          createdAt: iso(r.created_at),
        })),
      };
    },
    eraseContact: (contactId, audit) =>
      db.tx(async (t): Promise<ErasedCounts | 'erased' | null> => {
        const x = on(t);
        // The row lock makes a second erase at the same time wait, then find it erased.
        const row = await t.one('SELECT erased_at FROM contacts WHERE id = $1 FOR UPDATE', [contactId]);
        if (!row) return null;
        if (row.erased_at) return 'erased';
        const ids = await runAsync(gatherIds(contactId, D), x.all);
        let messages = 0;
        for (const s of eraseStatements(D, contactId, ids, audit.at, () => nanoid(32))) {
          const n = await x.run(s.sql, s.args);
          if (s.sql.startsWith('UPDATE messages')) messages = n;
        }
        let emails = 0;
        let webhookDeliveries = 0;
        for (const needle of needlesOf(ids)) {
          const f = forgetCarriers(D, needle);
          emails += await x.run(f.emails.sql, f.emails.args);
          webhookDeliveries += await x.run(f.deliveries.sql, f.deliveries.args);
          await x.run(f.answers.sql, f.answers.args);
        }
        const counts = {
          visitors: ids.visitors.length,
          conversations: ids.conversations.length,
          messages,
          callbacks: ids.callbacks.length,
          feedback: ids.feedback.length,
          emails,
          webhookDeliveries,
        };
        await x.run(AUDIT_INSERT, auditValues({ ...audit, detail: counts }));
        return counts;
      }),
    async winBackSignals(since) {
      return toSignals({
        feedback: await all(SIGNAL_SQL.feedback, [since]),
        surveys: await all(SIGNAL_SQL.surveys, [since]),
        callbacks: await all(SIGNAL_SQL.callbacks, [since]),
        chats: await all(SIGNAL_SQL.chats, [since]),
      });
    },
    async getWinBackCase(contactId) {
      const r = await db.one('SELECT * FROM winback_cases WHERE contact_id = $1', [contactId]);
      return r ? toWinBackCase(r) : null;
    },
    async listWinBackCases() {
      return (await all('SELECT * FROM winback_cases ORDER BY updated_at DESC', [])).map(toWinBackCase);
    },
    async saveWinBackCase(w) {
      await run(CASE_UPSERT, caseValues(w));
    },
    purgeSiteConversations: (siteId, before, limit) =>
      db.tx(async (t) => {
        const ids = (await on(t).all(OLD_CONVERSATIONS, [siteId, before, limit])).map((r) => r.id as string);
        if (!ids.length) return 0;
        await t.run('DELETE FROM messages WHERE conversation_id = ANY($1)', [ids]);
        await t.run('DELETE FROM conversations WHERE id = ANY($1)', [ids]);
        return ids.length;
      }),
  };
}
