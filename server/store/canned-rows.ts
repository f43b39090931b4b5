import type { CannedReply, TaggedKind } from '../../protocol/types';
import { iso, type Row } from './rows';

/** A canned reply from its row, on either store. */
export function toCannedReply(r: Row): CannedReply {
  const { id, shortcut, text } = r as Record<'id' | 'shortcut' | 'text', string>;
  return { id, shortcut, text, agentId: (r.agent_id as string | null) ?? null, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at) };
}

/** The one statement both stores save a canned reply with (placeholders `?` become `$n` on Postgres). */
export const CANNED_UPSERT = `INSERT INTO canned_replies (id, agent_id, shortcut, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET shortcut = excluded.shortcut, text = excluded.text, updated_at = excluded.updated_at RETURNING *`;

/** Shared replies and one agent's own, by shortcut (shared first on a tie). */
export const CANNED_LIST = 'SELECT * FROM canned_replies WHERE agent_id IS NULL OR agent_id = ? ORDER BY shortcut, agent_id IS NOT NULL';

/** `column` (an item's id) is of an item of `kind` with the tag given as the one parameter. */
export const taggedWith = (kind: TaggedKind, column: string, param = '?') =>
  `${column} IN (SELECT item_id FROM item_tags WHERE item_kind = '${kind}' AND tag = ${param})`;

/** Rows of `item_id, tag`, sorted, as a map of each item's tags. */
export function groupTags(rows: Row[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[r.item_id as string] ??= []).push(r.tag as string);
  return out;
}
