import type { SiteContents } from '../../../protocol/types';
import { siteValues, toSite } from '../rows';
import type { SitePort } from '../types';
import type { Db } from './db';

const INSERT = `INSERT INTO sites (id, name, greeting, color, allowed_origins, hours, settings, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`;

const COUNTS = `SELECT
  (SELECT count(*)::int FROM conversations WHERE site_id = $1) AS conversations,
  (SELECT count(*)::int FROM callbacks WHERE site_id = $1) AS callbacks,
  (SELECT count(*)::int FROM feedback WHERE site_id = $1) AS feedback,
  (SELECT count(*)::int FROM visitors WHERE site_id = $1) AS visitors`;

/** Sites on Postgres. */
export function pgSites(db: Db): SitePort {
  return {
    async getSite(id) {
      return db.find('SELECT * FROM sites WHERE id = $1', [id], toSite);
    },
    async upsertSite(s) {
      await db.run(
        `${INSERT} ON CONFLICT (id) DO UPDATE SET name = excluded.name, greeting = excluded.greeting, color = excluded.color,
           allowed_origins = excluded.allowed_origins, hours = excluded.hours, settings = excluded.settings`,
        siteValues(s),
      );
    },
    async listSites() {
      return (await db.rows('SELECT * FROM sites ORDER BY created_at, id')).map(toSite);
    },
    async createSite(s) {
      return (await db.run(`${INSERT} ON CONFLICT (id) DO NOTHING`, siteValues(s))) === 1;
    },
    async countSiteContents(id) {
      // One statement, one snapshot: the four counts agree with each other.
      return (await db.one<SiteContents>(COUNTS, [id]))!;
    },
    deleteSite: (id) =>
      db.tx(async (t) => {
        // The site row first: a second delete waits here, then finds nothing.
        if (!(await t.one('SELECT 1 FROM sites WHERE id = $1 FOR UPDATE', [id]))) return null;
        const contents = (await t.one<SiteContents>(COUNTS, [id]))!;
        const inSite = (table: string) => `SELECT id FROM ${table} WHERE site_id = $1`;
        // Children first: the foreign keys have no ON DELETE CASCADE.
        await t.run(`DELETE FROM messages WHERE conversation_id IN (${inSite('conversations')})`, [id]);
        await t.run('DELETE FROM item_tags WHERE site_id = $1', [id]);
        await t.run('DELETE FROM conversations WHERE site_id = $1', [id]);
        const emails = (
          await t.rows<{ outbox_id: string }>(`SELECT outbox_id FROM feedback_replies WHERE feedback_id IN (${inSite('feedback')})`, [id])
        ).map((r) => r.outbox_id);
        await t.run(`DELETE FROM feedback_replies WHERE feedback_id IN (${inSite('feedback')})`, [id]);
        // A reply's email not sent yet would otherwise still go out for a site that is gone.
        await t.run('DELETE FROM outbox WHERE id = ANY($1)', [emails]);
        await t.run('DELETE FROM feedback WHERE site_id = $1', [id]);
        await t.run(`DELETE FROM callback_attempts WHERE callback_id IN (${inSite('callbacks')})`, [id]);
        await t.run('DELETE FROM callbacks WHERE site_id = $1', [id]);
        await t.run('DELETE FROM visitors WHERE site_id = $1', [id]);
        await t.run('DELETE FROM contact_merges WHERE site_id = $1', [id]);
        await t.run('DELETE FROM contacts WHERE site_id = $1', [id]);
        await t.run('DELETE FROM site_identity WHERE site_id = $1', [id]);
        await t.run('DELETE FROM sites WHERE id = $1', [id]);
        return contents;
      }),
  };
}
