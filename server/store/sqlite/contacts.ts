import { AppError } from '../../errors';
import { toContact, toConversation, toSiteIdentity, type Row } from '../rows';
import type { ContactPort, ContactRow, ConversationRow, SiteIdentityRow } from '../types';
import type { SqliteContext } from './context';

const IDENTITY_COLUMNS = { secret: 'secret', requireVerification: 'require_verification', rotatedAt: 'rotated_at' } as const;

/** Contacts (verified people) and sites' identity secrets on SQLite. */
export class SqliteContacts implements ContactPort {
  constructor(private readonly c: SqliteContext) {}

  async getSiteIdentity(siteId: string): Promise<SiteIdentityRow | null> {
    return this.c.find('SELECT * FROM site_identity WHERE site_id = ?', [siteId], toSiteIdentity);
  }

  async ensureSiteIdentity(fresh: SiteIdentityRow): Promise<SiteIdentityRow> {
    this.c
      .q(
        'INSERT INTO site_identity (site_id, secret, require_verification, rotated_at) VALUES (?, ?, ?, ?) ON CONFLICT (site_id) DO NOTHING',
      )
      .run(fresh.siteId, fresh.secret, fresh.requireVerification ? 1 : 0, fresh.rotatedAt);
    return (await this.getSiteIdentity(fresh.siteId))!;
  }

  async updateSiteIdentity(siteId: string, patch: Partial<Omit<SiteIdentityRow, 'siteId'>>): Promise<SiteIdentityRow> {
    const keys = (Object.keys(patch) as (keyof typeof IDENTITY_COLUMNS)[]).filter((k) => patch[k] !== undefined);
    if (keys.length) {
      const values = keys.map((k) => (typeof patch[k] === 'boolean' ? (patch[k] ? 1 : 0) : patch[k]));
      this.c
        .q(`UPDATE site_identity SET ${keys.map((k) => `${IDENTITY_COLUMNS[k]} = ?`).join(', ')} WHERE site_id = ?`)
        .run(...values, siteId);
    }
    const row = await this.getSiteIdentity(siteId);
    if (!row) throw new AppError('not_found', 'This site has no identity secret yet.');
    return row;
  }

  async getContact(id: string): Promise<ContactRow | null> {
    return this.c.find('SELECT * FROM contacts WHERE id = ?', [id], toContact);
  }

  async upsertContactByExternalId(f: ContactRow & { externalId: string }): Promise<ContactRow> {
    const r = this.c
      .q(
        `INSERT INTO contacts (id, site_id, external_id, name, email, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (site_id, external_id) DO UPDATE SET name = coalesce(excluded.name, name), email = coalesce(excluded.email, email),
           phone = coalesce(excluded.phone, phone), updated_at = excluded.updated_at
         RETURNING *`,
      )
      .get(f.id, f.siteId, f.externalId, f.name, f.email, f.phone, f.createdAt, f.updatedAt) as Row;
    return toContact(r);
  }

  async contactVisitorIds(contactId: string): Promise<string[]> {
    return this.c.q('SELECT id FROM visitors WHERE contact_id = ?').pluck().all(contactId) as string[];
  }

  async latestContactConversation(contactId: string): Promise<ConversationRow | null> {
    const r = this.c
      .q(
        `SELECT c.* FROM conversations c JOIN visitors v ON v.id = c.visitor_id WHERE v.contact_id = ?
         ORDER BY c.created_at DESC, c.rowid DESC LIMIT 1`,
      )
      .get(contactId) as Row | undefined;
    return r ? toConversation(r) : null;
  }
}
