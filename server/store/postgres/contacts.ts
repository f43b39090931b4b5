import { AppError } from '../../errors';
import { toContact, toConversation, toSiteIdentity } from '../rows';
import type { ContactPort, ContactRow } from '../types';
import type { Db } from './db';

const IDENTITY_COLUMNS = { secret: 'secret', requireVerification: 'require_verification', rotatedAt: 'rotated_at' } as const;

/** Contacts (verified people) and sites' identity secrets on Postgres. */
export function pgContacts(db: Db): ContactPort {
  const identity = async (siteId: string) => {
    return db.find('SELECT * FROM site_identity WHERE site_id = $1', [siteId], toSiteIdentity);
  };
  return {
    getSiteIdentity: identity,
    async ensureSiteIdentity(f) {
      await db.run(
        'INSERT INTO site_identity (site_id, secret, require_verification, rotated_at) VALUES ($1, $2, $3, $4) ON CONFLICT (site_id) DO NOTHING',
        [f.siteId, f.secret, f.requireVerification, f.rotatedAt],
      );
      return (await identity(f.siteId))!;
    },
    async updateSiteIdentity(siteId, patch) {
      const keys = (Object.keys(patch) as (keyof typeof IDENTITY_COLUMNS)[]).filter((k) => patch[k] !== undefined);
      if (keys.length) {
        const sets = keys.map((k, i) => `${IDENTITY_COLUMNS[k]} = $${i + 1}`).join(', ');
        await db.run(`UPDATE site_identity SET ${sets} WHERE site_id = $${keys.length + 1}`, [...keys.map((k) => patch[k]), siteId]);
      }
      const row = await identity(siteId);
      if (!row) throw new AppError('not_found', 'This site has no identity secret yet.');
      return row;
    },
    async getContact(id) {
      return db.find('SELECT * FROM contacts WHERE id = $1', [id], toContact);
    },
    async upsertContactByExternalId(f): Promise<ContactRow> {
      const r = await db.one(
        `INSERT INTO contacts (id, site_id, external_id, name, email, phone, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (site_id, external_id) DO UPDATE SET name = coalesce(excluded.name, contacts.name),
           email = coalesce(excluded.email, contacts.email), phone = coalesce(excluded.phone, contacts.phone), updated_at = excluded.updated_at
         RETURNING *`,
        [f.id, f.siteId, f.externalId, f.name, f.email, f.phone, f.createdAt, f.updatedAt],
      );
      return toContact(r!);
    },
    async contactVisitorIds(contactId) {
      return (await db.rows<{ id: string }>('SELECT id FROM visitors WHERE contact_id = $1', [contactId])).map((r) => r.id);
    },
    async latestContactConversation(contactId) {
      const r = await db.one(
        `SELECT c.* FROM conversations c JOIN visitors v ON v.id = c.visitor_id WHERE v.contact_id = $1
         ORDER BY c.created_at DESC, c.n DESC LIMIT 1`,
        [contactId],
      );
      return r ? toConversation(r) : null;
    },
  };
}
