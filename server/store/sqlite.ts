import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type {
  CallbackAttempt,
  ConversationStatus,
  ConversationSummary,
  FeedbackCursor,
  FeedbackFilter,
  FeedbackReply,
  FeedbackStatus,
  Message,
  SiteContents,
  SurveyResult,
} from '../../protocol/types';
import { AppError } from '../errors';
import { statusAfterMessage } from '../domain/chat';
import { friendlyName } from '../domain/friendly-name';
import { DEFAULT_SITE_OPTIONS } from '../domain/site-options';
import { startCheckpointer } from './checkpointer';
import { SQLITE_MIGRATIONS } from './migrations';
import type {
  AgentPatch,
  AgentRow,
  AgentTokenRow,
  AppendResult,
  CallbackPatch,
  CallbackRow,
  CallbackWithVisitor,
  ConversationRow,
  FeedbackRow,
  NewFeedbackReply,
  NewMessage,
  OutboxRow,
  SessionRow,
  TokenProblem,
  TokenUse,
  SiteOptions,
  SiteRow,
  Store,
  SummaryQuery,
  VisitorCursor,
  VisitorPatch,
  VisitorRow,
} from './types';

type Row = Record<string, unknown>;

const VISITOR_COLUMNS: Record<keyof VisitorPatch, string> = {
  name: 'name',
  email: 'email',
  pageUrl: 'page_url',
  pageTitle: 'page_title',
  referrer: 'referrer',
  userAgent: 'user_agent',
  language: 'language',
  timezone: 'timezone',
  lastSeenAt: 'last_seen_at',
  visits: 'visits',
};

const SUMMARY_SELECT = `
  SELECT c.*, s.name AS site_name, v.name AS visitor_name,
    m.text AS last_text, m.author AS last_author, m.created_at AS last_at,
    c.agent_unread AS unread
  FROM conversations c
  JOIN sites s ON s.id = c.site_id
  JOIN visitors v ON v.id = c.visitor_id
  -- The preview is the last message a person wrote: an automatic answer would hide the visitor's question.
  LEFT JOIN messages m ON m.id = (
    SELECT p.id FROM messages p WHERE p.conversation_id = c.id AND p.author != 'system' ORDER BY p.seq DESC LIMIT 1
  )`;

const CALLBACK_SELECT = 'SELECT c.*, v.name AS visitor_name FROM callbacks c LEFT JOIN visitors v ON v.id = c.visitor_id';
const CALLBACK_COLUMNS = {
  visitorId: 'visitor_id', phone: 'phone', name: 'name', topic: 'topic', asap: 'asap', dueAt: 'due_at', windowEnd: 'window_end',
  status: 'status', attempts: 'attempts', pageUrl: 'page_url', pageTitle: 'page_title', visitorTimezone: 'visitor_timezone',
  visitorLocale: 'visitor_locale', updatedAt: 'updated_at',
} as const;

/** How often the WAL is checkpointed, and how long it may grow before it starts over (tests shorten both). */
export interface CheckpointOptions {
  everyMs?: number;
  restartFrames?: number;
}

/** Opens (creating if needed) the SQLite file under `dataDir` and brings its schema up to date. */
export function openSqliteStore(dataDir: string, checkpoint: CheckpointOptions = {}): Store {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'earshot.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // Commits append to the WAL without fsync (safe against process crashes; see README);
  // the checkpointer thread moves pages into the database file off the event loop.
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // 64 MiB of page cache (SQLite's default is 2 MiB), taken only as the file grows: random
  // message ids land all over the id index, and a miss there is a read per insert.
  db.pragma('cache_size = -65536');
  // When the WAL starts over, its file is cut back to this (it is reused, not grown, below it).
  db.pragma(`journal_size_limit = ${64 * 2 ** 20}`);
  migrate(db);
  return new SqliteStore(db, startCheckpointer(file, checkpoint.everyMs, checkpoint.restartFrames));
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let v = version; v < SQLITE_MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(SQLITE_MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}

/** Thrown inside a transaction to roll back a change that would leave no active admin. */
const LAST_ADMIN = new Error('last admin');

/** The payload of an email done with: blank ('{}', as the retention sweep leaves it) when it carried a one-time link. */
const BLANK_SECRET = `CASE WHEN json_extract(payload, '$.secret') THEN '{}' ELSE payload END`;

/** Conversation rows kept for appends: the busiest conversations, about 1 KiB each. */
const CONVERSATION_CACHE = 10_000;

// Every transaction that writes begins IMMEDIATE: it waits for the write lock holding no
// snapshot, so the checkpointer's RESTART (which waits for readers) never waits on it in turn.
class SqliteStore implements Store {
  private readonly stmts = new Map<string, Database.Statement>();
  /**
   * Conversation rows as committed appends left them, so an append need not read its row
   * first (that read was a fifth of an append's cost). Only committed state goes in; every
   * other write to a conversation row drops its entry (`forgetConversation`).
   */
  private readonly conversations = new Map<string, ConversationRow>();
  private pendingAppends: {
    m: NewMessage;
    resolve: (r: AppendResult) => void;
    reject: (err: unknown) => void;
  }[] = [];

  constructor(
    private readonly db: Database.Database,
    private readonly checkpointer: { stop(): Promise<void> },
  ) {
  }

  /** Prepared once per SQL text, reused for every call. */
  private q(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  async close(): Promise<void> {
    await this.checkpointer.stop();
    this.db.close();
  }

  async getSite(id: string): Promise<SiteRow | null> {
    const r = this.q('SELECT * FROM sites WHERE id = ?').get(id) as Row | undefined;
    return r ? toSite(r) : null;
  }

  async upsertSite(s: SiteRow): Promise<void> {
    this.q(
      `INSERT INTO sites (id, name, greeting, color, allowed_origins, hours, settings, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, greeting = excluded.greeting, color = excluded.color,
         allowed_origins = excluded.allowed_origins, hours = excluded.hours, settings = excluded.settings`,
    ).run(s.id, s.name, s.greeting, s.color, JSON.stringify(s.allowedOrigins), JSON.stringify(s.hours), JSON.stringify(s.options), s.createdAt);
  }

  async listSites(): Promise<SiteRow[]> {
    return (this.q('SELECT * FROM sites ORDER BY created_at, id').all() as Row[]).map(toSite);
  }

  async createSite(s: SiteRow): Promise<boolean> {
    return this.q(
      `INSERT INTO sites (id, name, greeting, color, allowed_origins, hours, settings, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO NOTHING`,
    ).run(s.id, s.name, s.greeting, s.color, JSON.stringify(s.allowedOrigins), JSON.stringify(s.hours), JSON.stringify(s.options), s.createdAt).changes === 1;
  }

  async countSiteContents(id: string): Promise<SiteContents> {
    const count = (table: string) => (this.q(`SELECT count(*) AS n FROM ${table} WHERE site_id = ?`).get(id) as { n: number }).n;
    // One read transaction, so the four counts agree with each other.
    return this.db.transaction(() => ({
      conversations: count('conversations'),
      callbacks: count('callbacks'),
      feedback: count('feedback'),
      visitors: count('visitors'),
    }))();
  }

  async deleteSite(id: string): Promise<SiteContents | null> {
    const deleted = this.db.transaction(() => {
      const count = (table: string) => (this.q(`SELECT count(*) AS n FROM ${table} WHERE site_id = ?`).get(id) as { n: number }).n;
      const contents = { conversations: count('conversations'), callbacks: count('callbacks'), feedback: count('feedback'), visitors: count('visitors') };
      const inSite = (table: string) => `SELECT id FROM ${table} WHERE site_id = ?`;
      // Children first: the foreign keys have no ON DELETE CASCADE.
      this.q(`DELETE FROM messages WHERE conversation_id IN (${inSite('conversations')})`).run(id);
      this.q(`DELETE FROM conversations WHERE site_id = ?`).run(id);
      const replyEmails = this.q(`SELECT outbox_id FROM feedback_replies WHERE feedback_id IN (${inSite('feedback')})`).pluck().all(id);
      this.q(`DELETE FROM feedback_replies WHERE feedback_id IN (${inSite('feedback')})`).run(id);
      // A reply's email not sent yet would otherwise still go out for a site that is gone.
      for (const outboxId of replyEmails) this.q('DELETE FROM outbox WHERE id = ?').run(outboxId);
      this.q(`DELETE FROM feedback WHERE site_id = ?`).run(id);
      this.q(`DELETE FROM callback_attempts WHERE callback_id IN (${inSite('callbacks')})`).run(id);
      this.q(`DELETE FROM callbacks WHERE site_id = ?`).run(id);
      this.q(`DELETE FROM visitors WHERE site_id = ?`).run(id);
      return this.q('DELETE FROM sites WHERE id = ?').run(id).changes === 1 ? contents : null;
    }).immediate();
    for (const [cid, c] of this.conversations) if (c.siteId === id) this.conversations.delete(cid);
    return deleted;
  }

  async countAgents(): Promise<number> {
    return (this.q('SELECT count(*) AS n FROM agents').get() as { n: number }).n;
  }

  async createAgent(a: AgentRow): Promise<void> {
    this.q('INSERT INTO agents (id, email, name, role, password_hash, initial_password, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      a.id, a.email, a.name, a.role, a.passwordHash, a.initialPassword ?? null, a.createdAt,
    );
  }

  async clearInitialPassword(id: string): Promise<void> {
    this.q('UPDATE agents SET initial_password = NULL WHERE id = ? AND initial_password IS NOT NULL').run(id);
  }

  async getAgentByEmail(email: string): Promise<AgentRow | null> {
    const r = this.q('SELECT * FROM agents WHERE email = ?').get(email) as Row | undefined;
    return r ? toAgent(r) : null;
  }

  async getAgent(id: string): Promise<AgentRow | null> {
    const r = this.q('SELECT * FROM agents WHERE id = ?').get(id) as Row | undefined;
    return r ? toAgent(r) : null;
  }

  async listAgents(): Promise<AgentRow[]> {
    return (this.q('SELECT * FROM agents WHERE deactivated_at IS NULL ORDER BY created_at').all() as Row[]).map(toAgent);
  }

  async listAllAgents(): Promise<AgentRow[]> {
    return (this.q('SELECT * FROM agents ORDER BY created_at').all() as Row[]).map(toAgent);
  }

  async updateAgent(id: string, patch: AgentPatch): Promise<AgentRow | 'last_admin' | null> {
    try {
      return this.updateAgentNow(id, patch);
    } catch (err) {
      if (err === LAST_ADMIN) return 'last_admin';
      throw err;
    }
  }

  private updateAgentNow(id: string, patch: AgentPatch): AgentRow | null {
    return this.db.transaction((): AgentRow | null => {
      const before = this.q('SELECT * FROM agents WHERE id = ?').get(id) as Row | undefined;
      if (!before) return null;
      const name = patch.name ?? (before.name as string);
      const role = patch.role ?? (before.role as string);
      const deactivatedAt = patch.deactivatedAt === undefined ? (before.deactivated_at as string | null) : patch.deactivatedAt;
      this.q('UPDATE agents SET name = ?, role = ?, deactivated_at = ? WHERE id = ?').run(name, role, deactivatedAt, id);
      const admins = this.q(`SELECT count(*) AS n FROM agents WHERE role = 'admin' AND deactivated_at IS NULL`).get() as { n: number };
      // Throwing rolls the transaction back: the change is not written.
      if (admins.n === 0) throw LAST_ADMIN;
      // Sessions from before a deactivation must not come back with the agent.
      if (before.deactivated_at && deactivatedAt === null) this.q('DELETE FROM sessions WHERE agent_id = ?').run(id);
      // Links an admin handed out speak for them: they stop working when the admin no longer may
      // invite (deactivated or made an agent), or an invitation would outlive its author's rights.
      if ((deactivatedAt && !before.deactivated_at) || (role !== 'admin' && before.role === 'admin')) {
        this.q(`UPDATE agent_tokens SET revoked_at = ? WHERE created_by = ? AND used_at IS NULL AND revoked_at IS NULL`).run(new Date().toISOString(), id);
      }
      return toAgent(this.q('SELECT * FROM agents WHERE id = ?').get(id) as Row);
    }).immediate();
  }

  async setAgentPassword(id: string, passwordHash: string, keepSession: string | null): Promise<string[]> {
    return this.db.transaction(() => {
      this.q('UPDATE agents SET password_hash = ?, initial_password = NULL WHERE id = ?').run(passwordHash, id);
      return this.endSessions(id, keepSession);
    }).immediate();
  }

  /** Deletes an agent's sessions but `keep`; returns the deleted ones' hashes. Call inside a transaction. */
  private endSessions(agentId: string, keep: string | null): string[] {
    const ended = (this.q('SELECT token_hash FROM sessions WHERE agent_id = ? AND token_hash IS NOT ?').all(agentId, keep) as Row[]).map(
      (r) => r.token_hash as string,
    );
    this.q('DELETE FROM sessions WHERE agent_id = ? AND token_hash IS NOT ?').run(agentId, keep);
    return ended;
  }

  async createAgentToken(t: AgentTokenRow): Promise<void> {
    this.db.transaction(() => {
      this.q(`UPDATE agent_tokens SET revoked_at = ? WHERE kind = ? AND email = ? AND used_at IS NULL AND revoked_at IS NULL`).run(t.createdAt, t.kind, t.email);
      this.q(
        `INSERT INTO agent_tokens (id, token_hash, kind, email, role, agent_id, created_by, created_at, expires_at, used_at, revoked_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(t.id, t.tokenHash, t.kind, t.email, t.role, t.agentId, t.createdBy, t.createdAt, t.expiresAt, t.usedAt, t.revokedAt);
    }).immediate();
  }

  async getAgentToken(tokenHash: string): Promise<AgentTokenRow | null> {
    const r = this.q('SELECT * FROM agent_tokens WHERE token_hash = ?').get(tokenHash) as Row | undefined;
    return r ? toAgentToken(r) : null;
  }

  async getAgentTokenById(id: string): Promise<AgentTokenRow | null> {
    const r = this.q('SELECT * FROM agent_tokens WHERE id = ?').get(id) as Row | undefined;
    return r ? toAgentToken(r) : null;
  }

  async listPendingInvites(now: string): Promise<AgentTokenRow[]> {
    const rows = this.q(
      `SELECT * FROM agent_tokens WHERE kind = 'invite' AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ? ORDER ` +
        `BY created_at DESC`,
    ).all(now) as Row[];
    return rows.map(toAgentToken);
  }

  async revokeAgentToken(id: string, now: string): Promise<boolean> {
    return this.q('UPDATE agent_tokens SET revoked_at = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL').run(now, id).changes === 1;
  }

  /** The token's problem at `now`, or the token when it can be used. Call inside a transaction. */
  private usableToken(tokenHash: string, kind: AgentTokenRow['kind'], now: string): AgentTokenRow | TokenProblem {
    const r = this.q('SELECT * FROM agent_tokens WHERE token_hash = ? AND kind = ?').get(tokenHash, kind) as Row | undefined;
    if (!r) return 'unknown';
    const t = toAgentToken(r);
    if (t.usedAt) return 'used';
    if (t.revokedAt) return 'revoked';
    if (t.expiresAt <= now) return 'expired';
    return t;
  }

  async acceptInvite(tokenHash: string, a: Omit<AgentRow, 'email' | 'role'>, session: Omit<SessionRow, 'agentId'>, now: string): Promise<TokenUse> {
    return this.db.transaction((): TokenUse => {
      const t = this.usableToken(tokenHash, 'invite', now);
      if (typeof t === 'string') return { ok: false, problem: t };
      if (this.q('SELECT 1 FROM agents WHERE email = ?').get(t.email)) return { ok: false, problem: 'email_taken' };
      const agent: AgentRow = { ...a, email: t.email, role: t.role ?? 'agent' };
      this.q('INSERT INTO agents (id, email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        agent.id, agent.email, agent.name, agent.role, agent.passwordHash, agent.createdAt,
      );
      this.q('UPDATE agent_tokens SET used_at = ?, agent_id = ? WHERE id = ?').run(now, agent.id, t.id);
      this.q('INSERT INTO sessions (token_hash, agent_id, expires_at) VALUES (?, ?, ?)').run(session.tokenHash, agent.id, session.expiresAt);
      return { ok: true, agent: toAgent(this.q('SELECT * FROM agents WHERE id = ?').get(agent.id) as Row), ended: [] };
    }).immediate();
  }

  async useResetToken(tokenHash: string, passwordHash: string, session: Omit<SessionRow, 'agentId'>, now: string): Promise<TokenUse> {
    return this.db.transaction((): TokenUse => {
      const t = this.usableToken(tokenHash, 'reset', now);
      if (typeof t === 'string') return { ok: false, problem: t };
      const r = this.q('SELECT * FROM agents WHERE id = ?').get(t.agentId) as Row | undefined;
      if (!r) return { ok: false, problem: 'unknown' };
      if (r.deactivated_at) return { ok: false, problem: 'deactivated' };
      this.q('UPDATE agents SET password_hash = ?, initial_password = NULL WHERE id = ?').run(passwordHash, t.agentId);
      this.q('UPDATE agent_tokens SET used_at = ? WHERE id = ?').run(now, t.id);
      const ended = this.endSessions(t.agentId!, null);
      this.q('INSERT INTO sessions (token_hash, agent_id, expires_at) VALUES (?, ?, ?)').run(session.tokenHash, t.agentId, session.expiresAt);
      return { ok: true, agent: toAgent({ ...r, password_hash: passwordHash }), ended };
    }).immediate();
  }

  async setAgentAway(id: string, away: boolean): Promise<void> {
    this.q('UPDATE agents SET away = ? WHERE id = ?').run(away ? 1 : 0, id);
  }

  async deleteExpiredSessions(now: string): Promise<void> {
    this.q('DELETE FROM sessions WHERE expires_at < ?').run(now);
  }

  async createSession(s: SessionRow): Promise<void> {
    this.q('INSERT INTO sessions (token_hash, agent_id, expires_at) VALUES (?, ?, ?)').run(s.tokenHash, s.agentId, s.expiresAt);
  }

  async getSession(tokenHash: string): Promise<SessionRow | null> {
    const r = this.q('SELECT * FROM sessions WHERE token_hash = ?').get(tokenHash) as Row | undefined;
    return r ? { tokenHash: r.token_hash as string, agentId: r.agent_id as string, expiresAt: r.expires_at as string } : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.q('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
  }

  async createVisitor(v: VisitorRow): Promise<void> {
    this.q(
      `INSERT INTO visitors (id, site_id, token_hash, name, email, page_url, page_title, referrer, user_agent, language,
         timezone, first_seen_at, last_seen_at, visits) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      v.id, v.siteId, v.tokenHash, v.name, v.email, v.pageUrl, v.pageTitle, v.referrer, v.userAgent, v.language,
      v.timezone, v.firstSeenAt, v.lastSeenAt, v.visits,
    );
  }

  async getVisitor(id: string): Promise<VisitorRow | null> {
    const r = this.q('SELECT * FROM visitors WHERE id = ?').get(id) as Row | undefined;
    return r ? toVisitor(r) : null;
  }

  async getVisitorByTokenHash(tokenHash: string): Promise<VisitorRow | null> {
    const r = this.q('SELECT * FROM visitors WHERE token_hash = ?').get(tokenHash) as Row | undefined;
    return r ? toVisitor(r) : null;
  }

  async updateVisitor(id: string, patch: VisitorPatch): Promise<VisitorRow> {
    const keys = (Object.keys(patch) as (keyof VisitorPatch)[]).filter((k) => patch[k] !== undefined);
    if (keys.length) {
      const sets = keys.map((k) => `${VISITOR_COLUMNS[k]} = ?`).join(', ');
      this.q(`UPDATE visitors SET ${sets} WHERE id = ?`).run(...keys.map((k) => patch[k] ?? null), id);
    }
    const v = await this.getVisitor(id);
    if (!v) throw new AppError('not_found', 'Visitor not found.');
    return v;
  }

  async getConversation(id: string): Promise<ConversationRow | null> {
    return this.readConversation(id);
  }

  private readConversation(id: string): ConversationRow | null {
    const r = this.q('SELECT * FROM conversations WHERE id = ?').get(id) as Row | undefined;
    return r ? toConversation(r) : null;
  }

  /** Every write to a conversation row but an append's goes through here first. */
  private forgetConversation(id: string): void {
    this.conversations.delete(id);
  }

  async latestConversation(visitorId: string): Promise<ConversationRow | null> {
    const r = this.q('SELECT * FROM conversations WHERE visitor_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').get(
      visitorId,
    ) as Row | undefined;
    return r ? toConversation(r) : null;
  }

  async latestOrNewConversation(visitorId: string, siteId: string, newId: string, now: string): Promise<ConversationRow> {
    return this.db.transaction(() => {
      const existing = this.q('SELECT * FROM conversations WHERE visitor_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').get(
        visitorId,
      ) as Row | undefined;
      if (existing) return toConversation(existing);
      this.q(
        `INSERT INTO conversations (id, site_id, visitor_id, status, created_at, updated_at) VALUES (?, ?, ?, 'pending', ?, ?)`,
      ).run(newId, siteId, visitorId, now, now);
      return toConversation(this.q('SELECT * FROM conversations WHERE id = ?').get(newId) as Row);
    }).immediate();
  }

  async setConversationStatus(id: string, status: ConversationStatus, now: string): Promise<ConversationRow> {
    this.forgetConversation(id);
    this.q('UPDATE conversations SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id);
    const c = await this.getConversation(id);
    if (!c) throw new AppError('not_found', 'Conversation not found.');
    return c;
  }

  async setReadSeq(id: string, who: 'agent' | 'visitor', seq: number): Promise<void> {
    this.forgetConversation(id);
    if (who === 'visitor') {
      this.q('UPDATE conversations SET visitor_read_seq = max(visitor_read_seq, min(?, last_seq)) WHERE id = ?').run(seq, id);
      return;
    }
    // Together: the unread count always matches the read position.
    this.db.transaction(() => {
      this.q(
        `UPDATE conversations SET agent_read_seq = max(agent_read_seq, min(?, last_seq)) WHERE id = ?;`,
      ).run(seq, id);
      this.q(
        `UPDATE conversations SET agent_unread = (SELECT count(*) FROM messages m
           WHERE m.conversation_id = conversations.id AND m.author = 'visitor' AND m.seq > conversations.agent_read_seq)
         WHERE id = ?`,
      ).run(id);
    }).immediate();
  }

  async setSurvey(conversationId: string, survey: SurveyResult): Promise<void> {
    this.forgetConversation(conversationId);
    this.q('UPDATE conversations SET survey_rating = ?, survey_comment = ?, survey_at = ? WHERE id = ?').run(
      survey.rating, survey.comment, survey.createdAt, conversationId,
    );
  }

  async firstResponseDelays(siteId: string, since: string): Promise<number[]> {
    const rows = this.q(
      `SELECT c.first_response_at AS answered, (SELECT min(m.created_at) FROM messages m WHERE m.conversation_id = c.id AND ` +
        `m.author = 'visitor') AS asked
       FROM conversations c WHERE c.site_id = ? AND c.created_at >= ? AND c.first_response_at IS NOT NULL`,
    ).all(siteId, since) as Row[];
    return rows.filter((r) => r.asked).map((r) => Date.parse(r.answered as string) - Date.parse(r.asked as string));
  }

  async setFaqHelpful(messageId: string, helpful: boolean): Promise<void> {
    this.q('UPDATE messages SET faq_helpful = ? WHERE id = ? AND faq_id IS NOT NULL').run(helpful ? 1 : 0, messageId);
  }

  async getMessage(id: string): Promise<Message | null> {
    const r = this.q('SELECT * FROM messages WHERE id = ?').get(id) as Row | undefined;
    return r ? toMessage(r) : null;
  }

  appendMessage(m: NewMessage): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.pendingAppends.push({ m, resolve, reject });
      if (this.pendingAppends.length === 1) setImmediate(() => this.flushAppends());
    });
  }

  /**
   * Group commit: every append queued in this turn of the event loop goes into one
   * transaction and is answered only after the commit. One commit per batch instead of
   * per message; "stored before acked" still holds. A refused append writes nothing, so
   * it fails alone; an unexpected error rolls back and fails the whole batch.
   */
  private flushAppends(): void {
    const batch = this.pendingAppends;
    this.pendingAppends = [];
    const outcomes: ({ ok: AppendResult } | { err: unknown })[] = [];
    // Rows as this batch leaves them; they reach the cache only once the batch is committed.
    const touched = new Map<string, ConversationRow>();
    try {
      this.db.transaction(() => {
        for (const item of batch) {
          try {
            outcomes.push({ ok: this.appendUnchecked(item.m, touched) });
          } catch (err) {
            // Refusals happen before anything is written; anything else aborts the whole batch.
            if (!(err instanceof AppError)) throw err;
            outcomes.push({ err });
          }
        }
      }).immediate();
    } catch (err) {
      // Should a kept row ever be wrong (the file changed behind this store's back), the batch
      // fails once and the next append reads the row afresh, instead of failing on and on.
      for (const item of batch) this.forgetConversation(item.m.conversationId);
      batch.forEach((item) => item.reject(err));
      return;
    }
    for (const [id, row] of touched) {
      // Most recently appended last; the oldest goes once there are many.
      this.conversations.delete(id);
      this.conversations.set(id, row);
      if (this.conversations.size > CONVERSATION_CACHE) this.conversations.delete(this.conversations.keys().next().value!);
    }
    batch.forEach((item, i) => {
      const o = outcomes[i]!;
      if ('ok' in o) item.resolve(o.ok);
      else item.reject(o.err);
    });
  }

  /** One append inside the batch's transaction; `touched` holds the rows the batch has changed so far. */
  private appendUnchecked(m: NewMessage, touched: Map<string, ConversationRow>): AppendResult {
    const before = touched.get(m.conversationId) ?? this.conversations.get(m.conversationId) ?? this.readConversation(m.conversationId);
    if (!before || (m.visitorId !== undefined && before.visitorId !== m.visitorId)) throw new AppError('not_found', 'No such conversation.');
    const seq = before.lastSeq + 1;
    const status = statusAfterMessage(m.author, before);
    const firstResponse = before.firstResponseAt ?? (m.author === 'agent' ? m.now : null);
    // A known id inserts nothing (a refused insert needs no savepoint); only then is it looked up.
    const inserted = this.q(
      `INSERT INTO messages (id, conversation_id, seq, author, agent_id, author_name, text, created_at, faq_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    ).run(m.id, m.conversationId, seq, m.author, m.agentId, m.authorName, m.text, m.now, m.faqId ?? null);
    if (inserted.changes === 0) {
      const known = this.q('SELECT * FROM messages WHERE id = ?').get(m.id) as Row;
      // Only its sender retries an id: the same visitor (the conversation is theirs), or the same agent.
      if (known.conversation_id !== m.conversationId || known.author !== m.author || (known.agent_id ?? null) !== (m.agentId ?? null)) {
        throw new AppError('duplicate_id', 'That message id is already taken; send with a new id.');
      }
      return { message: toMessage(known), created: false, conversation: copyConversation(before), statusBefore: before.status };
    }
    // An agent's reply reads everything before it; a visitor's message adds one unread.
    const byAgent = m.author === 'agent' ? 1 : 0;
    const byVisitor = m.author === 'visitor' ? 1 : 0;
    this.q(
      `UPDATE conversations SET last_seq = ?, status = ?, first_response_at = ?, updated_at = ?,
         agent_read_seq = CASE WHEN ? THEN ? ELSE agent_read_seq END,
         agent_unread = CASE WHEN ? THEN 0 ELSE agent_unread + ? END
       WHERE id = ?`,
    ).run(seq, status, firstResponse, m.now, byAgent, seq, byAgent, byVisitor, m.conversationId);
    const message: Message = { id: m.id, conversationId: m.conversationId, seq, author: m.author, authorName: m.authorName, text: m.text, createdAt: m.now };
    if (m.faqId) message.faq = { id: m.faqId, helpful: null };
    const after: ConversationRow = {
      ...before,
      lastSeq: seq,
      status,
      firstResponseAt: firstResponse,
      updatedAt: m.now,
      agentReadSeq: m.author === 'agent' ? seq : before.agentReadSeq,
      agentUnread: m.author === 'agent' ? 0 : before.agentUnread + (m.author === 'visitor' ? 1 : 0),
    };
    touched.set(m.conversationId, after);
    return {
      message,
      created: true,
      conversation: copyConversation(after),
      statusBefore: before.status,
    };
  }

  async listMessages(conversationId: string, afterSeq: number, limit: number): Promise<Message[]> {
    const rows = this.q('SELECT * FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?').all(
      conversationId, afterSeq, limit,
    ) as Row[];
    return rows.map(toMessage);
  }

  async touchVisitors(ids: string[], now: string): Promise<void> {
    const touch = this.q('UPDATE visitors SET last_seen_at = ? WHERE id = ?');
    this.db.transaction(() => {
      for (const id of ids) touch.run(now, id);
    }).immediate();
  }

  async purgeOld(before: string, from: VisitorCursor | null, limit: number): Promise<{ visitors: number; emails: number; next: VisitorCursor | null; more: boolean }> {
    return this.db.transaction(() => {
      // A slice of the visitors in order of last sight, from where the last call stopped: those
      // kept (they chatted) are not looked at again and again.
      const slice = this.q(
        `SELECT id, last_seen_at FROM visitors
         WHERE last_seen_at < ? AND (last_seen_at, id) > (?, ?) ORDER BY last_seen_at, id LIMIT ?`,
      ).all(before, from?.lastSeenAt ?? '', from?.id ?? '', limit) as { id: string; last_seen_at: string }[];
      const forget = this.q(
        `DELETE FROM visitors WHERE id = ?
           AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.visitor_id = visitors.id)
           AND NOT EXISTS (SELECT 1 FROM callbacks b WHERE b.visitor_id = visitors.id)`,
      );
      let visitors = 0;
      for (const v of slice) visitors += forget.run(v.id).changes;
      const last = slice.at(-1);
      // Only emails not blanked yet are in the partial index: blanked ones are never read again.
      const emails = this.q(
        `UPDATE outbox SET payload = '{}' WHERE id IN (
           SELECT id FROM outbox WHERE payload != '{}' AND created_at < ? AND status IN ('sent', 'failed') LIMIT ?)`,
      ).run(before, limit).changes;
      const next = last ? { lastSeenAt: last.last_seen_at, id: last.id } : null;
      return { visitors, emails, next, more: slice.length === limit || emails === limit };
    }).immediate();
  }

  async enqueueOutbox(row: Pick<OutboxRow, 'id' | 'kind' | 'payload'>, now: string): Promise<void> {
    this.q(
      `INSERT INTO outbox (id, kind, payload, status, next_attempt_at, created_at) VALUES (?, ?, ?, 'pending', ?, ?)
       ON CONFLICT (id) DO NOTHING`,
    ).run(row.id, row.kind, JSON.stringify(row.payload), now, now);
  }

  async claimOutbox(now: string, leaseUntil: string, limit: number): Promise<OutboxRow[]> {
    return this.db.transaction(() => {
      const rows = this.q(
        `SELECT * FROM outbox WHERE (status = 'pending' AND next_attempt_at <= ?) OR (status = 'sending' AND lease_until <= ?)
         ORDER BY next_attempt_at LIMIT ?`,
      ).all(now, now, limit) as Row[];
      for (const r of rows) {
        this.q(`UPDATE outbox SET status = 'sending', lease_until = ?, attempts = attempts + 1 WHERE id = ?`).run(leaseUntil, r.id);
      }
      return rows.map((r) => toOutbox({ ...r, status: 'sending', attempts: (r.attempts as number) + 1 }));
    }).immediate();
  }

  async markOutboxSent(id: string, now: string): Promise<boolean> {
    // A one-time link's email is blanked at once: only the token's hash stays at rest.
    return this.q(
      `UPDATE outbox SET status = 'sent', sent_at = ?, lease_until = NULL, payload = ${BLANK_SECRET} WHERE id = ? AND status = 'sending'`,
    ).run(now, id).changes === 1;
  }

  async markOutboxRetry(id: string, error: string, nextAttemptAt: string | null): Promise<void> {
    this.q(
      `UPDATE outbox SET status = ?, next_attempt_at = coalesce(?, next_attempt_at), last_error = ?, lease_until = NULL,
         payload = CASE WHEN ? IS NULL THEN ${BLANK_SECRET} ELSE payload END
       WHERE id = ? AND status = 'sending'`,
    ).run(nextAttemptAt ? 'pending' : 'failed', nextAttemptAt, error.slice(0, 1000), nextAttemptAt, id);
  }

  async getOutbox(id: string): Promise<OutboxRow | null> {
    const r = this.q('SELECT * FROM outbox WHERE id = ?').get(id) as Row | undefined;
    return r ? toOutbox(r) : null;
  }

  async createFeedback(f: FeedbackRow): Promise<boolean> {
    return this.q(
      `INSERT INTO feedback (id, site_id, rating, category, text, name, email, page_url, page_title, locale, status, ` +
        `created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    ).run(f.id, f.siteId, f.rating, f.category, f.text, f.name, f.email, f.pageUrl, f.pageTitle, f.locale, f.status, f.createdAt, f.updatedAt).changes === 1;
  }

  async getFeedback(id: string): Promise<FeedbackRow | null> {
    const r = this.q('SELECT * FROM feedback WHERE id = ?').get(id) as Row | undefined;
    return r ? toFeedback(r) : null;
  }

  async listFeedback(filter: FeedbackFilter, limit: number, before?: FeedbackCursor): Promise<FeedbackRow[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.status && filter.status !== 'all') {
      where.push('status = ?');
      args.push(filter.status);
    }
    if (filter.category) {
      where.push('category = ?');
      args.push(filter.category);
    }
    if (filter.unhappy) where.push('rating <= 2');
    if (filter.page) {
      where.push("instr(coalesce(page_url, ''), ?) > 0");
      args.push(filter.page);
    }
    if (filter.siteId) {
      where.push('site_id = ?');
      args.push(filter.siteId);
    }
    if (before) {
      where.push('(created_at < ? OR (created_at = ? AND id < ?))');
      args.push(before.createdAt, before.createdAt, before.id);
    }
    // Ties broken by id, so a page's last item is an exact cursor for the next.
    const sql = `SELECT * FROM feedback ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT ?`;
    return (this.q(sql).all(...args, limit) as Row[]).map(toFeedback);
  }

  async setFeedbackStatus(id: string, status: FeedbackStatus, now: string): Promise<FeedbackRow | null> {
    this.q('UPDATE feedback SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id);
    return this.getFeedback(id);
  }

  async countFeedback(status: FeedbackStatus): Promise<number> {
    return (this.q('SELECT count(*) AS n FROM feedback WHERE status = ?').get(status) as { n: number }).n;
  }

  async addFeedbackReply(reply: NewFeedbackReply, email: Pick<OutboxRow, 'id' | 'kind' | 'payload'>): Promise<FeedbackReply> {
    this.db.transaction(() => {
      if (this.q('SELECT 1 FROM feedback_replies WHERE id = ?').get(reply.id)) {
        throw new AppError('duplicate_id', 'That reply id is already taken; send with a new id.');
      }
      this.q(
        `INSERT INTO outbox (id, kind, payload, status, next_attempt_at, created_at) VALUES (?, ?, ?, 'pending', ?, ?)`,
      ).run(email.id, email.kind, JSON.stringify(email.payload), reply.createdAt, reply.createdAt);
      this.q(
        `INSERT INTO feedback_replies (id, feedback_id, agent_id, agent_name, text, outbox_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(reply.id, reply.feedbackId, reply.agentId, reply.agentName, reply.text, email.id, reply.createdAt);
      this.q(`UPDATE feedback SET status = 'answered', updated_at = ? WHERE id = ?`).run(reply.createdAt, reply.feedbackId);
    }).immediate();
    return { id: reply.id, feedbackId: reply.feedbackId, agentName: reply.agentName, text: reply.text, createdAt: reply.createdAt, emailStatus: 'pending' };
  }

  async listFeedbackReplies(feedbackId: string): Promise<(FeedbackReply & { agentId: string })[]> {
    const rows = this.q(
      `SELECT r.*, o.status AS email_status FROM feedback_replies r JOIN outbox o ON o.id = r.outbox_id
       WHERE r.feedback_id = ? ORDER BY r.created_at, r.rowid`,
    ).all(feedbackId) as Row[];
    return rows.map((r) => ({
      id: r.id as string,
      feedbackId: r.feedback_id as string,
      agentId: r.agent_id as string,
      agentName: r.agent_name as string,
      text: r.text as string,
      createdAt: r.created_at as string,
      emailStatus: r.email_status as FeedbackReply['emailStatus'],
    }));
  }

  async getFeedbackReplyByOutbox(outboxId: string): Promise<FeedbackReply | null> {
    const r = this.q('SELECT id, feedback_id FROM feedback_replies WHERE outbox_id = ?').get(outboxId) as Row | undefined;
    if (!r) return null;
    // Through listFeedbackReplies, so a pushed reply and a listed one are the same shape.
    const reply = (await this.listFeedbackReplies(r.feedback_id as string)).find((x) => x.id === r.id);
    if (!reply) return null;
    const { agentId: _agentId, ...shown } = reply;
    return shown;
  }

  async feedbackSince(since: string) {
    return (this.q('SELECT created_at, rating, category FROM feedback WHERE created_at >= ? ORDER BY created_at').all(since) as Row[]).map((r) => ({
      createdAt: r.created_at as string,
      rating: r.rating as number | null,
      category: r.category as FeedbackRow['category'],
    }));
  }

  async createCallback(c: CallbackRow): Promise<void> {
    this.q(
      `INSERT INTO callbacks (id, site_id, visitor_id, phone, name, topic, asap, due_at, window_end, status, claimed_by, claimed_by_name,
         attempts, page_url, page_title, visitor_timezone, visitor_locale, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      c.id, c.siteId, c.visitorId, c.phone, c.name, c.topic, c.asap ? 1 : 0, c.dueAt, c.windowEnd, c.status, c.claimedBy?.id ?? null,
      c.claimedBy?.name ?? null, c.attempts, c.pageUrl, c.pageTitle, c.visitorTimezone, c.visitorLocale, c.createdAt, c.updatedAt,
    );
  }

  async getCallback(id: string): Promise<CallbackWithVisitor | null> {
    const r = this.q(`${CALLBACK_SELECT} WHERE c.id = ?`).get(id) as Row | undefined;
    return r ? toCallback(r) : null;
  }

  async findOpenCallback(siteId: string, phone: string, visitorId: string): Promise<CallbackRow | null> {
    const r = this.q(
      `${CALLBACK_SELECT} WHERE c.site_id = ? AND c.phone = ? AND c.status IN ('waiting', 'rescheduled') AND c.visitor_id = ?
       ORDER BY c.created_at DESC LIMIT 1`,
    ).get(siteId, phone, visitorId) as Row | undefined;
    return r ? toCallback(r) : null;
  }

  async latestCallbackForVisitor(visitorId: string): Promise<CallbackRow | null> {
    const r = this.q(`${CALLBACK_SELECT} WHERE c.visitor_id = ? ORDER BY c.updated_at DESC, c.rowid DESC LIMIT 1`).get(visitorId) as Row | undefined;
    return r ? toCallback(r) : null;
  }

  async claimCallback(id: string, agent: { id: string; name: string }, takeOverFrom: string | null, now: string): Promise<boolean> {
    return this.q(
      `UPDATE callbacks SET claimed_by = ?, claimed_by_name = ?, updated_at = ?
       WHERE id = ? AND status IN ('waiting', 'rescheduled') AND (claimed_by IS NULL OR claimed_by = ? OR claimed_by = ?)`,
    ).run(agent.id, agent.name, now, id, agent.id, takeOverFrom).changes === 1;
  }

  async updateCallback(id: string, patch: CallbackPatch): Promise<void> {
    this.updateCallbackNow(id, patch);
  }

  private updateCallbackNow(id: string, patch: CallbackPatch): void {
    const cols: string[] = [];
    const args: unknown[] = [];
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      if (key === 'claimedBy') {
        const c = value as CallbackRow['claimedBy'];
        cols.push('claimed_by = ?', 'claimed_by_name = ?');
        args.push(c?.id ?? null, c?.name ?? null);
        continue;
      }
      cols.push(`${CALLBACK_COLUMNS[key as keyof typeof CALLBACK_COLUMNS]} = ?`);
      args.push(typeof value === 'boolean' ? Number(value) : value);
    }
    if (cols.length) this.q(`UPDATE callbacks SET ${cols.join(', ')} WHERE id = ?`).run(...args, id);
  }

  async listCallbacks(open: boolean, limit: number, siteId?: string): Promise<CallbackWithVisitor[]> {
    const site = siteId ? ' AND c.site_id = ?' : '';
    const siteArgs = siteId ? [siteId] : [];
    const waiting = this.q(`${CALLBACK_SELECT} WHERE c.status IN ('waiting', 'rescheduled')${site} ORDER BY c.due_at, c.rowid LIMIT ?`).all(...siteArgs, limit) as Row[];
    if (open || waiting.length >= limit) return waiting.map(toCallback);
    // Then closed ones newest first, so a limit drops the oldest history (read newest first
    // through the index on the last change, not sorted whole).
    const closed = this.q(
      `${CALLBACK_SELECT} WHERE c.status NOT IN ('waiting', 'rescheduled')${site} ORDER BY c.updated_at DESC LIMIT ?`,
    ).all(...siteArgs, limit - waiting.length) as Row[];
    return [...waiting, ...closed].map(toCallback);
  }

  async addCallbackAttempt(callbackId: string, a: CallbackAttempt & { agentId: string }, patch: CallbackPatch): Promise<void> {
    this.db.transaction(() => {
      this.q(
        `INSERT INTO callback_attempts (id, callback_id, agent_id, agent_name, outcome, note, due_at, created_at) VALUES (?, ` +
          `?, ?, ?, ?, ?, ?, ?)`,
      ).run(a.id, callbackId, a.agentId, a.agentName, a.outcome, a.note, a.dueAt, a.createdAt);
      this.updateCallbackNow(callbackId, patch);
    }).immediate();
  }

  async listCallbackAttempts(callbackId: string): Promise<CallbackAttempt[]> {
    const rows = this.q('SELECT * FROM callback_attempts WHERE callback_id = ? ORDER BY created_at, rowid').all(callbackId) as Row[];
    return rows.map((r) => ({
      id: r.id as string,
      agentName: r.agent_name as string,
      outcome: r.outcome as CallbackAttempt['outcome'],
      note: r.note as string | null,
      dueAt: r.due_at as string | null,
      createdAt: r.created_at as string,
    }));
  }

  async getSummary(conversationId: string): Promise<ConversationSummary | null> {
    const r = this.q(`${SUMMARY_SELECT} WHERE c.id = ?`).get(conversationId) as Row | undefined;
    return r ? toSummary(r) : null;
  }

  async listSummaries(q: SummaryQuery): Promise<ConversationSummary[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.status && q.status !== 'all') {
      where.push('c.status = ?');
      args.push(q.status);
    }
    if (q.visitorId) {
      where.push('c.visitor_id = ?');
      args.push(q.visitorId);
    }
    if (q.siteId) {
      where.push('c.site_id = ?');
      args.push(q.siteId);
    }
    if (q.before) {
      where.push('(c.updated_at < ? OR (c.updated_at = ? AND c.id < ?))');
      args.push(q.before.updatedAt, q.before.updatedAt, q.before.id);
    }
    // Ties broken by id, so a page's last row is an exact cursor for the next.
    const sql = `${SUMMARY_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.updated_at DESC, c.id DESC LIMIT ?`;
    return (this.q(sql).all(...args, q.limit) as Row[]).map(toSummary);
  }
}

function toSite(r: Row): SiteRow {
  return {
    id: r.id as string,
    name: r.name as string,
    greeting: r.greeting as string,
    color: r.color as string,
    allowedOrigins: JSON.parse(r.allowed_origins as string) as string[],
    hours: JSON.parse(r.hours as string) as SiteRow['hours'],
    options: { ...DEFAULT_SITE_OPTIONS, ...(JSON.parse(r.settings as string) as Partial<SiteOptions>) },
    createdAt: r.created_at as string,
  };
}

function toAgent(r: Row): AgentRow {
  return {
    id: r.id as string,
    email: r.email as string,
    name: r.name as string,
    role: r.role as AgentRow['role'],
    away: r.away === 1,
    passwordHash: r.password_hash as string,
    initialPassword: (r.initial_password as string | null) ?? null,
    createdAt: r.created_at as string,
    deactivatedAt: (r.deactivated_at as string | null | undefined) ?? null,
  };
}

function toAgentToken(r: Row): AgentTokenRow {
  return {
    id: r.id as string,
    tokenHash: r.token_hash as string,
    kind: r.kind as AgentTokenRow['kind'],
    email: r.email as string,
    role: r.role as AgentTokenRow['role'],
    agentId: r.agent_id as string | null,
    createdBy: r.created_by as string | null,
    createdAt: r.created_at as string,
    expiresAt: r.expires_at as string,
    usedAt: r.used_at as string | null,
    revokedAt: r.revoked_at as string | null,
  };
}

function toVisitor(r: Row): VisitorRow {
  return {
    id: r.id as string,
    siteId: r.site_id as string,
    tokenHash: r.token_hash as string,
    name: r.name as string | null,
    email: r.email as string | null,
    pageUrl: r.page_url as string | null,
    pageTitle: r.page_title as string | null,
    referrer: r.referrer as string | null,
    userAgent: r.user_agent as string | null,
    language: r.language as string | null,
    timezone: r.timezone as string | null,
    firstSeenAt: r.first_seen_at as string,
    lastSeenAt: r.last_seen_at as string,
    visits: r.visits as number,
  };
}

/** A copy a caller may change without changing the kept row. */
function copyConversation(c: ConversationRow): ConversationRow {
  return { ...c, survey: c.survey && { ...c.survey } };
}

function toConversation(r: Row): ConversationRow {
  return {
    id: r.id as string,
    siteId: r.site_id as string,
    visitorId: r.visitor_id as string,
    status: r.status as ConversationStatus,
    lastSeq: r.last_seq as number,
    agentReadSeq: r.agent_read_seq as number,
    agentUnread: r.agent_unread as number,
    survey: r.survey_rating == null ? null : {
      rating: r.survey_rating as number,
      comment: r.survey_comment as string | null,
      createdAt: r.survey_at as string,
    },
    visitorReadSeq: r.visitor_read_seq as number,
    firstResponseAt: r.first_response_at as string | null,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
  };
}

function toOutbox(r: Row): OutboxRow {
  return {
    id: r.id as string,
    kind: r.kind as OutboxRow['kind'],
    payload: JSON.parse(r.payload as string) as OutboxRow['payload'],
    status: r.status as OutboxRow['status'],
    attempts: r.attempts as number,
    nextAttemptAt: r.next_attempt_at as string,
    lastError: r.last_error as string | null,
    createdAt: r.created_at as string,
    sentAt: r.sent_at as string | null,
  };
}

function toCallback(r: Row): CallbackWithVisitor {
  return {
    id: r.id as string,
    siteId: r.site_id as string,
    visitorId: r.visitor_id as string | null,
    visitorName: r.visitor_name as string | null,
    phone: r.phone as string,
    name: r.name as string | null,
    topic: r.topic as string | null,
    asap: r.asap === 1,
    dueAt: r.due_at as string,
    windowEnd: r.window_end as string | null,
    status: r.status as CallbackRow['status'],
    claimedBy: r.claimed_by ? { id: r.claimed_by as string, name: r.claimed_by_name as string } : null,
    attempts: r.attempts as number,
    pageUrl: r.page_url as string | null,
    pageTitle: r.page_title as string | null,
    visitorTimezone: r.visitor_timezone as string | null,
    visitorLocale: r.visitor_locale as string | null,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
  };
}

function toFeedback(r: Row): FeedbackRow {
  return {
    id: r.id as string,
    siteId: r.site_id as string,
    rating: r.rating as number | null,
    category: r.category as FeedbackRow['category'],
    text: r.text as string,
    name: r.name as string | null,
    email: r.email as string | null,
    pageUrl: r.page_url as string | null,
    pageTitle: r.page_title as string | null,
    locale: r.locale as string | null,
    status: r.status as FeedbackRow['status'],
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
  };
}

function toMessage(r: Row): Message {
  const m: Message = {
    id: r.id as string,
    conversationId: r.conversation_id as string,
    seq: r.seq as number,
    author: r.author as Message['author'],
    authorName: r.author_name as string | null,
    text: r.text as string,
    createdAt: r.created_at as string,
  };
  if (r.faq_id) m.faq = { id: r.faq_id as string, helpful: r.faq_helpful === null ? null : r.faq_helpful === 1 };
  return m;
}

function toSummary(r: Row): ConversationSummary {
  return {
    id: r.id as string,
    siteId: r.site_id as string,
    siteName: r.site_name as string,
    visitorId: r.visitor_id as string,
    visitorName: (r.visitor_name as string | null) ?? friendlyName(r.visitor_id as string),
    status: r.status as ConversationStatus,
    lastSeq: r.last_seq as number,
    lastMessage: r.last_text == null ? null : {
      text: r.last_text as string,
      author: r.last_author as Message['author'],
      createdAt: r.last_at as string,
    },
    unread: r.unread as number,
    survey: r.survey_rating == null ? null : {
      rating: r.survey_rating as number,
      comment: r.survey_comment as string | null,
      createdAt: r.survey_at as string,
    },
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
  };
}
