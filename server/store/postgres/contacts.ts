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
} from '../rows';
import { CONTACT_INSERT, contactActivitySql, contactItemSelect, contactSuggestionsSql } from '../shared-sql';
import type { ContactMergeRow, ContactPort, ContactProblem, ContactRow, StoreRules } from '../types';
import type { Db } from './db';
import { params } from './visitors';
import { recordWebhookEvents } from './webhook-events';

const SET_DETAILS = `UPDATE contacts SET ${CONTACT_DETAILS.map((c, i) => `${c} = $${i + 1}`).join(', ')}, updated_at = $8 WHERE id = $9`;
const LAST_MERGE = 'SELECT * FROM contact_merges WHERE into_id = $1 AND undone_at IS NULL ORDER BY created_at DESC, n DESC LIMIT 1';

const IDENTITY_COLUMNS = { secret: 'secret', requireVerification: 'require_verification', rotatedAt: 'rotated_at' } as const;

/** Contacts (people) and sites' identity secrets on Postgres. */
export function pgContacts(db: Db, rules: StoreRules): ContactPort {
  const contact = async (t: Db, id: string, lock = '') => {
    const r = await t.one(`SELECT * FROM contacts WHERE id = $1${lock}`, [id]);
    return r ? toContact(r) : null;
  };
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
    getContact: (id) => contact(db, id),
    async upsertContactByExternalId(f): Promise<ContactRow> {
      const r = await db.one(
        `INSERT INTO contacts (${CONTACT_INSERT}) VALUES (${params(8)})
         ON CONFLICT (site_id, external_id) DO UPDATE SET name = coalesce(excluded.name, contacts.name),
           email = coalesce(excluded.email, contacts.email), phone = coalesce(excluded.phone, contacts.phone), updated_at = excluded.updated_at
         RETURNING *`,
        contactValues(f),
      );
      return toContact(r!);
    },
    async contactVisitorIds(contactId, verifiedOnly = false) {
      const only = verifiedOnly ? ' AND verified_at IS NOT NULL' : '';
      return (await db.rows<{ id: string }>(`SELECT id FROM visitors WHERE contact_id = $1${only}`, [contactId])).map((r) => r.id);
    },
    async latestContactConversation(contactId) {
      const r = await db.one(
        `SELECT c.* FROM conversations c JOIN visitors v ON v.id = c.visitor_id WHERE v.contact_id = $1 AND v.verified_at IS NOT NULL
         ORDER BY c.created_at DESC, c.n DESC LIMIT 1`,
        [contactId],
      );
      return r ? toConversation(r) : null;
    },
    updateContact: (id, p, events) =>
      db.tx(async (t) => {
        const c = await contact(t, id, ' AND merged_into IS NULL FOR UPDATE');
        if (!c) return null;
        await t.run(SET_DETAILS, [...detailValues(patchedDetails(c, p)), p.updatedAt, id]);
        const after = await contact(t, id);
        if (after) await recordWebhookEvents(t, rules, events, after);
        return after;
      }),
    async findContactByVerifiedEmail(siteId, email, exceptId) {
      const r = await db.one(
        `SELECT * FROM contacts WHERE site_id = $1 AND lower(email) = lower($2) AND email_verified_at IS NOT NULL AND merged_into IS NULL
         AND id <> $3 ORDER BY created_at, id LIMIT 1`,
        [siteId, email, exceptId],
      );
      return r ? toContact(r) : null;
    },
    mergeContacts: (m) =>
      db.tx(async (t): Promise<ContactMergeRow | ContactProblem> => {
        if (m.fromId === m.intoId) return 'same_contact';
        // Both locked in one order: two merges of the same pair at once queue here.
        const locked = await t.rows('SELECT * FROM contacts WHERE id = ANY($1) ORDER BY id FOR UPDATE', [[m.fromId, m.intoId]]);
        const from = locked.map(toContact).find((c) => c.id === m.fromId);
        const into = locked.map(toContact).find((c) => c.id === m.intoId);
        if (!from || !into) return 'not_found';
        if (from.siteId !== into.siteId) return 'other_site';
        if (from.mergedInto || into.mergedInto) return 'merged';
        if (from.externalId && into.externalId) return 'both_verified';
        const { next, before } = mergedDetails(into, from);
        // The external id moves, not copies: it is unique per site.
        await t.run('UPDATE contacts SET merged_into = $1, external_id = NULL, updated_at = $2 WHERE id = $3', [
          into.id,
          m.createdAt,
          from.id,
        ]);
        await t.run(SET_DETAILS, [...detailValues(next), m.createdAt, into.id]);
        const moved = await t.rows<{ id: string }>('UPDATE visitors SET contact_id = $1 WHERE contact_id = $2 RETURNING id', [
          into.id,
          from.id,
        ]);
        const visitorIds = moved.map((v) => v.id);
        await t.run(
          `INSERT INTO contact_merges (id, site_id, into_id, from_id, visitor_ids, reason, into_before, agent_id, created_at)
           VALUES (${params(9)})`,
          [m.id, into.siteId, into.id, from.id, JSON.stringify(visitorIds), m.reason, JSON.stringify(before), m.agentId, m.createdAt],
        );
        return { ...m, siteId: into.siteId, visitorIds, undoneAt: null };
      }),
    undoLastMerge: (intoId, now) =>
      db.tx(async (t): Promise<ContactMergeRow | ContactProblem> => {
        const into = await contact(t, intoId, ' FOR UPDATE');
        if (!into) return 'not_found';
        if (into.mergedInto) return 'merged';
        const r = await t.one(`${LAST_MERGE} FOR UPDATE`, [intoId]);
        if (!r) return 'nothing_to_undo';
        const merge = toContactMerge(r);
        const before = r.into_before as MergeBefore;
        await t.run(SET_DETAILS, [...detailValues(before), now, intoId]);
        await t.run('UPDATE contacts SET merged_into = NULL, external_id = $1, updated_at = $2 WHERE id = $3', [
          before.fromExternalId,
          now,
          merge.fromId,
        ]);
        await t.run('UPDATE visitors SET contact_id = $1, verified_at = NULL WHERE id = ANY($2) AND contact_id = $3', [
          merge.fromId,
          merge.visitorIds,
          intoId,
        ]);
        await t.run('UPDATE contact_merges SET undone_at = $1 WHERE id = $2', [now, merge.id]);
        return { ...merge, undoneAt: now };
      }),
    async lastMerge(intoId) {
      const r = await db.one(LAST_MERGE, [intoId]);
      return r ? toContactMerge(r) : null;
    },
    splitVisitor: (visitorId, fresh) =>
      db.tx(async (t) => {
        const v = await t.one<{ contact_id: string; site_id: string }>(
          'SELECT contact_id, site_id FROM visitors WHERE id = $1 FOR UPDATE',
          [visitorId],
        );
        if (!v) return 'not_found';
        await t.run('SELECT id FROM contacts WHERE id = $1 FOR UPDATE', [v.contact_id]);
        const n = await t.one<{ n: number }>('SELECT count(*)::int AS n FROM visitors WHERE contact_id = $1', [v.contact_id]);
        if (n!.n < 2) return 'only_visitor';
        await t.run(`INSERT INTO contacts (${CONTACT_INSERT}) VALUES (${params(8)})`, contactValues({ ...fresh, siteId: v.site_id }));
        await t.run('UPDATE visitors SET contact_id = $1, verified_at = NULL WHERE id = $2', [fresh.id, visitorId]);
        return (await contact(t, fresh.id))!;
      }),
    async listContacts(q) {
      const where = ['c.merged_into IS NULL'];
      const args: unknown[] = [];
      const arg = (v: unknown) => (args.push(v), `$${args.length}`);
      if (q.siteId) where.push(`c.site_id = ${arg(q.siteId)}`);
      if (q.search) {
        const like = arg(`%${q.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
        const m = (col: string) => `${col} ILIKE ${like}`;
        where.push(
          `(${m('c.name')} OR ${m('c.email')} OR ${m('c.phone')} OR EXISTS (SELECT 1 FROM visitors sv WHERE sv.contact_id = c.id AND
            (${m('sv.name')} OR ${m('sv.email')} OR ${m('sv.phone')})) OR EXISTS (SELECT 1 FROM callbacks sb JOIN visitors bv ON bv.id = sb.visitor_id
            WHERE bv.contact_id = c.id AND ${m('sb.phone')}))`,
        );
      }
      if (q.before) where.push(`(a.last_seen_at, c.id) < (${arg(q.before.lastSeenAt)}::timestamptz, ${arg(q.before.id)})`);
      const rows = await db.rows(
        `${contactItemSelect()} WHERE ${where.join(' AND ')} ORDER BY a.last_seen_at DESC, c.id DESC LIMIT ${arg(q.limit)}`,
        args,
      );
      return rows.map(toContactItem);
    },
    async getContactItem(id) {
      const r = await db.one(`${contactItemSelect()} WHERE c.id = $1`, [id]);
      return r ? toContactItem(r) : null;
    },
    async contactSuggestions(contactId, limit) {
      const rows = await db.rows(contactSuggestionsSql('$1', '$2'), [contactId, limit]);
      return rows.map(toContactSuggestion);
    },
    async contactActivity(contactId, limit) {
      const sql = contactActivitySql('$1', '$2');
      const [callbacks, feedback] = await Promise.all([
        db.rows(sql.callbacks, [contactId, limit]),
        db.rows(sql.feedback, [contactId, limit]),
      ]);
      return { callbacks: callbacks.map(toCallback), feedback: feedback.map(toFeedback) };
    },
  };
}
