import { iso, toConversation } from '../rows';
import type { AssignmentPort } from '../types';
import type { Db } from './db';

const NOW = `date_trunc('milliseconds', clock_timestamp())`;

/**
 * Conversations' agents on Postgres: each change is one conditional UPDATE, so of two nodes
 * claiming at once the row lock lets one win and the other's guard fails; times are the database's.
 */
export function pgAssignment(db: Db): AssignmentPort {
  return {
    async assignConversation(a) {
      const args: unknown[] = [a.to, a.note, a.note ? a.byName : null, a.conversationId];
      const guard = a.expectFrom === undefined ? '' : (args.push(a.expectFrom), ` AND assignee_id IS NOT DISTINCT FROM $5`);
      const r = await db.one(
        `UPDATE conversations SET assignee_id = $1, assigned_at = CASE WHEN $1::text IS NULL THEN NULL ELSE ${NOW} END,
           handoff_note = $2, handoff_by = $3, assignee_offline_since = NULL
         WHERE id = $4${guard} RETURNING *`,
        args,
      );
      return r ? toConversation(r) : null;
    },
    async agentLoads() {
      const rows = await db.rows<{ assignee_id: string; open: string; last_at: Date | null }>(
        `SELECT assignee_id, count(*) FILTER (WHERE status <> 'resolved') AS open, max(assigned_at) AS last_at
         FROM conversations WHERE assignee_id IS NOT NULL GROUP BY assignee_id`,
      );
      return rows.map((r) => ({ agentId: r.assignee_id, open: Number(r.open), lastAssignedAt: r.last_at ? iso(r.last_at) : null }));
    },
    async noteOfflineAssignees(online) {
      await db.run(
        `UPDATE conversations SET assignee_offline_since = CASE
           WHEN assignee_id = ANY($1::text[]) THEN NULL ELSE coalesce(assignee_offline_since, ${NOW}) END
         WHERE assignee_id IS NOT NULL AND status <> 'resolved'
           AND (assignee_offline_since IS NULL) <> (assignee_id = ANY($1::text[]))`,
        [online],
      );
    },
    async releaseOfflineAssigned(siteId, graceSeconds) {
      const rows = await db.rows<{ id: string }>(
        `UPDATE conversations SET assignee_id = NULL, assigned_at = NULL, handoff_note = NULL, handoff_by = NULL, assignee_offline_since = NULL
         WHERE site_id = $1 AND status <> 'resolved' AND assignee_id IS NOT NULL
           AND assignee_offline_since <= ${NOW} - make_interval(secs => $2) RETURNING id`,
        [siteId, graceSeconds],
      );
      return rows.map((r) => r.id);
    },
  };
}
