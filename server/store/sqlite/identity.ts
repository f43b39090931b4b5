import { toAgent, toAgentToken, toSession, usableToken, type Row } from '../rows';
import type {
  AgentPatch,
  AgentPort,
  AgentRow,
  AgentTokenPort,
  AgentTokenRow,
  SessionPort,
  SessionRow,
  TokenProblem,
  TokenUse,
} from '../types';
import type { SqliteContext } from './context';

/** Thrown inside a transaction to roll back a change that would leave no active admin. */
const LAST_ADMIN = new Error('last admin');

/** Agents, their one-time links and sessions on SQLite. */
export class SqliteIdentity implements AgentPort, AgentTokenPort, SessionPort {
  constructor(private readonly c: SqliteContext) {}

  async countAgents(): Promise<number> {
    return (this.c.q('SELECT count(*) AS n FROM agents').get() as { n: number }).n;
  }

  async createAgent(a: AgentRow): Promise<void> {
    this.c
      .q('INSERT INTO agents (id, email, name, role, password_hash, initial_password, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(a.id, a.email, a.name, a.role, a.passwordHash, a.initialPassword ?? null, a.createdAt);
  }

  async createFirstAgent(a: AgentRow): Promise<boolean> {
    return this.c.db
      .transaction(() => {
        if (this.c.q('SELECT 1 FROM agents LIMIT 1').get()) return false;
        void this.createAgent(a);
        return true;
      })
      .immediate();
  }

  async clearInitialPassword(id: string): Promise<void> {
    this.c.q('UPDATE agents SET initial_password = NULL WHERE id = ? AND initial_password IS NOT NULL').run(id);
  }

  async getAgentByEmail(email: string): Promise<AgentRow | null> {
    return this.c.find('SELECT * FROM agents WHERE email = ?', [email], toAgent);
  }

  async getAgent(id: string): Promise<AgentRow | null> {
    return this.c.find('SELECT * FROM agents WHERE id = ?', [id], toAgent);
  }

  async listAgents(): Promise<AgentRow[]> {
    return (this.c.q('SELECT * FROM agents WHERE deactivated_at IS NULL ORDER BY created_at').all() as Row[]).map(toAgent);
  }

  async listAllAgents(): Promise<AgentRow[]> {
    return (this.c.q('SELECT * FROM agents ORDER BY created_at').all() as Row[]).map(toAgent);
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
    return this.c.db
      .transaction((): AgentRow | null => {
        const before = this.c.q('SELECT * FROM agents WHERE id = ?').get(id) as Row | undefined;
        if (!before) return null;
        const name = patch.name ?? (before.name as string);
        const role = patch.role ?? (before.role as string);
        const deactivatedAt = patch.deactivatedAt === undefined ? (before.deactivated_at as string | null) : patch.deactivatedAt;
        this.c.q('UPDATE agents SET name = ?, role = ?, deactivated_at = ? WHERE id = ?').run(name, role, deactivatedAt, id);
        const admins = this.c.q(`SELECT count(*) AS n FROM agents WHERE role = 'admin' AND deactivated_at IS NULL`).get() as { n: number };
        // Throwing rolls the transaction back: the change is not written.
        if (admins.n === 0) throw LAST_ADMIN;
        // Sessions from before a deactivation must not come back with the agent.
        if (before.deactivated_at && deactivatedAt === null) this.c.q('DELETE FROM sessions WHERE agent_id = ?').run(id);
        // Links an admin handed out speak for them: they stop working when the admin no longer may
        // invite (deactivated or made an agent), or an invitation would outlive its author's rights.
        if ((deactivatedAt && !before.deactivated_at) || (role !== 'admin' && before.role === 'admin')) {
          this.c
            .q(`UPDATE agent_tokens SET revoked_at = ? WHERE created_by = ? AND used_at IS NULL AND revoked_at IS NULL`)
            .run(new Date().toISOString(), id);
        }
        return toAgent(this.c.q('SELECT * FROM agents WHERE id = ?').get(id) as Row);
      })
      .immediate();
  }

  async setAgentPassword(id: string, passwordHash: string, keepSession: string | null): Promise<string[]> {
    return this.c.db
      .transaction(() => {
        this.c.q('UPDATE agents SET password_hash = ?, initial_password = NULL WHERE id = ?').run(passwordHash, id);
        return this.endSessions(id, keepSession);
      })
      .immediate();
  }

  /** Deletes an agent's sessions but `keep`; returns the deleted ones' hashes. Call inside a transaction. */
  private endSessions(agentId: string, keep: string | null): string[] {
    const ended = (this.c.q('SELECT token_hash FROM sessions WHERE agent_id = ? AND token_hash IS NOT ?').all(agentId, keep) as Row[]).map(
      (r) => r.token_hash as string,
    );
    this.c.q('DELETE FROM sessions WHERE agent_id = ? AND token_hash IS NOT ?').run(agentId, keep);
    return ended;
  }

  async createAgentToken(t: AgentTokenRow): Promise<void> {
    this.c.db
      .transaction(() => {
        this.c
          .q(`UPDATE agent_tokens SET revoked_at = ? WHERE kind = ? AND email = ? AND used_at IS NULL AND revoked_at IS NULL`)
          .run(t.createdAt, t.kind, t.email);
        this.c
          .q(
            `INSERT INTO agent_tokens (id, token_hash, kind, email, role, agent_id, created_by, created_at, expires_at, used_at, revoked_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(t.id, t.tokenHash, t.kind, t.email, t.role, t.agentId, t.createdBy, t.createdAt, t.expiresAt, t.usedAt, t.revokedAt);
      })
      .immediate();
  }

  async getAgentToken(tokenHash: string): Promise<AgentTokenRow | null> {
    return this.c.find('SELECT * FROM agent_tokens WHERE token_hash = ?', [tokenHash], toAgentToken);
  }

  async getAgentTokenById(id: string): Promise<AgentTokenRow | null> {
    return this.c.find('SELECT * FROM agent_tokens WHERE id = ?', [id], toAgentToken);
  }

  async listPendingInvites(now: string): Promise<AgentTokenRow[]> {
    const rows = this.c
      .q(
        `SELECT * FROM agent_tokens WHERE kind = 'invite' AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ? ORDER BY created_at DESC`,
      )
      .all(now) as Row[];
    return rows.map(toAgentToken);
  }

  async revokeAgentToken(id: string, now: string): Promise<boolean> {
    return (
      this.c.q('UPDATE agent_tokens SET revoked_at = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL').run(now, id).changes === 1
    );
  }

  /** The token's problem at `now`, or the token when it can be used. Call inside a transaction. */
  private usableToken(tokenHash: string, kind: AgentTokenRow['kind'], now: string): AgentTokenRow | TokenProblem {
    return usableToken(
      this.c.q('SELECT * FROM agent_tokens WHERE token_hash = ? AND kind = ?').get(tokenHash, kind) as Row | undefined,
      now,
    );
  }

  async acceptInvite(
    tokenHash: string,
    a: Omit<AgentRow, 'email' | 'role'>,
    session: Omit<SessionRow, 'agentId'>,
    now: string,
  ): Promise<TokenUse> {
    return this.c.db
      .transaction((): TokenUse => {
        const t = this.usableToken(tokenHash, 'invite', now);
        if (typeof t === 'string') return { ok: false, problem: t };
        if (this.c.q('SELECT 1 FROM agents WHERE email = ?').get(t.email)) return { ok: false, problem: 'email_taken' };
        const agent: AgentRow = { ...a, email: t.email, role: t.role ?? 'agent' };
        this.c
          .q('INSERT INTO agents (id, email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(agent.id, agent.email, agent.name, agent.role, agent.passwordHash, agent.createdAt);
        this.c.q('UPDATE agent_tokens SET used_at = ?, agent_id = ? WHERE id = ?').run(now, agent.id, t.id);
        this.c
          .q('INSERT INTO sessions (token_hash, agent_id, expires_at) VALUES (?, ?, ?)')
          .run(session.tokenHash, agent.id, session.expiresAt);
        return { ok: true, agent: toAgent(this.c.q('SELECT * FROM agents WHERE id = ?').get(agent.id) as Row), ended: [] };
      })
      .immediate();
  }

  async useResetToken(tokenHash: string, passwordHash: string, session: Omit<SessionRow, 'agentId'>, now: string): Promise<TokenUse> {
    return this.c.db
      .transaction((): TokenUse => {
        const t = this.usableToken(tokenHash, 'reset', now);
        if (typeof t === 'string') return { ok: false, problem: t };
        const r = this.c.q('SELECT * FROM agents WHERE id = ?').get(t.agentId) as Row | undefined;
        if (!r) return { ok: false, problem: 'unknown' };
        if (r.deactivated_at) return { ok: false, problem: 'deactivated' };
        this.c.q('UPDATE agents SET password_hash = ?, initial_password = NULL WHERE id = ?').run(passwordHash, t.agentId);
        this.c.q('UPDATE agent_tokens SET used_at = ? WHERE id = ?').run(now, t.id);
        const ended = this.endSessions(t.agentId!, null);
        this.c
          .q('INSERT INTO sessions (token_hash, agent_id, expires_at) VALUES (?, ?, ?)')
          .run(session.tokenHash, t.agentId, session.expiresAt);
        return { ok: true, agent: toAgent({ ...r, password_hash: passwordHash }), ended };
      })
      .immediate();
  }

  async setAgentAway(id: string, away: boolean): Promise<void> {
    this.c.q('UPDATE agents SET away = ? WHERE id = ?').run(away ? 1 : 0, id);
  }

  async deleteExpiredSessions(): Promise<void> {
    this.c.q('DELETE FROM sessions WHERE expires_at < ?').run(new Date().toISOString());
  }

  async createSession(s: SessionRow): Promise<void> {
    this.c.q('INSERT INTO sessions (token_hash, agent_id, expires_at) VALUES (?, ?, ?)').run(s.tokenHash, s.agentId, s.expiresAt);
  }

  async getSession(tokenHash: string): Promise<SessionRow | null> {
    const r = this.c.q('SELECT * FROM sessions WHERE token_hash = ? AND expires_at > ?').get(tokenHash, new Date().toISOString()) as
      Row | undefined;
    return r ? toSession(r) : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.c.q('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
  }
}
