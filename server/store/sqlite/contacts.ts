import { AppError } from '../../errors';
import {
  CONTACT_DETAILS,
  contactValues,
  detailValues,
  mergedDetails,
  patchedDetails,
  toCallback,
  toContact,
  toContactItem,
  toContactMerge,
  toContactSuggestion,
  toConversation,
  toFeedback,
  toSiteIdentity,
  type MergeBefore,
  type Row,
} from '../rows';
import { CONTACT_INSERT, contactActivitySql, contactItemSelect, contactSuggestionsSql } from '../shared-sql';
import type {
  CallbackWithVisitor,
  FeedbackRow,
  ContactListItem,
  ContactMergeRow,
  ContactPatch,
  ContactPort,
  ContactProblem,
  ContactQuery,
  ContactRow,
  ContactSuggestion,
  ConversationRow,
  NewContact,
  SiteIdentityRow,
} from '../types';
import type { SqliteContext } from './context';
import { recordWebhookEvents } from './webhook-events';
import type { WebhookEvents } from '../webhook-events';

const IDENTITY_COLUMNS = { secret: 'secret', requireVerification: 'require_verification', rotatedAt: 'rotated_at' } as const;

const SET_DETAILS = `UPDATE contacts SET ${CONTACT_DETAILS.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`;

/** Contacts (people) and sites' identity secrets on SQLite. */
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

  async upsertContactByExternalId(f: NewContact & { externalId: string }): Promise<ContactRow> {
    const r = this.c
      .q(
        `INSERT INTO contacts (${CONTACT_INSERT}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (site_id, external_id) DO UPDATE SET name = coalesce(excluded.name, name), email = coalesce(excluded.email, email),
           phone = coalesce(excluded.phone, phone), updated_at = excluded.updated_at
         RETURNING *`,
      )
      .get(...contactValues(f)) as Row;
    return toContact(r);
  }

  async contactVisitorIds(contactId: string, verifiedOnly = false): Promise<string[]> {
    const only = verifiedOnly ? ' AND verified_at IS NOT NULL' : '';
    return this.c.q(`SELECT id FROM visitors WHERE contact_id = ?${only}`).pluck().all(contactId) as string[];
  }

  async latestContactConversation(contactId: string): Promise<ConversationRow | null> {
    const r = this.c
      .q(
        `SELECT c.* FROM conversations c JOIN visitors v ON v.id = c.visitor_id WHERE v.contact_id = ? AND v.verified_at IS NOT NULL
         ORDER BY c.created_at DESC, c.rowid DESC LIMIT 1`,
      )
      .get(contactId) as Row | undefined;
    return r ? toConversation(r) : null;
  }

  async updateContact(id: string, p: ContactPatch, events?: WebhookEvents<ContactRow>): Promise<ContactRow | null> {
    return this.c.db
      .transaction(() => {
        const before = this.c.q('SELECT * FROM contacts WHERE id = ? AND merged_into IS NULL').get(id) as Row | undefined;
        if (!before) return null;
        this.c.q(SET_DETAILS).run(...detailValues(patchedDetails(toContact(before), p)), p.updatedAt, id);
        const after = this.row(id);
        if (after) recordWebhookEvents(this.c, events, after);
        return after;
      })
      .immediate();
  }

  async findContactByVerifiedEmail(siteId: string, email: string, exceptId: string): Promise<ContactRow | null> {
    const r = this.c
      .q(
        `SELECT * FROM contacts WHERE site_id = ? AND email = ? COLLATE NOCASE AND email_verified_at IS NOT NULL AND merged_into IS NULL
         AND id != ? ORDER BY created_at, id LIMIT 1`,
      )
      .get(siteId, email, exceptId) as Row | undefined;
    return r ? toContact(r) : null;
  }

  async mergeContacts(m: Omit<ContactMergeRow, 'siteId' | 'visitorIds' | 'undoneAt'>): Promise<ContactMergeRow | ContactProblem> {
    return this.c.db
      .transaction((): ContactMergeRow | ContactProblem => {
        if (m.fromId === m.intoId) return 'same_contact';
        const from = this.row(m.fromId);
        const into = this.row(m.intoId);
        if (!from || !into) return 'not_found';
        if (from.siteId !== into.siteId) return 'other_site';
        if (from.mergedInto || into.mergedInto) return 'merged';
        if (from.externalId && into.externalId) return 'both_verified';
        const visitorIds = this.c.q('SELECT id FROM visitors WHERE contact_id = ?').pluck().all(from.id) as string[];
        const { next, before } = mergedDetails(into, from);
        // The external id moves, not copies: it is unique per site.
        this.c.q('UPDATE contacts SET merged_into = ?, external_id = NULL, updated_at = ? WHERE id = ?').run(into.id, m.createdAt, from.id);
        this.c.q(SET_DETAILS).run(...detailValues(next), m.createdAt, into.id);
        this.c.q('UPDATE visitors SET contact_id = ? WHERE contact_id = ?').run(into.id, from.id);
        this.c
          .q(
            `INSERT INTO contact_merges (id, site_id, into_id, from_id, visitor_ids, reason, into_before, agent_id, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(m.id, into.siteId, into.id, from.id, JSON.stringify(visitorIds), m.reason, JSON.stringify(before), m.agentId, m.createdAt);
        return { ...m, siteId: into.siteId, visitorIds, undoneAt: null };
      })
      .immediate();
  }

  async undoLastMerge(intoId: string, now: string): Promise<ContactMergeRow | ContactProblem> {
    return this.c.db
      .transaction((): ContactMergeRow | ContactProblem => {
        const into = this.row(intoId);
        if (!into) return 'not_found';
        if (into.mergedInto) return 'merged';
        const r = this.c
          .q('SELECT * FROM contact_merges WHERE into_id = ? AND undone_at IS NULL ORDER BY created_at DESC, rowid DESC LIMIT 1')
          .get(intoId) as Row | undefined;
        if (!r) return 'nothing_to_undo';
        const merge = toContactMerge(r);
        const before = JSON.parse(r.into_before as string) as MergeBefore;
        this.c.q(SET_DETAILS).run(...detailValues(before), now, intoId);
        this.c
          .q('UPDATE contacts SET merged_into = NULL, external_id = ?, updated_at = ? WHERE id = ?')
          .run(before.fromExternalId, now, merge.fromId);
        const back = this.c.q('UPDATE visitors SET contact_id = ?, verified_at = NULL WHERE id = ? AND contact_id = ?');
        for (const v of merge.visitorIds) back.run(merge.fromId, v, intoId);
        this.c.q('UPDATE contact_merges SET undone_at = ? WHERE id = ?').run(now, merge.id);
        return { ...merge, undoneAt: now };
      })
      .immediate();
  }

  async lastMerge(intoId: string): Promise<ContactMergeRow | null> {
    const r = this.c
      .q('SELECT * FROM contact_merges WHERE into_id = ? AND undone_at IS NULL ORDER BY created_at DESC, rowid DESC LIMIT 1')
      .get(intoId) as Row | undefined;
    return r ? toContactMerge(r) : null;
  }

  async splitVisitor(visitorId: string, fresh: NewContact): Promise<ContactRow | ContactProblem> {
    return this.c.db
      .transaction((): ContactRow | ContactProblem => {
        const v = this.c.q('SELECT contact_id, site_id FROM visitors WHERE id = ?').get(visitorId) as Row | undefined;
        if (!v) return 'not_found';
        const n = this.c.q('SELECT count(*) FROM visitors WHERE contact_id = ?').pluck().get(v.contact_id) as number;
        if (n < 2) return 'only_visitor';
        this.c
          .q(`INSERT INTO contacts (${CONTACT_INSERT}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
          .run(...contactValues({ ...fresh, siteId: v.site_id as string }));
        this.c.q('UPDATE visitors SET contact_id = ?, verified_at = NULL WHERE id = ?').run(fresh.id, visitorId);
        return this.row(fresh.id)!;
      })
      .immediate();
  }

  async listContacts(q: ContactQuery): Promise<ContactListItem[]> {
    const where = ['c.merged_into IS NULL'];
    const args: unknown[] = [];
    if (q.siteId) {
      where.push('c.site_id = ?');
      args.push(q.siteId);
    }
    if (q.search) {
      const like = `%${q.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      const m = (col: string) => `${col} LIKE ? ESCAPE '\\'`;
      where.push(
        `(${m('c.name')} OR ${m('c.email')} OR ${m('c.phone')} OR EXISTS (SELECT 1 FROM visitors sv WHERE sv.contact_id = c.id AND
          (${m('sv.name')} OR ${m('sv.email')} OR ${m('sv.phone')})) OR EXISTS (SELECT 1 FROM callbacks sb JOIN visitors bv ON bv.id = sb.visitor_id
          WHERE bv.contact_id = c.id AND ${m('sb.phone')}))`,
      );
      args.push(like, like, like, like, like, like, like);
    }
    if (q.before) {
      where.push('(a.last_seen_at, c.id) < (?, ?)');
      args.push(q.before.lastSeenAt, q.before.id);
    }
    const rows = this.c
      .q(`${contactItemSelect()} WHERE ${where.join(' AND ')} ORDER BY a.last_seen_at DESC, c.id DESC LIMIT ?`)
      .all(...args, q.limit) as Row[];
    return rows.map(toContactItem);
  }

  async getContactItem(id: string): Promise<ContactListItem | null> {
    const r = this.c.q(`${contactItemSelect()} WHERE c.id = ?`).get(id) as Row | undefined;
    return r ? toContactItem(r) : null;
  }

  async contactSuggestions(contactId: string, limit: number): Promise<ContactSuggestion[]> {
    const rows = this.c.q(contactSuggestionsSql('@contact', '@limit')).all({ contact: contactId, limit }) as Row[];
    return rows.map(toContactSuggestion);
  }

  async contactActivity(contactId: string, limit: number): Promise<{ callbacks: CallbackWithVisitor[]; feedback: FeedbackRow[] }> {
    const sql = contactActivitySql('@contact', '@limit');
    const args = { contact: contactId, limit };
    return {
      callbacks: (this.c.q(sql.callbacks).all(args) as Row[]).map(toCallback),
      feedback: (this.c.q(sql.feedback).all(args) as Row[]).map(toFeedback),
    };
  }

  private row(id: string): ContactRow | null {
    const r = this.c.q('SELECT * FROM contacts WHERE id = ?').get(id) as Row | undefined;
    return r ? toContact(r) : null;
  }
}
