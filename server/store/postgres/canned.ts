import { CANNED_LIST, CANNED_UPSERT, groupTags, toCannedReply } from '../canned-rows';
import { numbered } from '../shared-sql';
import type { CannedPort, TagPort } from '../types';
import { isUniqueViolation, type Db } from './db';

const UPSERT = numbered(CANNED_UPSERT);
const LIST = numbered(CANNED_LIST);

/** Canned replies on Postgres. */
export function pgCanned(db: Db): CannedPort {
  return {
    async listCannedReplies(agentId) {
      return (await db.rows(LIST, [agentId])).map(toCannedReply);
    },
    async getCannedReply(id) {
      const r = await db.one('SELECT * FROM canned_replies WHERE id = $1', [id]);
      return r ? toCannedReply(r) : null;
    },
    async saveCannedReply(x) {
      try {
        return toCannedReply((await db.one(UPSERT, [x.id, x.agentId, x.shortcut, x.text, x.createdAt, x.updatedAt]))!);
      } catch (err) {
        if (isUniqueViolation(err, 'canned_replies_shortcut')) return 'shortcut_taken';
        throw err;
      }
    },
    async deleteCannedReply(id) {
      return (await db.rows('DELETE FROM canned_replies WHERE id = $1 RETURNING id', [id])).length > 0;
    },
  };
}

/** Tags on Postgres. */
export function pgTags(db: Db): TagPort {
  return {
    async setTags(kind, itemId, siteId, tags, now) {
      await db.tx(async (t) => {
        await t.run('DELETE FROM item_tags WHERE item_kind = $1 AND item_id = $2', [kind, itemId]);
        if (tags.length > 0)
          await t.run(
            `INSERT INTO item_tags (site_id, item_kind, item_id, tag, created_at)
             SELECT $1, $2, $3, tag, $5 FROM unnest($4::text[]) AS tag ON CONFLICT DO NOTHING`,
            [siteId, kind, itemId, tags, now],
          );
      });
      return [...new Set(tags)].sort();
    },
    async tagsOf(kind, itemIds) {
      if (itemIds.length === 0) return {};
      const rows = await db.rows(
        'SELECT item_id, tag FROM item_tags WHERE item_kind = $1 AND item_id = ANY($2) ORDER BY item_id, tag COLLATE "C"',
        [kind, itemIds],
      );
      return groupTags(rows);
    },
    async siteTags(siteId) {
      const rows = await db.rows(
        `SELECT DISTINCT tag COLLATE "C" AS tag FROM item_tags ${siteId ? 'WHERE site_id = $1' : ''} ORDER BY 1`,
        siteId ? [siteId] : [],
      );
      return rows.map((r) => r.tag as string);
    },
  };
}
