import { describe, expect, it } from 'vitest';
import { mergeSaved, storedList } from '../../../client/outbox/saved';
import { memoryStorage } from '../../widget/helpers/memory-storage';
import { agentOutboxStorage, outboxKey, restoreReplies, type SavedReply } from '../../../console/net/agent-outbox';

const reply = (id: string, extra: Partial<SavedReply> = {}): SavedReply => ({
  id,
  conversationId: 'c1',
  text: `text ${id}`,
  createdAt: `2025-01-01T12:00:0${id.slice(-1)}.000Z`,
  ...extra,
});

describe('saved outbox', () => {
  it('keeps a saved queue across a reload: what was in flight comes back queued, a refused one failed', () => {
    const backend = memoryStorage();
    agentOutboxStorage('http://relay.test', 'a1', () => backend).write([
      reply('r1'),
      reply('r2', { error: 'Too long.' }),
      reply('r3', { conversationId: null, feedbackId: 'f1' }),
    ]);
    const again = agentOutboxStorage('http://relay.test', 'a1', () => backend).read();
    expect(restoreReplies(again).map((p) => [p.id, p.state, p.error, p.feedbackId])).toEqual([
      ['r1', 'queued', null, undefined],
      ['r2', 'failed', 'Too long.', undefined],
      ['r3', 'queued', null, 'f1'],
    ]);
  });

  it('keeps one queue per agent and per relay, so another agent signing in on the browser never sends it', () => {
    const backend = memoryStorage();
    agentOutboxStorage('http://relay.test', 'a1', () => backend).write([reply('r1')]);
    expect(agentOutboxStorage('http://relay.test', 'a2', () => backend).read()).toEqual([]);
    expect(agentOutboxStorage('http://other.test', 'a1', () => backend).read()).toEqual([]);
    expect(outboxKey('http://relay.test', 'a1')).not.toBe(outboxKey('http://relay.test', 'a2'));
  });

  it('drops what is not a saved entry and survives storage that throws', () => {
    const backend = memoryStorage();
    const good = { id: 'ok', text: 't', createdAt: 'c', conversationId: 'c1' };
    backend.setItem(
      outboxKey('r', 'a1'),
      JSON.stringify([{ id: 1 }, 'x', null, { id: 'no-target', text: 't', createdAt: 'c', conversationId: null }, good]),
    );
    expect(agentOutboxStorage('r', 'a1', () => backend).read()).toEqual([good]);
    backend.setItem(outboxKey('r', 'a1'), '{not json');
    expect(agentOutboxStorage('r', 'a1', () => backend).read()).toEqual([]);
    const broken = storedList(
      'k',
      (_e): _e is unknown => true,
      () => {
        throw new Error('blocked');
      },
    );
    expect(broken.read()).toEqual([]);
    expect(() => broken.write([1])).not.toThrow();
  });

  it("writes this tab's change and keeps another tab's entries, oldest first", () => {
    const other = reply('r1');
    const sent = reply('r2');
    const mine = reply('r3');
    expect(mergeSaved([other, sent], [sent], [mine]).map((e) => e.id)).toEqual(['r1', 'r3']);
  });
});
