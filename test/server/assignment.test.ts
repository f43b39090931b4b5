import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import type { ConversationSummary, VisitorConversation } from '../../protocol/types';
import { hashPassword } from '../../server/domain/secrets';
import { agent, connected, nextEvent, signInCookie, useServer, visitor, type AgentSocket } from '../helpers/server';

const t = useServer({ startOpts: { assignmentSweepMs: 50 } });

/** A signed-in console of a new agent named `name`. */
async function agentNamed(name: string): Promise<{ socket: AgentSocket; id: string }> {
  const email = `${name.toLowerCase()}@shop.test`;
  const id = `agent-${name.toLowerCase()}`;
  await t.server.store.createAgent({
    id,
    email,
    name,
    role: 'agent',
    passwordHash: await hashPassword('agent-password'),
    createdAt: new Date().toISOString(),
  });
  const cookie = await signInCookie(t.server.url, { email, password: 'agent-password' });
  const socket: AgentSocket = t.track(io(`${t.server.url}/agent`, { transports: ['websocket'], forceNew: true, extraHeaders: { cookie } }));
  return { socket: await connected(socket), id };
}

async function newChat(text = 'Hello?') {
  const v = await visitor(t.server.url);
  t.track(v.socket);
  const sent = await v.socket.emitWithAck('message:send', { id: `m-${v.hello.visitorId}`, conversationId: null, text });
  if (!sent.ok) throw new Error(sent.code);
  return { v: v.socket, conversationId: sent.data.conversationId };
}

const assignedTo = (conversationId: string, agentId: string | null) => (s: ConversationSummary) =>
  s.id === conversationId && (s.assignee?.id ?? null) === agentId;

/** The admin sets the demo site's assignment as the Settings page does, then leaves (not an agent to assign to). */
async function setAssignment(auto: boolean, graceSeconds = 120) {
  const admin = await agent(t.server.url);
  const res = await admin.emitWithAck('site:update', { siteId: 'demo', assignment: { auto, capacity: 1, graceSeconds } });
  admin.disconnect();
  expect(res).toMatchObject({ ok: true, data: { assignment: { auto, capacity: 1, graceSeconds } } });
}

describe('assignment', () => {
  it('gives an unassigned chat to one of two agents claiming at once; the other is told who has it', async () => {
    const [ana, bob] = await Promise.all([agentNamed('Ana'), agentNamed('Bob')]);
    const { conversationId } = await newChat();
    const [a, b] = await Promise.all(
      [ana, bob].map((x) => x.socket.emitWithAck('conversation:assign', { conversationId, agentId: x.id, from: null })),
    );
    const won = [a, b].filter((r) => r!.ok);
    const lost = [a, b].find((r) => !r!.ok);
    expect(won).toHaveLength(1);
    const winner = won[0]!.ok ? won[0]!.data.assignee! : null;
    expect(lost).toEqual({ ok: false, code: 'already_claimed', message: `${winner!.name} has this chat now.` });
    expect((await t.server.store.getConversation(conversationId))?.assigneeId).toBe(winner!.id);
  });

  it('a reply takes an unassigned chat; the visitor hears the agent’s name, never the transfer note', async () => {
    const [ana, bob] = await Promise.all([agentNamed('Ana'), agentNamed('Bob')]);
    const { v, conversationId } = await newChat();
    const heard: VisitorConversation[] = [];
    v.on('conversation:status', (c) => heard.push(c));
    // The reply's inbox row names who took it.
    const taken = new Promise<ConversationSummary>((resolve) => bob.socket.on('message:new', (_m, row) => resolve(row)));
    expect(await ana.socket.emitWithAck('message:send', { id: 'r1', conversationId, text: 'Hi, Ana here' })).toMatchObject({ ok: true });
    expect((await taken).assignee).toEqual({ id: ana.id, name: 'Ana' });
    const moved = nextEvent<ConversationSummary>(bob.socket, 'conversation:updated', assignedTo(conversationId, bob.id));
    const told = nextEvent<VisitorConversation>(v, 'conversation:status', (c) => c.agentName === 'Bob');
    const res = await ana.socket.emitWithAck('conversation:assign', {
      conversationId,
      agentId: bob.id,
      from: ana.id,
      note: 'Wants a refund',
    });
    expect(res).toMatchObject({
      ok: true,
      data: { assignee: { id: bob.id, name: 'Bob' }, handoff: { note: 'Wants a refund', byName: 'Ana' } },
    });
    expect((await moved).handoff).toEqual({ note: 'Wants a refund', byName: 'Ana' });
    await told;
    // Status changes (pending to open) say nothing of the agent; assignments name them.
    expect(heard.map((c) => c.agentName).filter((n) => n !== undefined)).toEqual(['Ana', 'Bob']);
    expect(JSON.stringify(heard)).not.toContain('refund');
    // A transfer from an agent who no longer has it is refused, naming who has.
    expect(await ana.socket.emitWithAck('conversation:assign', { conversationId, agentId: ana.id, from: ana.id })).toEqual({
      ok: false,
      code: 'already_claimed',
      message: 'Bob has this chat now.',
    });
  });

  it('refuses an unknown agent and an unknown conversation', async () => {
    const ana = await agentNamed('Ana');
    const { conversationId } = await newChat();
    expect(await ana.socket.emitWithAck('conversation:assign', { conversationId, agentId: 'nobody' })).toMatchObject({
      ok: false,
      code: 'invalid_payload',
    });
    expect(await ana.socket.emitWithAck('conversation:assign', { conversationId: 'nope', agentId: ana.id })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });

  it('assigns new chats round robin among online agents under the capacity, and none beyond it', async () => {
    await setAssignment(true);
    const [ana, bob] = await Promise.all([agentNamed('Ana'), agentNamed('Bob')]);
    const rows: ConversationSummary[] = [];
    ana.socket.on('conversation:updated', (r) => rows.push(r));
    const owner = async (conversationId: string) => {
      await expect.poll(() => rows.find((r) => r.id === conversationId && r.assignee)).toBeTruthy();
      return rows.find((r) => r.id === conversationId && r.assignee)!.assignee!.id;
    };
    const owners = [await owner((await newChat('one')).conversationId), await owner((await newChat('two')).conversationId)];
    // Both are at capacity (one each): the third waits in Unassigned.
    const third = await newChat('three');
    const list = await ana.socket.emitWithAck('conversation:list', {});
    expect(list.ok && list.data.find((r) => r.id === third.conversationId)?.assignee).toBeNull();
    expect(owners.sort()).toEqual([ana.id, bob.id].sort());
  });

  it('returns the chat of an agent gone offline to Unassigned after the grace period', async () => {
    await setAssignment(false, 0);
    const [ana, bob] = await Promise.all([agentNamed('Ana'), agentNamed('Bob')]);
    const { conversationId } = await newChat();
    await bob.socket.emitWithAck('conversation:assign', { conversationId, agentId: bob.id, from: null });
    const released = nextEvent<ConversationSummary>(ana.socket, 'conversation:updated', assignedTo(conversationId, null));
    bob.socket.disconnect();
    await released;
    expect((await t.server.store.getConversation(conversationId))?.assigneeId).toBeNull();
  });
});
