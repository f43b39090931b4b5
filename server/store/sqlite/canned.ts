import { CANNED_LIST, CANNED_UPSERT, toCannedReply } from '../canned-rows';
import type { Row } from '../rows';
import type { CannedPort } from '../types';
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
