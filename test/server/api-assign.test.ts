import { nanoid } from 'nanoid';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../protocol/types';
import { makeToken, v1 } from '../helpers/rest-api';
import { agent, nextEvent, signInCookie, useServer, visitor } from '../helpers/server';

const t = useServer();
let token: string;
beforeEach(async () => {
  token = (await makeToken(t.server.url, await signInCookie(t.server.url))).secret;
});

async function newChat(text: string): Promise<string> {
  const v = await visitor(t.server.url);
  t.track(v.socket);
  const sent = await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text });
  if (!sent.ok) throw new Error(sent.message);
  return sent.data.conversationId;
}

describe('REST API: assignment', () => {
  it('assigns a conversation (live in the consoles), filters by assignee, and unassigns it', async () => {
    const [mine, other] = [await newChat('one'), await newChat('two')];
    const admin = (await t.server.store.listAgents())[0]!;
    const desk = t.track(await agent(t.server.url));
    const pushed = nextEvent<ConversationSummary>(desk, 'conversation:updated', (c) => c.id === mine && c.assignee?.id === admin.id);
    const r = await v1(t.server.url, `/conversations/${mine}/assign`, { token, body: { agent_id: admin.id, note: 'Call them back' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: mine, assignee_id: admin.id });
    expect((await pushed).handoff).toBeNull(); // A note to oneself is no hand-off.
    const ids = async (q: string) =>
      (await v1(t.server.url, `/conversations?assignee=${q}`, { token })).body.data.map((c: { id: string }) => c.id);
    expect(await ids(admin.id)).toEqual([mine]);
    expect(await ids('unassigned')).toEqual([other]);
    const back = await v1(t.server.url, `/conversations/${mine}/assign`, { token, body: { agent_id: null } });
    expect(back.body.assignee_id).toBeNull();
    expect((await v1(t.server.url, `/conversations/${mine}`, { token })).body.assignee_id).toBeNull();
  });

  it('answers problem details for an unknown agent, a bad body and an unknown conversation', async () => {
    const id = await newChat('hi');
    const unknown = await v1(t.server.url, `/conversations/${id}/assign`, { token, body: { agent_id: 'nobody' } });
    expect(unknown.status).toBe(400);
    expect(unknown.type).toContain('application/problem+json');
    expect((await v1(t.server.url, `/conversations/${id}/assign`, { token, body: { agent: 'x' } })).status).toBe(400);
    const nope = await v1(t.server.url, `/conversations/nope/assign`, { token, body: { agent_id: null } });
    expect(nope.status).toBe(404);
  });
});
