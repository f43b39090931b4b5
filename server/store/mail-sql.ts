import { iso, isoOrNull, type Row } from './rows';
import type { HeldMailReason, HeldMailRow, HeldMailStatus, MailPort, MailThreadRow, ResumeLinkRow } from './types';

// The mail tables (issue 18) need nothing either dialect has alone: one set of statements with `?`
// placeholders serves both stores (Postgres numbers them), and ISO times compare right in both.

/** What the mail port runs its statements on. */
export interface MailSql {
  rows(sql: string, params: unknown[]): Promise<Row[]>;
  run(sql: string, params: unknown[]): Promise<number>;
}

function toThread(r: Row): MailThreadRow {
  return {
    messageId: r.message_id as string,
    kind: r.target_kind as MailThreadRow['kind'],
    id: r.target_id as string,
    tokenHash: (r.token_hash as string | null) ?? null,
    address: (r.address as string | null) ?? null,
    createdAt: iso(r.created_at),
  };
}

function toHeld(r: Row): HeldMailRow {
  return {
    id: r.id as string,
    receivedAt: iso(r.received_at),
    reason: r.reason as HeldMailReason,
    from: r.from_address as string,
    to: r.to_address as string,
    subject: r.subject as string,
    text: r.text as string,
    messageId: (r.message_id as string | null) ?? null,
    target: r.target_kind ? { kind: r.target_kind as MailThreadRow['kind'], id: r.target_id as string } : null,
    spf: (r.spf as string | null) ?? null,
    dkim: (r.dkim as string | null) ?? null,
    status: r.status as HeldMailStatus,
    decidedBy: (r.decided_by as string | null) ?? null,
    decidedAt: isoOrNull(r.decided_at),
  };
}

function toResume(r: Row): ResumeLinkRow {
  return {
    tokenHash: r.token_hash as string,
    visitorId: r.visitor_id as string,
    conversationId: r.conversation_id as string,
    createdAt: iso(r.created_at),
    expiresAt: iso(r.expires_at),
    usedAt: isoOrNull(r.used_at),
  };
}

/** The mail port over either store's connection. */
export function mailPort(db: MailSql): MailPort {
  const first = async (sql: string, params: unknown[]) => (await db.rows(sql, params))[0];
  const held = async (id: string) => {
    const r = await first('SELECT * FROM held_mail WHERE id = ?', [id]);
    return r ? toHeld(r) : null;
  };
  return {
    async addMailThread(t) {
      await db.run(
        `INSERT INTO mail_threads (message_id, target_kind, target_id, token_hash, address, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (message_id) DO NOTHING`,
        [t.messageId, t.kind, t.id, t.tokenHash, t.address, t.createdAt],
      );
    },
    async mailThreadByToken(tokenHash) {
      const r = await first('SELECT * FROM mail_threads WHERE token_hash = ?', [tokenHash]);
      return r ? toThread(r) : null;
    },
    async mailThreadIds(target, limit) {
      const rows = await db.rows(
        'SELECT message_id FROM mail_threads WHERE target_kind = ? AND target_id = ? ORDER BY created_at DESC, message_id DESC LIMIT ?',
        [target.kind, target.id, limit],
      );
      return rows.map((r) => r.message_id as string).reverse();
    },
    async holdMail(h) {
      await db.run(
        `INSERT INTO held_mail (id, received_at, reason, from_address, to_address, subject, text, message_id, target_kind, target_id,
           spf, dkim, status, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          h.id,
          h.receivedAt,
          h.reason,
          h.from,
          h.to,
          h.subject,
          h.text,
          h.messageId,
          h.target?.kind ?? null,
          h.target?.id ?? null,
          h.spf,
          h.dkim,
          h.status,
          h.decidedBy,
          h.decidedAt,
        ],
      );
    },
    async listHeldMail(limit) {
      const rows = await db.rows(`SELECT * FROM held_mail WHERE status = 'held' ORDER BY received_at DESC, id DESC LIMIT ?`, [limit]);
      return rows.map(toHeld);
    },
    getHeldMail: held,
    async decideHeldMail(id, status, agentId, now) {
      const n = await db.run(`UPDATE held_mail SET status = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = 'held'`, [
        status,
        agentId,
        now,
        id,
      ]);
      return n ? held(id) : null;
    },
    async createResumeLink(l) {
      await db.run(
        'INSERT INTO resume_links (token_hash, visitor_id, conversation_id, created_at, expires_at, used_at) VALUES (?, ?, ?, ?, ?, ?)',
        [l.tokenHash, l.visitorId, l.conversationId, l.createdAt, l.expiresAt, l.usedAt],
      );
    },
    async purgeMail(before, limit) {
      const held = await db.run('DELETE FROM held_mail WHERE id IN (SELECT id FROM held_mail WHERE received_at < ? LIMIT ?)', [
        before,
        limit,
      ]);
      const links = await db.run(
        'DELETE FROM resume_links WHERE token_hash IN (SELECT token_hash FROM resume_links WHERE expires_at < ? LIMIT ?)',
        [before, limit],
      );
      return Math.max(held, links);
    },
    async spendResumeLink(tokenHash, now) {
      // One statement: two browsers opening the link at once cannot both have it.
      const spent = await db.rows(
        'UPDATE resume_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING *',
        [now, tokenHash, now],
      );
      if (spent[0]) return toResume(spent[0]);
      const r = await first('SELECT * FROM resume_links WHERE token_hash = ?', [tokenHash]);
      return !r ? 'unknown' : r.used_at ? 'spent' : 'expired';
    },
  };
}
