import { describe, expect, it } from 'vitest';
import { agent, signInCookie, useServer } from '../helpers/server';
import { agentWith, inviteAndAccept } from '../helpers/team';

const t = useServer();

describe('canned replies over the agent socket', () => {
  it('lets an admin add shared replies and every agent their own, each seeing the shared ones and only their own', async () => {
    const admin = t.track(await agent(t.server.url));
    const petra = await inviteAndAccept(t.server.url, await signInCookie(t.server.url), 'petra@test.local');
    const p = t.track(await agentWith(t.server.url, petra.cookie));
    const shared = await admin.emitWithAck('canned:save', { shortcut: 'thanks', text: 'Thanks, {visitor.name}!', shared: true });
    expect(shared).toMatchObject({ ok: true, data: { shortcut: 'thanks', agentId: null } });
    const own = await p.emitWithAck('canned:save', { shortcut: 'hi', text: 'Hi, I am {agent.name}.' });
    expect(own).toMatchObject({ ok: true, data: { shortcut: 'hi', agentId: petra.agent.id } });
    const mine = await p.emitWithAck('canned:list', {});
    expect(mine.ok && mine.data.map((r) => r.shortcut)).toEqual(['hi', 'thanks']);
    const admins = await admin.emitWithAck('canned:list', {});
    expect(admins.ok && admins.data.map((r) => r.shortcut)).toEqual(['thanks']);
  });

  it('refuses an agent adding, changing or deleting a shared reply, and anyone else touching an own one', async () => {
    const admin = t.track(await agent(t.server.url));
    const petra = await inviteAndAccept(t.server.url, await signInCookie(t.server.url), 'petra@test.local');
    const p = t.track(await agentWith(t.server.url, petra.cookie));
    expect(await p.emitWithAck('canned:save', { shortcut: 'x', text: 'x', shared: true })).toMatchObject({ ok: false, code: 'forbidden' });
    const shared = await admin.emitWithAck('canned:save', { shortcut: 'thanks', text: 'Thanks!', shared: true });
    if (!shared.ok) throw new Error(shared.message);
    expect(await p.emitWithAck('canned:save', { id: shared.data.id, shortcut: 'thanks', text: 'Mine now' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await p.emitWithAck('canned:delete', { id: shared.data.id })).toMatchObject({ ok: false, code: 'forbidden' });
    const own = await p.emitWithAck('canned:save', { shortcut: 'hi', text: 'Hi' });
    if (!own.ok) throw new Error(own.message);
    expect(await admin.emitWithAck('canned:delete', { id: own.data.id })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await p.emitWithAck('canned:delete', { id: own.data.id })).toEqual({ ok: true, data: null });
  });

  it('answers a taken shortcut and a bad one with a clear error naming the field', async () => {
    const admin = t.track(await agent(t.server.url));
    await admin.emitWithAck('canned:save', { shortcut: 'hi', text: 'Hi' });
    expect(await admin.emitWithAck('canned:save', { shortcut: 'hi', text: 'Hello' })).toMatchObject({
      ok: false,
      code: 'shortcut_taken',
      field: 'shortcut',
      message: 'Another of your replies already has the shortcut /hi.',
    });
    expect(await admin.emitWithAck('canned:save', { shortcut: 'two words', text: 'Hello' })).toMatchObject({
      ok: false,
      code: 'invalid_payload',
      field: 'shortcut',
    });
    expect(await admin.emitWithAck('canned:save', { shortcut: 'ok', text: '   ' })).toMatchObject({
      ok: false,
      code: 'invalid_payload',
      field: 'text',
    });
  });
});
