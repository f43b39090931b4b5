import { toConversation, type Row } from '../rows';
import type { AgentLoad, Assign, AssignmentPort, ConversationRow } from '../types';
import type { SqliteContext } from './context';

/** Conversations' agents on SQLite: each change one conditional update (the writer lock makes it atomic). */
export class SqliteAssignment implements AssignmentPort {
  constructor(private readonly c: SqliteContext) {}

  async assignConversation(a: Assign): Promise<ConversationRow | null> {
    this.c.forgetConversation(a.conversationId);
    const guard = a.expectFrom === undefined ? '' : ' AND assignee_id IS ?';
    const args = a.expectFrom === undefined ? [] : [a.expectFrom];
    const r = this.c
      .q(
        `UPDATE conversations SET assignee_id = ?, assigned_at = ?, handoff_note = ?, handoff_by = ?, assignee_offline_since = NULL
         WHERE id = ?${guard} RETURNING *`,
      )
      .get(a.to, a.to ? a.now : null, a.note, a.note ? a.byName : null, a.conversationId, ...args) as Row | undefined;
    return r ? toConversation(r) : null;
  }

  async agentLoads(): Promise<AgentLoad[]> {
    const rows = this.c
      .q(
        `SELECT assignee_id, sum(CASE WHEN status != 'resolved' THEN 1 ELSE 0 END) AS open, max(assigned_at) AS last_at
         FROM conversations WHERE assignee_id IS NOT NULL GROUP BY assignee_id`,
      )
      .all() as Row[];
    return rows.map((r) => ({
      agentId: r.assignee_id as string,
      open: Number(r.open),
      lastAssignedAt: (r.last_at as string | null) ?? null,
    }));
  }

  async noteOfflineAssignees(online: string[], now: string): Promise<void> {
    const ids = JSON.stringify(online);
    this.c
      .q(
        `UPDATE conversations SET assignee_offline_since = CASE
           WHEN assignee_id IN (SELECT value FROM json_each(?)) THEN NULL ELSE coalesce(assignee_offline_since, ?) END
         WHERE assignee_id IS NOT NULL AND status != 'resolved'
           AND (assignee_offline_since IS NULL) = (assignee_id NOT IN (SELECT value FROM json_each(?)))`,
      )
      .run(ids, now, ids);
  }

  async releaseOfflineAssigned(siteId: string, graceSeconds: number, now: string): Promise<string[]> {
    const before = new Date(Date.parse(now) - graceSeconds * 1000).toISOString();
    const rows = this.c
      .q(
        `UPDATE conversations SET assignee_id = NULL, assigned_at = NULL, handoff_note = NULL, handoff_by = NULL, assignee_offline_since = NULL
         WHERE site_id = ? AND status != 'resolved' AND assignee_id IS NOT NULL AND assignee_offline_since <= ? RETURNING id`,
      )
      .all(siteId, before) as Row[];
    for (const r of rows) this.c.forgetConversation(r.id as string);
    return rows.map((r) => r.id as string);
  }
}
