import type { TaggedKind } from '../../../protocol/types';
import { CANNED_LIST, CANNED_UPSERT, groupTags, toCannedReply } from '../canned-rows';
import type { Row } from '../rows';
import type { CannedPort, TagPort } from '../types';
import type { SqliteContext } from './context';

/** Canned replies on SQLite. */
export class SqliteCanned implements CannedPort {
  constructor(private readonly c: SqliteContext) {}

  async listCannedReplies(agentId: string) {
    return (this.c.q(CANNED_LIST).all(agentId) as Row[]).map(toCannedReply);
  }

  async getCannedReply(id: string) {
    const r = this.c.q('SELECT * FROM canned_replies WHERE id = ?').get(id) as Row | undefined;
    return r ? toCannedReply(r) : null;
  }

  async saveCannedReply(x: Parameters<CannedPort['saveCannedReply']>[0]) {
    try {
      return toCannedReply(this.c.q(CANNED_UPSERT).get(x.id, x.agentId, x.shortcut, x.text, x.createdAt, x.updatedAt) as Row);
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return 'shortcut_taken' as const;
      throw err;
    }
  }

  async deleteCannedReply(id: string) {
    return this.c.q('DELETE FROM canned_replies WHERE id = ?').run(id).changes > 0;
  }
}

/** Tags on SQLite. */
export class SqliteTags implements TagPort {
  constructor(private readonly c: SqliteContext) {}

  async setTags(kind: TaggedKind, itemId: string, siteId: string, tags: string[], now: string) {
    this.c.db.transaction(() => {
      this.c.q('DELETE FROM item_tags WHERE item_kind = ? AND item_id = ?').run(kind, itemId);
      const add = this.c.q(
        'INSERT INTO item_tags (site_id, item_kind, item_id, tag, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      );
      for (const tag of tags) add.run(siteId, kind, itemId, tag, now);
    })();
    return [...new Set(tags)].sort();
  }

  async tagsOf(kind: TaggedKind, itemIds: string[]) {
    if (itemIds.length === 0) return {};
    const rows = this.c
      .q(`SELECT item_id, tag FROM item_tags WHERE item_kind = ? AND item_id IN (SELECT value FROM json_each(?)) ORDER BY item_id, tag`)
      .all(kind, JSON.stringify(itemIds)) as Row[];
    return groupTags(rows);
  }

  async siteTags(siteId?: string) {
    const where = siteId ? 'WHERE site_id = ?' : '';
    return (this.c.q(`SELECT DISTINCT tag FROM item_tags ${where} ORDER BY tag`).all(...(siteId ? [siteId] : [])) as Row[]).map(
      (r) => r.tag as string,
    );
  }
}
