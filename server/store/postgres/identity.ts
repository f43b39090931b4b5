import { toAgent, toAgentToken, toSession, usableToken } from '../rows';
import type { AgentPort, AgentRow, AgentTokenPort, AgentTokenRow, SessionPort, TokenProblem, TokenUse } from '../types';
import { isUniqueViolation, type Db } from './db';

/** Thrown inside a transaction to roll back a change that would leave no active admin. */
const LAST_ADMIN = new Error('last admin');

const INSERT_AGENT =
  'INSERT INTO agents (id, email, name, role, password_hash, initial_password, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)';
const agentValues = (a: AgentRow) => [a.id, a.email, a.name, a.role, a.passwordHash, a.initialPassword ?? null, a.createdAt];
const INSERT_SESSION = 'INSERT INTO sessions (token_hash, agent_id, expires_at) VALUES ($1, $2, $3)';

/** Deletes an agent's sessions but `keep`; returns the deleted ones' hashes. */
async function endSessions(db: Db, agentId: string, keep: string | null): Promise<string[]> {
  const rows = await db.rows<{ token_hash: string }>(
    'DELETE FROM sessions WHERE agent_id = $1 AND token_hash IS DISTINCT FROM $2 RETURNING token_hash',
    [agentId, keep],
  );
  return rows.map((r) => r.token_hash);
}

/** Agents on Postgres; emails are unique whatever their case (a lower-cased index). */
export function pgAgents(db: Db): AgentPort {
  const byId = async (t: Db, id: string) => {
    const r = await t.one('SELECT * FROM agents WHERE id = $1', [id]);
    return r ? toAgent(r) : null;
  };
  return {
    async countAgents() {
      return (await db.one<{ n: number }>('SELECT count(*)::int AS n FROM agents'))!.n;
    },
    async setAgentAway(id, away) {
      await db.run('UPDATE agents SET away = $1 WHERE id = $2', [away, id]);
    },
    async createAgent(a) {
      await db.run(INSERT_AGENT, agentValues(a));
    },
    createFirstAgent: (a) =>
      db.tx(async (t) => {
        // Nodes starting together queue here; the first inserts, the others find an agent.
        await t.run(`SELECT pg_advisory_xact_lock(hashtext('earshot-first-agent:' || current_schema()))`);
        if (await t.one('SELECT 1 FROM agents LIMIT 1')) return false;
        return (await t.run(`${INSERT_AGENT} ON CONFLICT DO NOTHING`, agentValues(a))) === 1;
      }),
    async getAgentByEmail(email) {
      return db.find('SELECT * FROM agents WHERE lower(email) = lower($1)', [email], toAgent);
    },
    getAgent: (id) => byId(db, id),
    async listAgents() {
      return (await db.rows('SELECT * FROM agents WHERE deactivated_at IS NULL ORDER BY created_at, n')).map(toAgent);
    },
    async clearInitialPassword(id) {
      await db.run('UPDATE agents SET initial_password = NULL WHERE id = $1 AND initial_password IS NOT NULL', [id]);
    },
    async listAllAgents() {
      return (await db.rows('SELECT * FROM agents ORDER BY created_at, n')).map(toAgent);
    },
    async updateAgent(id, patch) {
      try {
        return await db.tx(async (t) => {
          // The active admins locked first: two admins demoting each other at once cannot both pass.
          await t.run(`SELECT id FROM agents WHERE role = 'admin' AND deactivated_at IS NULL ORDER BY id FOR UPDATE`);
          const before = await t.one('SELECT * FROM agents WHERE id = $1 FOR UPDATE', [id]);
          if (!before) return null;
          const role = patch.role ?? (before.role as string);
          const deactivatedAt = patch.deactivatedAt === undefined ? before.deactivated_at : patch.deactivatedAt;
          await t.run('UPDATE agents SET name = $1, role = $2, deactivated_at = $3 WHERE id = $4', [
            patch.name ?? before.name,
            role,
            deactivatedAt,
            id,
          ]);
          const admins = await t.one<{ n: number }>(
            `SELECT count(*)::int AS n FROM agents WHERE role = 'admin' AND deactivated_at IS NULL`,
          );
          if (admins!.n === 0) throw LAST_ADMIN;
          // Sessions from before a deactivation must not come back with the agent.
          if (before.deactivated_at && deactivatedAt === null) await t.run('DELETE FROM sessions WHERE agent_id = $1', [id]);
          // Links an admin handed out speak for them: they stop working when the admin no longer may invite.
          if ((deactivatedAt && !before.deactivated_at) || (role !== 'admin' && before.role === 'admin')) {
            await t.run('UPDATE agent_tokens SET revoked_at = now() WHERE created_by = $1 AND used_at IS NULL AND revoked_at IS NULL', [
              id,
            ]);
          }
          return byId(t, id);
        });
      } catch (err) {
        if (err === LAST_ADMIN) return 'last_admin';
        throw err;
      }
    },
    setAgentPassword: (id, passwordHash, keepSession) =>
      db.tx(async (t) => {
        await t.run('UPDATE agents SET password_hash = $1, initial_password = NULL WHERE id = $2', [passwordHash, id]);
        return endSessions(t, id, keepSession);
      }),
  };
}

/** The token's problem at `now`, or the token (locked until the transaction ends) when it can be used. */
async function lockedToken(t: Db, tokenHash: string, kind: AgentTokenRow['kind'], now: string): Promise<AgentTokenRow | TokenProblem> {
  return usableToken(await t.one('SELECT * FROM agent_tokens WHERE token_hash = $1 AND kind = $2 FOR UPDATE', [tokenHash, kind]), now);
}

/** One-time links on Postgres. */
export function pgAgentTokens(db: Db): AgentTokenPort {
  return {
    createAgentToken: (k) =>
      db.tx(async (t) => {
        await t.run(
          'UPDATE agent_tokens SET revoked_at = $1 WHERE kind = $2 AND lower(email) = lower($3) AND used_at IS NULL AND revoked_at IS NULL',
          [k.createdAt, k.kind, k.email],
        );
        await t.run(
          `INSERT INTO agent_tokens (id, token_hash, kind, email, role, agent_id, created_by, created_at, expires_at, used_at, revoked_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [k.id, k.tokenHash, k.kind, k.email, k.role, k.agentId, k.createdBy, k.createdAt, k.expiresAt, k.usedAt, k.revokedAt],
        );
      }),
    async getAgentToken(tokenHash) {
      return db.find('SELECT * FROM agent_tokens WHERE token_hash = $1', [tokenHash], toAgentToken);
    },
    async getAgentTokenById(id) {
      return db.find('SELECT * FROM agent_tokens WHERE id = $1', [id], toAgentToken);
    },
    async listPendingInvites(now) {
      const rows = await db.rows(
        `SELECT * FROM agent_tokens WHERE kind = 'invite' AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $1 ORDER BY created_at DESC, id`,
        [now],
      );
      return rows.map(toAgentToken);
    },
    async revokeAgentToken(id, now) {
      return (
        (await db.run('UPDATE agent_tokens SET revoked_at = $1 WHERE id = $2 AND used_at IS NULL AND revoked_at IS NULL', [now, id])) === 1
      );
    },
    async acceptInvite(tokenHash, a, session, now) {
      try {
        return await db.tx(async (t): Promise<TokenUse> => {
          const k = await lockedToken(t, tokenHash, 'invite', now);
          if (typeof k === 'string') return { ok: false, problem: k };
          const agent: AgentRow = { ...a, email: k.email, role: k.role ?? 'agent', initialPassword: null };
          await t.run(INSERT_AGENT, agentValues(agent));
          await t.run('UPDATE agent_tokens SET used_at = $1, agent_id = $2 WHERE id = $3', [now, agent.id, k.id]);
          await t.run(INSERT_SESSION, [session.tokenHash, agent.id, session.expiresAt]);
          return { ok: true, agent: toAgent((await t.one('SELECT * FROM agents WHERE id = $1', [agent.id]))!), ended: [] };
        });
      } catch (err) {
        // The unique index decides, not a look first: an account made meanwhile with the address.
        if (isUniqueViolation(err, 'agents_email')) return { ok: false, problem: 'email_taken' };
        throw err;
      }
    },
    useResetToken: (tokenHash, passwordHash, session, now) =>
      db.tx(async (t): Promise<TokenUse> => {
        const k = await lockedToken(t, tokenHash, 'reset', now);
        if (typeof k === 'string') return { ok: false, problem: k };
        const r = await t.one('SELECT * FROM agents WHERE id = $1 FOR UPDATE', [k.agentId]);
        if (!r) return { ok: false, problem: 'unknown' };
        if (r.deactivated_at) return { ok: false, problem: 'deactivated' };
        await t.run('UPDATE agents SET password_hash = $1, initial_password = NULL WHERE id = $2', [passwordHash, k.agentId]);
        await t.run('UPDATE agent_tokens SET used_at = $1 WHERE id = $2', [now, k.id]);
        const ended = await endSessions(t, k.agentId!, null);
        await t.run(INSERT_SESSION, [session.tokenHash, k.agentId, session.expiresAt]);
        return { ok: true, agent: toAgent({ ...r, password_hash: passwordHash, initial_password: null }), ended };
      }),
  };
}

/** Sessions on Postgres: expiry is judged by the database's clock. */
export function pgSessions(db: Db): SessionPort {
  return {
    async createSession(s) {
      await db.run(INSERT_SESSION, [s.tokenHash, s.agentId, s.expiresAt]);
    },
    async getSession(tokenHash) {
      return db.find('SELECT * FROM sessions WHERE token_hash = $1 AND expires_at > now()', [tokenHash], toSession);
    },
    async deleteSession(tokenHash) {
      await db.run('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    },
    async deleteExpiredSessions() {
      await db.run('DELETE FROM sessions WHERE expires_at < now()');
    },
  };
}
