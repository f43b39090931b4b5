import { CANNED_LIST, CANNED_UPSERT, numbered, toCannedReply } from '../canned-rows';
import type { CannedPort } from '../types';
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
