import { taggedWith } from '../canned-rows';
import { callbackValues, toCallback, toCallbackAttempt, toStoredCallbackAttempt } from '../rows';
import { reopenRefused } from '../refusals';
import { CALLBACK_COLUMNS, CALLBACK_SELECT } from '../shared-sql';
import type { CallbackPatch, CallbackPort, CallbackRow, StoreRules } from '../types';
import { inTx, isUniqueViolation, type Db } from './db';
import { recordWebhookEvents } from './webhook-events';
import { callbackPage, POSTGRES } from '../list-sql';

const OPEN = "status IN ('waiting', 'rescheduled')";

type Arg = (v: unknown) => string;

/** `UPDATE callbacks SET … WHERE …` for a patch, or null when it changes nothing. */
function patchSql(patch: CallbackPatch, where: (arg: Arg) => string): [string, unknown[]] | null {
  const cols: string[] = [];
  const args: unknown[] = [];
  const arg: Arg = (v) => (args.push(v), `$${args.length}`);
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (key === 'claimedBy') {
      const c = value as CallbackRow['claimedBy'];
      cols.push(`claimed_by = ${arg(c?.id ?? null)}`, `claimed_by_name = ${arg(c?.name ?? null)}`);
      continue;
    }
    cols.push(`${CALLBACK_COLUMNS[key as keyof typeof CALLBACK_COLUMNS]} = ${arg(value)}`);
  }
  if (!cols.length) return null;
  return [`UPDATE callbacks SET ${cols.join(', ')} WHERE ${where(arg)} RETURNING *`, args];
}

async function update(db: Db, id: string, patch: CallbackPatch): Promise<void> {
  const sql = patchSql(patch, (arg) => `id = ${arg(id)}`);
  if (!sql) return;
  try {
    await db.run(...sql);
  } catch (err) {
    if (isUniqueViolation(err, 'callbacks_open_phone')) throw reopenRefused(err);
    throw err;
  }
}

const INSERT = `INSERT INTO callbacks (id, site_id, visitor_id, phone, name, topic, asap, due_at, window_end, status, claimed_by, claimed_by_name,
    attempts, page_url, page_title, visitor_timezone, visitor_locale, created_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`;

async function findOpenOn(db: Db, siteId: string, phone: string, visitorId: string): Promise<CallbackRow | null> {
  const r = await db.one(`${CALLBACK_SELECT} WHERE c.site_id = $1 AND c.phone = $2 AND c.${OPEN} AND c.visitor_id = $3`, [
    siteId,
    phone,
    visitorId,
  ]);
  return r ? toCallback(r) : null;
}

/** Inserts unless the index finds an open one; then updates that one, unless it closed meanwhile (then inserts again). */
async function requestOnce(
  db: Db,
  c: CallbackRow & { visitorId: string },
  patch: CallbackPatch,
): Promise<{ callback: CallbackRow; created: boolean }> {
  for (;;) {
    const inserted = await db.one(
      `${INSERT} ON CONFLICT (site_id, visitor_id, phone) WHERE ${OPEN} AND visitor_id IS NOT NULL DO NOTHING RETURNING *`,
      callbackValues(c),
    );
    if (inserted) return { callback: toCallback(inserted), created: true };
    const sql = patchSql(
      patch,
      (arg) => `site_id = ${arg(c.siteId)} AND visitor_id = ${arg(c.visitorId)} AND phone = ${arg(c.phone)} AND ${OPEN}`,
    );
    const open = sql ? await db.one(...sql) : null;
    if (open) return { callback: toCallback(open), created: false };
    const unchanged = sql ? null : await findOpenOn(db, c.siteId, c.phone, c.visitorId);
    if (unchanged) return { callback: unchanged, created: false };
  }
}

/** Call back requests on Postgres; one open request per visitor and phone is a unique index, not a look first. */
export function pgCallbacks(db: Db, rules: StoreRules): CallbackPort {
  const findOpen = (siteId: string, phone: string, visitorId: string) => findOpenOn(db, siteId, phone, visitorId);
  return {
    async createCallback(c) {
      await db.run(INSERT, callbackValues(c));
    },
    requestCallback: (c, patch, events) =>
      inTx(db, events, async (t) => {
        const result = await requestOnce(t, c, patch);
        await recordWebhookEvents(t, rules, events, result);
        return result;
      }),
    async getCallback(id) {
      return db.find(`${CALLBACK_SELECT} WHERE c.id = $1`, [id], toCallback);
    },
    findOpenCallback: findOpen,
    async latestCallbackForVisitor(visitorId) {
      return db.find(`${CALLBACK_SELECT} WHERE c.visitor_id = $1 ORDER BY c.updated_at DESC, c.n DESC LIMIT 1`, [visitorId], toCallback);
    },
    updateCallback: (id, patch) => update(db, id, patch),
    async claimCallback(id, agent, takeOverFrom, now) {
      return (
        (await db.run(
          `UPDATE callbacks SET claimed_by = $1, claimed_by_name = $2, updated_at = $3
         WHERE id = $4 AND ${OPEN} AND (claimed_by IS NULL OR claimed_by = $1 OR claimed_by = $5)`,
          [agent.id, agent.name, now, id, takeOverFrom],
        )) === 1
      );
    },
    async listCallbacks(open, limit, siteId, tag) {
      const site = (siteId ? ' AND c.site_id = $2' : '') + (tag ? ` AND ${taggedWith('callback', 'c.id', siteId ? '$3' : '$2')}` : '');
      const siteArgs = [...(siteId ? [siteId] : []), ...(tag ? [tag] : [])];
      const waiting = await db.rows(`${CALLBACK_SELECT} WHERE c.${OPEN}${site} ORDER BY c.due_at, c.n LIMIT $1`, [limit, ...siteArgs]);
      if (open || waiting.length >= limit) return waiting.map(toCallback);
      // Then closed ones newest first, so a limit drops the oldest history.
      const closed = await db.rows(`${CALLBACK_SELECT} WHERE NOT c.${OPEN}${site} ORDER BY c.updated_at DESC, c.n DESC LIMIT $1`, [
        limit - waiting.length,
        ...siteArgs,
      ]);
      return [...waiting, ...closed].map(toCallback);
    },
    async pageCallbacks(q) {
      const { sql, params } = callbackPage(POSTGRES, q);
      return (await db.rows(sql, params)).map(toCallback);
    },
    addCallbackAttempt: (callbackId, a, patch, events) =>
      db.tx(async (t) => {
        const added = await t.run(
          `INSERT INTO callback_attempts (id, callback_id, agent_id, agent_name, outcome, note, due_at, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
          [a.id, callbackId, a.agentId, a.agentName, a.outcome, a.note, a.dueAt, a.createdAt],
        );
        if (added > 0) {
          await update(t, callbackId, patch);
          await recordWebhookEvents(t, rules, events, undefined);
        }
        return added > 0;
      }),
    async getCallbackAttempt(id) {
      return db.find('SELECT * FROM callback_attempts WHERE id = $1', [id], toStoredCallbackAttempt);
    },
    async listCallbackAttempts(callbackId) {
      return (await db.rows('SELECT * FROM callback_attempts WHERE callback_id = $1 ORDER BY created_at, n', [callbackId])).map(
        toCallbackAttempt,
      );
    },
  };
}
