import { describe, expect, it } from 'vitest';
import { nanoid } from 'nanoid';
import { agent, useServer, visitor } from '../helpers/server';

const t = useServer({ smtp: true });

describe('internal notes and email', () => {
  it('leaves notes out of the transcript the visitor asks for', async () => {
    const a = t.track(await agent(t.server.url));
    const v = await visitor(t.server.url);
    t.track(v.socket);
    const first = await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'Is the mug dishwasher safe?' });
    if (!first.ok) throw new Error(first.message);
    const c = first.data.conversationId;
    await a.emitWithAck('message:send', { id: nanoid(), conversationId: c, text: 'SECRET-NOTE check the supplier', note: true });
    await a.emitWithAck('message:send', { id: nanoid(), conversationId: c, text: 'Yes it is.' });
    await a.emitWithAck('conversation:setStatus', { conversationId: c, status: 'resolved' });
    expect(await v.socket.emitWithAck('transcript:send', { conversationId: c, email: 'ana@example.test' })).toMatchObject({ ok: true });
    const [mail] = await t.smtp.waitFor(1);
    const body = `${mail!.text ?? ''}${mail!.html || ''}`;
    expect(body).toContain('Yes it is.');
    expect(body).not.toContain('SECRET-NOTE');
  });
});
