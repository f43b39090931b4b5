import { nanoid } from 'nanoid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../protocol/types';
import { nextEvent, signInCookie, startTestServer, visitor, ADMIN, useServer } from '../helpers/server';
import { startSmtp, type TestSmtp } from '../helpers/smtp';
import { rawRows } from '../helpers/stores';
import { agentWith, api, inviteAndAccept, tokenOf } from '../helpers/team';

const t = useServer({ start: false });
let smtp: TestSmtp | null = null;
afterEach(async () => {
  await smtp?.close();
  smtp = null;
});

describe('profile', () => {
  beforeEach(async () => {
    t.server = await startTestServer(t.data.dir);
  });

  it("shows the visitor the new display name on the agent's next message, while older messages keep the old one", async () => {
    const admin = await signInCookie(t.server.url);
    const petra = await inviteAndAccept(t.server.url, admin, 'petra@test.local');
    const socket = t.track(await agentWith(t.server.url, petra.cookie));
    const v = await visitor(t.server.url);
    t.track(v.socket);
    const first = await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'Hi' });
    if (!first.ok) throw new Error(first.message);
    const conversationId = first.data.conversationId;
    const before = await socket.emitWithAck('message:send', { id: nanoid(), conversationId, text: 'Hello' });
    expect(before.ok && before.data.authorName).toBe('Petra');

    const renamed = await api(t.server.url, '/api/account', {
      method: 'PATCH',
      body: { name: 'Petra from Support' },
      cookie: petra.cookie,
    });
    expect(renamed.body.data).toMatchObject({ name: 'Petra from Support' });
    const atVisitor = nextEvent<Message>(v.socket, 'message:new');
    await socket.emitWithAck('message:send', { id: nanoid(), conversationId, text: 'How can I help?' });
    expect((await atVisitor).authorName).toBe('Petra from Support');
    const history = await v.socket.emitWithAck('message:list', { conversationId, after: 0 });
    expect(history.ok && history.data.messages.filter((m) => m.author === 'agent').map((m) => m.authorName)).toEqual([
      'Petra',
      'Petra from Support',
    ]);
  });

  it('refuses an empty display name', async () => {
    const admin = await signInCookie(t.server.url);
    const r = await api(t.server.url, '/api/account', { method: 'PATCH', body: { name: '   ' }, cookie: admin });
    expect(r).toMatchObject({ status: 400, body: { code: 'invalid_payload' } });
  });

  it("changes the password with the current one, ending the agent's other sessions but not this one", async () => {
    const here = await signInCookie(t.server.url);
    const elsewhere = await signInCookie(t.server.url);
    const otherTab = t.track(await agentWith(t.server.url, elsewhere));
    const wrong = await api(t.server.url, '/api/account/password', { body: { current: 'nope', password: 'a new password' }, cookie: here });
    expect(wrong).toMatchObject({ status: 401, body: { code: 'bad_credentials' } });
    const short = await api(t.server.url, '/api/account/password', { body: { current: ADMIN.password, password: 'short' }, cookie: here });
    expect(short.status).toBe(400);

    const closed = nextEvent(otherTab, 'disconnect');
    const ok = await api(t.server.url, '/api/account/password', {
      body: { current: ADMIN.password, password: 'a new password' },
      cookie: here,
    });
    expect(ok.body.data).toEqual({ endedSessions: 1 });
    await closed;
    expect((await api(t.server.url, '/api/auth/me', { cookie: elsewhere })).status).toBe(401);
    expect((await api(t.server.url, '/api/auth/me', { cookie: here })).status).toBe(200);
    expect((await api(t.server.url, '/api/auth/login', { body: ADMIN })).status).toBe(401);
    expect((await api(t.server.url, '/api/auth/login', { body: { email: ADMIN.email, password: 'a new password' } })).status).toBe(200);
  });
});

describe('forgot password', () => {
  it('with SMTP emails a one-time reset link that signs in and ends the other sessions', async () => {
    smtp = await startSmtp();
    t.server = await startTestServer(t.data.dir, 0, { SMTP_URL: smtp.url, PUBLIC_URL: 'https://chat.example.test' });
    const old = await signInCookie(t.server.url);
    expect((await api(t.server.url, '/api/auth/forgot')).body.data).toEqual({ emailEnabled: true });
    const asked = await api(t.server.url, '/api/auth/forgot', { body: { email: ADMIN.email } });
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toMatchObject({ text: ADMIN.email });
    const link = /https:\/\/chat\.example\.test\/console\/reset\/[A-Za-z0-9_-]+/.exec(mail!.text ?? '')![0];
    // Sent, the email no longer holds the link: at rest there is only the token's hash.
    const storedEmails = async () =>
      (await rawRows(t.data.dir, 'SELECT status, payload FROM outbox')).map((r) => ({
        status: r.status,
        payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
      }));
    await expect.poll(storedEmails).toEqual([{ status: 'sent', payload: {} }]);

    // The answer is the same for an email nobody has, and no mail goes out for it.
    const unknown = await api(t.server.url, '/api/auth/forgot', { body: { email: 'nobody@test.local' } });
    expect([unknown.status, unknown.body.data.message.replace('nobody@test.local', ADMIN.email)]).toEqual([
      asked.status,
      asked.body.data.message,
    ]);

    expect((await api(t.server.url, `/api/auth/reset/${tokenOf(link)}`)).body.data).toMatchObject({ email: ADMIN.email });
    const reset = await api(t.server.url, `/api/auth/reset/${tokenOf(link)}`, { body: { password: 'brand new secret' } });
    expect(reset.body.data).toMatchObject({ email: ADMIN.email });
    expect((await api(t.server.url, '/api/auth/me', { cookie: reset.cookie! })).status).toBe(200);
    expect((await api(t.server.url, '/api/auth/me', { cookie: old })).status).toBe(401);
    expect((await api(t.server.url, `/api/auth/reset/${tokenOf(link)}`, { body: { password: 'another secret' } })).body.code).toBe(
      'link_used',
    );
    expect(smtp.messages).toHaveLength(1);
  });

  it('without SMTP says to ask an admin or use the CLI, and the admin gets a reset link to copy', async () => {
    t.server = await startTestServer(t.data.dir);
    const admin = await signInCookie(t.server.url);
    expect((await api(t.server.url, '/api/auth/forgot')).body.data).toEqual({ emailEnabled: false });
    const r = await api(t.server.url, '/api/auth/forgot', { body: { email: 'petra@test.local' } });
    expect(r).toMatchObject({
      status: 409,
      body: { code: 'email_not_configured', message: expect.stringMatching(/ask an admin.*npm run admin/i) },
    });

    const petra = await inviteAndAccept(t.server.url, admin, 'petra@test.local');
    const made = await api(t.server.url, `/api/team/agents/${petra.agent.id}/reset-link`, { body: {}, cookie: admin });
    expect(made.body.data).toMatchObject({ emailed: false, link: expect.stringMatching(/\/console\/reset\//) });
    expect((await api(t.server.url, `/api/team/agents/${petra.agent.id}/reset-link`, { body: {}, cookie: petra.cookie })).status).toBe(403);
    const reset = await api(t.server.url, `/api/auth/reset/${tokenOf(made.body.data.link)}`, { body: { password: 'petra new pass' } });
    expect(reset.body.data).toMatchObject({ email: 'petra@test.local', name: 'Petra' });
  });

  it('never emails a reset link built from the request: without PUBLIC_URL it says to ask an admin', async () => {
    smtp = await startSmtp();
    t.server = await startTestServer(t.data.dir, 0, { SMTP_URL: smtp.url });
    expect((await api(t.server.url, '/api/auth/forgot')).body.data).toEqual({ emailEnabled: false });
    const res = await fetch(`${t.server.url}/api/auth/forgot`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', host: 'evil.example' },
      body: JSON.stringify({ email: ADMIN.email }),
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: 'email_not_configured', message: expect.stringMatching(/PUBLIC_URL/) });
    // No link was made, and no email queued.
    const [counts] = await rawRows(
      t.data.dir,
      'SELECT (SELECT count(*) FROM agent_tokens) AS links, (SELECT count(*) FROM outbox) AS emails',
    );
    expect([Number(counts!.links), Number(counts!.emails)]).toEqual([0, 0]);
  });

  it('rate limits reset requests per email, whatever the address they come from', async () => {
    smtp = await startSmtp();
    t.server = await startTestServer(t.data.dir, 0, { SMTP_URL: smtp.url, PUBLIC_URL: 'https://chat.example.test' });
    const ask = () => api(t.server.url, '/api/auth/forgot', { body: { email: 'nobody@test.local' } });
    for (let i = 0; i < 3; i++) expect((await ask()).status).toBe(200);
    expect(await ask()).toMatchObject({ status: 429, body: { code: 'rate_limited' } });
  });

  it('refuses an expired reset link', async () => {
    t.server = await startTestServer(t.data.dir);
    const { issueLink } = await import('../../server/domain/links');
    const a = (await t.server.store.getAgentByEmail(ADMIN.email))!;
    const { token } = await issueLink(t.server.store, { kind: 'reset', email: a.email, role: null, agentId: a.id, createdBy: null }, -1);
    const r = await api(t.server.url, `/api/auth/reset/${token}`, { body: { password: 'brand new secret' } });
    expect(r).toMatchObject({ status: 410, body: { code: 'link_expired' }, cookie: null });
    expect((await api(t.server.url, '/api/auth/login', { body: ADMIN })).status).toBe(200);
  });
});
