import { describe, expect, it } from 'vitest';
import { hasSavedChat } from '../../widget/embed/saved-chat';
import { siteStorage } from '../../widget/storage';
import { memoryStorage } from './helpers/memory-storage';

describe('site storage', () => {
  it('merges changes into what is saved', () => {
    const backend = memoryStorage();
    const storage = siteStorage('earshot:demo', () => backend);
    storage.write({ token: 't1' });
    storage.write({ conversationId: 'c1' });
    expect(storage.read()).toEqual({ token: 't1', conversationId: 'c1', outbox: [] });
  });

  it('keeps working when storage throws, as in Safari private mode', () => {
    const storage = siteStorage('earshot:demo', () => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(() => storage.write({ token: 't1' })).not.toThrow();
    expect(storage.read()).toEqual({ token: null, conversationId: null, outbox: [] });
  });

  it('ignores a corrupt entry', () => {
    const backend = memoryStorage({ 'earshot:demo': '{not json' });
    expect(siteStorage('earshot:demo', () => backend).read().token).toBeNull();
    expect(hasSavedChat('earshot:demo', () => backend)).toBe(false);
  });

  it('counts unsent messages as a saved chat', () => {
    const backend = memoryStorage({ 'earshot:demo': JSON.stringify({ outbox: [{ id: 'a', text: 'hi' }] }) });
    expect(hasSavedChat('earshot:demo', () => backend)).toBe(true);
  });
});
