import { beforeEach, describe, expect, it } from 'vitest';
import { issueLink } from '../../server/domain/links';
import { DEFAULT_LIMITS } from '../../server/limits';
import { nextEvent, signInCookie, startTestServer, useServer } from '../helpers/server';
import { agentWith, api, inviteAndAccept, tokenOf } from '../helpers/team';

const t = useServer();
let admin: string;
beforeEach(async () => {
  admin = await signInCookie(t.server.url);
});

describe('invitations', () => {
  it('without SMTP hands the admin a one-time link that makes a signed-in agent with the invited role', async () => {
    const invited = await api(t.server.url, '/api/team/invites', { body: { email: 'petra@test.local', role: 'agent' }, cookie: admin });
    expect(invited.body.data).toMatchObject({ emailed: false, invite: { email: 'petra@test.local', role: 'agent' } });
    const link: string = invited.body.data.link;
    expect(link).toMatch(new RegExp(`^${t.server.url}/console/invite/[A-Za-z0-9_-]{40,}$`));
    expect((await api(t.server.url, `/api/auth/invite/${tokenOf(link)}`)).body.data).toMatchObject({
      email: 'petra@test.local',
      role: 'agent',
    });

    const accepted = await api(t.server.url, `/api/auth/invite/${tokenOf(link)}`, { body: { name: 'Petra', password: 'long enough' } });
    expect(accepted.body.data).toMatchObject({ name: 'Petra', email: 'petra@test.local', role: 'agent' });
    expect((await api(t.server.url, '/api/auth/me', { cookie: accepted.cookie! })).body.data.name).toBe('Petra');
    const team = await api(t.server.url, '/api/team', { cookie: admin });
    expect(team.body.data.invites).toEqual([]);
    expect(team.body.data.agents.map((a: { email: string; active: boolean }) => [a.email, a.active])).toEqual([
      ['admin@test.local', true],
      ['petra@test.local', true],
    ]);
  });

  it('refuses to invite an email that already has an account', async () => {
    const r = await api(t.server.url, '/api/team/invites', { body: { email: 'ADMIN@test.local', role: 'agent' }, cookie: admin });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ code: 'email_taken' });
  });

  it('refuses a link used once already, and signs nobody in with it', async () => {
    const invited = await api(t.server.url, '/api/team/invites', { body: { email: 'petra@test.local', role: 'agent' }, cookie: admin });
    const token = tokenOf(invited.body.data.link);
    expect((await api(t.server.url, `/api/auth/invite/${token}`, { body: { name: 'Petra', password: 'long enough' } })).status).toBe(200);
    const again = await api(t.server.url, `/api/auth/invite/${token}`, { body: { name: 'Eve', password: 'long enough' } });
    expect(again).toMatchObject({ status: 410, body: { code: 'link_used' }, cookie: null });
  });

  it('refuses an expired link and creates nobody', async () => {
    const { token } = await issueLink(
      t.server.store,
      { kind: 'invite', email: 'late@test.local', role: 'agent', agentId: null, createdBy: null },
      -1000,
    );
    expect((await api(t.server.url, `/api/auth/invite/${token}`)).body.code).toBe('link_expired');
    const r = await api(t.server.url, `/api/auth/invite/${token}`, { body: { name: 'Late', password: 'long enough' } });
    expect(r).toMatchObject({ status: 410, body: { code: 'link_expired' } });
    expect(await t.server.store.getAgentByEmail('late@test.local')).toBeNull();
  });

  it('refuses a revoked link, and a renewed invitation replaces the old link', async () => {
    const first = await api(t.server.url, '/api/team/invites', { body: { email: 'petra@test.local', role: 'agent' }, cookie: admin });
    const renewed = await api(t.server.url, `/api/team/invites/${first.body.data.invite.id}/renew`, { body: {}, cookie: admin });
    expect(
      (await api(t.server.url, `/api/auth/invite/${tokenOf(first.body.data.link)}`, { body: { name: 'P', password: 'long enough' } })).body
        .code,
    ).toBe('link_revoked');
    expect((await api(t.server.url, `/api/team/invites/${renewed.body.data.invite.id}`, { method: 'DELETE', cookie: admin })).status).toBe(
      200,
    );
    const r = await api(t.server.url, `/api/auth/invite/${tokenOf(renewed.body.data.link)}`, {
      body: { name: 'P', password: 'long enough' },
    });
    expect(r).toMatchObject({ status: 410, body: { code: 'link_revoked' } });
    expect((await api(t.server.url, '/api/team', { cookie: admin })).body.data.invites).toEqual([]);
  });

  it('refuses an invitation whose email got an account meanwhile, leaving the invitation unused', async () => {
    const invited = await api(t.server.url, '/api/team/invites', { body: { email: 'petra@test.local', role: 'agent' }, cookie: admin });
    // Someone made petra's account another way (e.g. the CLI or a second server) in between.
    await t.server.store.createAgent({
      id: 'p2',
      email: 'Petra@test.local',
      name: 'P2',
      role: 'agent',
      passwordHash: 'x',
      createdAt: new Date().toISOString(),
    });
    const r = await api(t.server.url, `/api/auth/invite/${tokenOf(invited.body.data.link)}`, {
      body: { name: 'Petra', password: 'long enough' },
    });
    expect(r).toMatchObject({ status: 409, body: { code: 'email_taken' } });
    expect((await t.server.store.getAgentByEmail('petra@test.local'))!.name).toBe('P2');
    expect((await api(t.server.url, '/api/team', { cookie: admin })).body.data.invites).toHaveLength(1);
  });

  it('asks for a password of at least 8 characters and a name', async () => {
    const invited = await api(t.server.url, '/api/team/invites', { body: { email: 'petra@test.local', role: 'agent' }, cookie: admin });
    const r = await api(t.server.url, `/api/auth/invite/${tokenOf(invited.body.data.link)}`, { body: { name: ' ', password: 'short' } });
    expect(r).toMatchObject({ status: 400, body: { code: 'invalid_payload' } });
    expect((await api(t.server.url, '/api/team', { cookie: admin })).body.data.invites).toHaveLength(1);
  });

  it('rate limits invitation acceptance per address', async () => {
    await t.server.close();
    t.server = await startTestServer(t.data.dir, 0, {}, { limits: { ...DEFAULT_LIMITS, linkUses: { points: 2, duration: 300 } } });
    const bad = () =>
      api(t.server.url, '/api/auth/invite/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', { body: { name: 'X', password: 'long enough' } });
    expect((await bad()).body.code).toBe('not_found');
    expect((await bad()).body.code).toBe('not_found');
    expect(await bad()).toMatchObject({ status: 429, body: { code: 'rate_limited' } });
  });
});

describe('roles', () => {
  it('refuses an agent the team data and the site settings event', async () => {
    const petra = await inviteAndAccept(t.server.url, admin, 'petra@test.local');
    expect(await api(t.server.url, '/api/team', { cookie: petra.cookie })).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    expect(
      (await api(t.server.url, '/api/team/invites', { body: { email: 'x@test.local', role: 'admin' }, cookie: petra.cookie })).status,
    ).toBe(403);
    const socket = t.track(await agentWith(t.server.url, petra.cookie));
    const r = await socket.emitWithAck('site:update', { siteId: 'demo', name: 'Mine now' });
    expect(r).toMatchObject({ ok: false, code: 'forbidden' });
    expect((await t.server.store.getSite('demo'))!.name).not.toBe('Mine now');
  });

  it('lets an admin promote an agent, who may then manage the team', async () => {
    const petra = await inviteAndAccept(t.server.url, admin, 'petra@test.local');
    const r = await api(t.server.url, `/api/team/agents/${petra.agent.id}`, { method: 'PATCH', body: { role: 'admin' }, cookie: admin });
    expect(r.body.data).toMatchObject({ role: 'admin', active: true });
    expect((await api(t.server.url, '/api/team', { cookie: petra.cookie })).status).toBe(200);
  });

  it('refuses site settings to an admin demoted while their console is open', async () => {
    const second = await inviteAndAccept(t.server.url, admin, 'second@test.local', 'admin');
    const socket = t.track(await agentWith(t.server.url, second.cookie));
    expect(await socket.emitWithAck('site:update', { siteId: 'demo', name: 'Renamed once' })).toMatchObject({ ok: true });
    await api(t.server.url, `/api/team/agents/${second.agent.id}`, { method: 'PATCH', body: { role: 'agent' }, cookie: admin });
    expect(await socket.emitWithAck('site:update', { siteId: 'demo', name: 'Renamed twice' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect((await t.server.store.getSite('demo'))!.name).toBe('Renamed once');
  });

  it('refuses to demote or deactivate the last active admin', async () => {
    const self = (await api(t.server.url, '/api/auth/me', { cookie: admin })).body.data.id;
    for (const body of [{ role: 'agent' }, { active: false }]) {
      const r = await api(t.server.url, `/api/team/agents/${self}`, { method: 'PATCH', body, cookie: admin });
      expect(r).toMatchObject({ status: 409, body: { code: 'last_admin' } });
    }
    // A deactivated admin does not count as one who could still manage the team.
    const other = await inviteAndAccept(t.server.url, admin, 'second@test.local', 'admin');
    await api(t.server.url, `/api/team/agents/${other.agent.id}`, { method: 'PATCH', body: { active: false }, cookie: admin });
    expect(
      (await api(t.server.url, `/api/team/agents/${self}`, { method: 'PATCH', body: { role: 'agent' }, cookie: admin })).body.code,
    ).toBe('last_admin');
    expect((await t.server.store.getAgent(self))!.role).toBe('admin');
  });
});

describe('deactivation', () => {
  it('ends the invitations an admin handed out when they are deactivated or made an agent', async () => {
    for (const change of [{ active: false }, { role: 'agent' }]) {
      const email = `boss-${Object.keys(change)[0]}@test.local`;
      const boss = await inviteAndAccept(t.server.url, admin, email, 'admin', 'Boss');
      const handedOut = await api(t.server.url, '/api/team/invites', {
        body: { email: `friend-${email}`, role: 'admin' },
        cookie: boss.cookie,
      });
      const token = tokenOf(handedOut.body.data.link);
      await api(t.server.url, `/api/team/agents/${boss.agent.id}`, { method: 'PATCH', body: change, cookie: admin });
      const r = await api(t.server.url, `/api/auth/invite/${token}`, { body: { name: 'Friend', password: 'long enough' } });
      expect(r).toMatchObject({ status: 410, body: { code: 'link_revoked' } });
      expect(await t.server.store.getAgentByEmail(`friend-${email}`)).toBeNull();
    }
  });

  it("closes the agent's open consoles at once, refuses their cookie, socket and sign-in, and reactivation needs a new sign-in", async () => {
    const petra = await inviteAndAccept(t.server.url, admin, 'petra@test.local');
    const tab1 = t.track(await agentWith(t.server.url, petra.cookie));
    const tab2 = t.track(
      await agentWith(t.server.url, await signInCookie(t.server.url, { email: 'petra@test.local', password: petra.password })),
    );
    const closed = Promise.all([nextEvent(tab1, 'disconnect'), nextEvent(tab2, 'disconnect')]);
    const r = await api(t.server.url, `/api/team/agents/${petra.agent.id}`, { method: 'PATCH', body: { active: false }, cookie: admin });
    expect(r.body.data).toMatchObject({ active: false });
    await closed;
    expect(await api(t.server.url, '/api/auth/me', { cookie: petra.cookie })).toMatchObject({
      status: 401,
      body: { code: 'unauthorized' },
    });
    const refused = await agentWith(t.server.url, petra.cookie).catch(
      (err: Error & { data?: { code: string; message: string } }) => err.data,
    );
    expect(refused).toMatchObject({ code: 'unauthorized', message: expect.stringMatching(/deactivated/) });
    const login = await api(t.server.url, '/api/auth/login', { body: { email: 'petra@test.local', password: petra.password } });
    expect(login).toMatchObject({ status: 403, body: { code: 'account_deactivated' } });

    await api(t.server.url, `/api/team/agents/${petra.agent.id}`, { method: 'PATCH', body: { active: true }, cookie: admin });
    expect((await api(t.server.url, '/api/auth/me', { cookie: petra.cookie })).status).toBe(401);
    expect((await api(t.server.url, '/api/auth/login', { body: { email: 'petra@test.local', password: petra.password } })).status).toBe(
      200,
    );
  });

  it('leaves a deactivated agent out of presence', async () => {
    const petra = await inviteAndAccept(t.server.url, admin, 'petra@test.local');
    const socket = t.track(await agentWith(t.server.url, petra.cookie));
    const adminSocket = t.track(await agentWith(t.server.url, admin));
    const before = await adminSocket.emitWithAck('agent:presence', {});
    expect(before.ok && before.data.map((a) => a.name)).toContain('Petra');
    await api(t.server.url, `/api/team/agents/${petra.agent.id}`, { method: 'PATCH', body: { active: false }, cookie: admin });
    socket.disconnect();
    const after = await adminSocket.emitWithAck('agent:presence', {});
    expect(after.ok && after.data.map((a) => a.name)).not.toContain('Petra');
  });
});

describe('alerts', () => {
  it('emails unhappy feedback to the active admins only, not to a deactivated one', async () => {
    const { startSmtp } = await import('../helpers/smtp');
    const { visitor } = await import('../helpers/server');
    const smtp = await startSmtp();
    try {
      await t.server.close();
      t.server = await startTestServer(t.data.dir, 0, { SMTP_URL: smtp.url });
      admin = await signInCookie(t.server.url);
      // With SMTP the invitation goes by email: take the link from it.
      await api(t.server.url, '/api/team/invites', { body: { email: 'gone@test.local', role: 'admin' }, cookie: admin });
      const [invite] = await smtp.waitFor(1);
      const link = /http:\/\/\S+\/console\/invite\/[A-Za-z0-9_-]+/.exec(invite!.text ?? '')![0];
      const joined = await api(t.server.url, `/api/auth/invite/${tokenOf(link)}`, { body: { name: 'Gone', password: 'long enough' } });
      await api(t.server.url, `/api/team/agents/${joined.body.data.id}`, { method: 'PATCH', body: { active: false }, cookie: admin });

      const v = await visitor(t.server.url);
      t.track(v.socket);
      const sent = await v.socket.emitWithAck('feedback:send', {
        rating: 1,
        category: 'complaint',
        text: 'Broken on arrival',
        contact: { mode: 'anonymous' },
        page: { url: 'http://shop.test/', title: 'Shop' },
        locale: 'en',
      });
      expect(sent.ok).toBe(true);
      const mails = await smtp.waitFor(2);
      expect(mails.slice(1).map((m) => (m.to as { text: string }).text)).toEqual(['admin@test.local']);
      // Nothing was even queued for the deactivated admin (alerts are queued together, before sending).
      if (!sent.ok) throw new Error(sent.message);
      expect(await t.server.store.getOutbox(`unhappy-${sent.data.id}-${joined.body.data.id}`)).toBeNull();
      expect(
        await t.server.store.getOutbox(`unhappy-${sent.data.id}-${(await t.server.store.getAgentByEmail('admin@test.local'))!.id}`),
      ).not.toBeNull();
    } finally {
      await smtp.close();
    }
  });
});
