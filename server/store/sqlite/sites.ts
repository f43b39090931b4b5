import type { SiteContents } from '../../../protocol/types';
import { siteValues, toSite, type Row } from '../rows';
import type { SitePort, SiteRow } from '../types';
import type { SqliteContext } from './context';

/** Sites on SQLite. */
export class SqliteSites implements SitePort {
  constructor(private readonly c: SqliteContext) {}

  async getSite(id: string): Promise<SiteRow | null> {
    return this.c.find('SELECT * FROM sites WHERE id = ?', [id], toSite);
  }

  async upsertSite(s: SiteRow): Promise<void> {
    this.c
      .q(
        `INSERT INTO sites (id, name, greeting, color, allowed_origins, hours, settings, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, greeting = excluded.greeting, color = excluded.color,
         allowed_origins = excluded.allowed_origins, hours = excluded.hours, settings = excluded.settings`,
      )
      .run(...siteValues(s));
  }

  async listSites(): Promise<SiteRow[]> {
    return (this.c.q('SELECT * FROM sites ORDER BY created_at, id').all() as Row[]).map(toSite);
  }

  async createSite(s: SiteRow): Promise<boolean> {
    return (
      this.c
        .q(
          `INSERT INTO sites (id, name, greeting, color, allowed_origins, hours, settings, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO NOTHING`,
        )
        .run(...siteValues(s)).changes === 1
    );
  }

  async countSiteContents(id: string): Promise<SiteContents> {
    const count = (table: string) => (this.c.q(`SELECT count(*) AS n FROM ${table} WHERE site_id = ?`).get(id) as { n: number }).n;
    // One read transaction, so the four counts agree with each other.
    return this.c.db.transaction(() => ({
      conversations: count('conversations'),
      callbacks: count('callbacks'),
      feedback: count('feedback'),
      visitors: count('visitors'),
    }))();
  }

  async deleteSite(id: string): Promise<SiteContents | null> {
    const deleted = this.c.db
      .transaction(() => {
        const count = (table: string) => (this.c.q(`SELECT count(*) AS n FROM ${table} WHERE site_id = ?`).get(id) as { n: number }).n;
        const contents = {
          conversations: count('conversations'),
          callbacks: count('callbacks'),
          feedback: count('feedback'),
          visitors: count('visitors'),
        };
        const inSite = (table: string) => `SELECT id FROM ${table} WHERE site_id = ?`;
        // Children first: the foreign keys have no ON DELETE CASCADE.
        this.c.q(`DELETE FROM messages WHERE conversation_id IN (${inSite('conversations')})`).run(id);
        this.c.q('DELETE FROM item_tags WHERE site_id = ?').run(id);
        this.c.q(`DELETE FROM conversations WHERE site_id = ?`).run(id);
        const replyEmails = this.c
          .q(`SELECT outbox_id FROM feedback_replies WHERE feedback_id IN (${inSite('feedback')})`)
          .pluck()
          .all(id);
        this.c.q(`DELETE FROM feedback_replies WHERE feedback_id IN (${inSite('feedback')})`).run(id);
        // A reply's email not sent yet would otherwise still go out for a site that is gone.
        for (const outboxId of replyEmails) this.c.q('DELETE FROM outbox WHERE id = ?').run(outboxId);
        this.c.q(`DELETE FROM feedback WHERE site_id = ?`).run(id);
        this.c.q(`DELETE FROM callback_attempts WHERE callback_id IN (${inSite('callbacks')})`).run(id);
        this.c.q(`DELETE FROM callbacks WHERE site_id = ?`).run(id);
        this.c.q(`DELETE FROM visitors WHERE site_id = ?`).run(id);
        this.c.q(`DELETE FROM contact_merges WHERE site_id = ?`).run(id);
        this.c.q(`DELETE FROM contacts WHERE site_id = ?`).run(id);
        this.c.q(`DELETE FROM site_identity WHERE site_id = ?`).run(id);
        return this.c.q('DELETE FROM sites WHERE id = ?').run(id).changes === 1 ? contents : null;
      })
      .immediate();
    for (const [cid, c] of this.c.conversations) if (c.siteId === id) this.c.conversations.delete(cid);
    return deleted;
  }
}
