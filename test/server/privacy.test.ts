import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeToken, v1 } from '../helpers/rest-api';
import { agent, signInCookie, useServer } from '../helpers/server';
import { rawRows, STORE } from '../helpers/stores';
import { api } from '../helpers/team';
import { CHAT, COMPLAINT, EMAIL, unhappyCustomer } from '../helpers/unhappy';

const t = useServer();

/** Where the needles are in the database behind the store's back: the SQLite file and its WAL, or every text column on Postgres. */
async function databaseHolds(needle: string): Promise<string[]> {
  if (STORE === 'sqlite') {
    const found: string[] = [];
    for (const f of ['earshot.sqlite', 'earshot.sqlite-wal']) {
      const file = path.join(t.data.dir, f);
      if (fs.existsSync(file) && fs.readFileSync(file).includes(Buffer.from(needle))) found.push(f);
    }
    return found;
  }
  const cols = await rawRows(
    t.data.dir,
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()
       AND data_type IN ('text', 'jsonb', 'character varying', 'json')`,
  );
  // One statement for every text column of the schema: which of them hold the needle.
  const union = cols
    .map((c) => {
      const [table, column] = [c.table_name as string, c.column_name as string];
      return `SELECT '${table}.${column}' AS at WHERE EXISTS (SELECT 1 FROM "${table}" WHERE strpos("${column}"::text, '${needle}') > 0)`;
    })
    .join(' UNION ALL ');
  const found = (await rawRows(t.data.dir, union)).map((r) => r.at as string);
  return found;
}

describe('win back, export and erase', () => {
  it('lists a 1-star complaint with an unanswered call back, exports all of it, and after an erase nothing of it is left anywhere', async () => {
    const p = await unhappyCustomer(t);
    const admin = await signInCookie(t.server.url);
    const token = (await makeToken(t.server.url, admin, ['read', 'write'], 'Privacy desk')).secret;

    // Win back: one contact, every reason.
    const list = await api(t.server.url, '/api/privacy/winback', { cookie: admin });
    const mine = list.body.data.items.filter((i: { contactId: string }) => i.contactId === p.contactId);
    expect(mine).toHaveLength(1);
    expect(mine[0].reasons.map((r: { kind: string }) => r.kind).sort()).toEqual(['callback_no_answer', 'complaint', 'low_rating']);
    expect((await api(t.server.url, '/api/privacy/winback/count', { cookie: admin })).body.data).toBe(1);

    // Export: every item, as JSON and as a page with the text escaped.
    const x = await v1(t.server.url, `/contacts/${p.contactId}/export`, { token });
    expect(x.status).toBe(200);
    expect(x.body.contact).toMatchObject({ id: p.contactId, email: EMAIL });
    expect(x.body.conversations[0].messages.map((m: { text: string }) => m.text)).toContain(CHAT);
    expect(x.body.feedback[0]).toMatchObject({ id: p.feedbackId, text: COMPLAINT, rating: 1 });
    expect(x.body.callbacks[0]).toMatchObject({ id: p.callbackId, phone: '+420602987321' });
    expect(x.body.callbacks[0].attempts[0]).toMatchObject({ outcome: 'no_answer' });
    expect(JSON.stringify(x.body)).not.toContain('token_hash');
    const html = await fetch(`${t.server.url}/api/v1/contacts/${p.contactId}/export?format=html`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(html.headers.get('content-type')).toContain('text/html');
    const body = await html.text();
    expect(body).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(body).not.toContain('<b>bold</b>');

    // Before the erase the database holds it (so the search below can find what is there).
    expect(await databaseHolds('PARCEL-ZQX-93')).not.toEqual([]);

    // Erase, then again: a clear 410.
    const gone = new Promise((resolve) => p.v.socket.once('disconnect', resolve));
    const erased = await v1(t.server.url, `/contacts/${p.contactId}`, { token, method: 'DELETE' });
    expect(erased.status).toBe(200);
    expect(erased.body.erased).toMatchObject({ conversations: 1, feedback: 1, callbacks: 1 });
    await gone;
    const again = await v1(t.server.url, `/contacts/${p.contactId}`, { token, method: 'DELETE' });
    expect(again.status).toBe(410);
    expect(again.type).toContain('application/problem+json');
    expect(again.body).toMatchObject({ status: 410, code: 'contact_erased' });
    expect((await v1(t.server.url, `/contacts/${p.contactId}/export`, { token })).status).toBe(410);
    expect((await v1(t.server.url, '/contacts/nobody-here', { token, method: 'DELETE' })).status).toBe(404);

    // Neither the API nor the console shows any of it; counts stay.
    const api1 = JSON.stringify([
      (await v1(t.server.url, `/conversations/${p.conversationId}/messages`, { token })).body,
      (await v1(t.server.url, `/feedback/${p.feedbackId}`, { token })).body,
      (await v1(t.server.url, `/callbacks/${p.callbackId}`, { token })).body,
      (await v1(t.server.url, `/visitors/${p.v.hello.visitorId}`, { token })).body,
      (await v1(t.server.url, '/feedback', { token })).body,
    ]);
    const desk = t.track(await agent(t.server.url));
    const seen = [
      await desk.emitWithAck('conversation:list', { status: 'all' }),
      await desk.emitWithAck('conversation:get', { conversationId: p.conversationId }),
      await desk.emitWithAck('feedback:list', {}),
      await desk.emitWithAck('callback:list', { status: 'all' }),
      (await api(t.server.url, '/api/privacy/winback', { cookie: admin })).body,
    ];
    expect(seen.map((r) => r.ok)).toEqual([true, true, true, true, true]);
    const console1 = JSON.stringify(seen);
    for (const needle of [EMAIL, 'PARCEL-ZQX-93', 'COMPLAINT-QQW-17', '602987321', 'ORDER-PAGE-55', 'Eve Unique']) {
      expect(api1, needle).not.toContain(needle);
      expect(console1, needle).not.toContain(needle);
      expect(await databaseHolds(needle), needle).toEqual([]);
    }
    expect((await v1(t.server.url, '/feedback', { token })).body.data).toHaveLength(1);
    expect((await api(t.server.url, '/api/privacy/winback/count', { cookie: admin })).body.data).toBe(0);

    // Both are in the audit log, naming the token.
    const audit = (await api(t.server.url, '/api/privacy/audit', { cookie: admin })).body.data;
    expect(
      audit.map((a: { action: string; actor: { kind: string; name: string } }) => [a.action, a.actor.kind, a.actor.name.split(' ')[0]]),
    ).toEqual([
      ['contact.erase', 'token', 'Privacy'],
      ['contact.export', 'token', 'Privacy'],
      ['contact.export', 'token', 'Privacy'],
    ]);
  });
});
