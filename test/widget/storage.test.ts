import { afterEach, describe, expect, it, vi } from 'vitest';
import { hasSavedChat } from '../../widget/embed/saved-chat';
import { siteStorage } from '../../widget/storage';
import { memoryStorage } from './helpers/memory-storage';

afterEach(() => vi.unstubAllGlobals());

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
    vi.stubGlobal('localStorage', backend);
    expect(hasSavedChat('earshot:demo')).toBe(false);
  });

  it('counts unsent messages as a saved chat', () => {
    const backend = memoryStorage({ 'earshot:demo': JSON.stringify({ outbox: [{ id: 'a', text: 'hi' }] }) });
    vi.stubGlobal('localStorage', backend);
    expect(hasSavedChat('earshot:demo')).toBe(true);
  });

  it('counts a token with a conversation as a saved chat, and neither alone, nor an empty entry', () => {
    const backend = memoryStorage();
    vi.stubGlobal('localStorage', backend);
    expect(hasSavedChat('earshot:demo')).toBe(false);
    backend.setItem('earshot:demo', JSON.stringify({ token: 't1', conversationId: null, outbox: [] }));
    expect(hasSavedChat('earshot:demo')).toBe(false);
    backend.setItem('earshot:demo', JSON.stringify({ token: null, conversationId: 'c1', outbox: [] }));
    expect(hasSavedChat('earshot:demo')).toBe(false);
    backend.setItem('earshot:demo', JSON.stringify({ token: 't1', conversationId: 'c1', outbox: [] }));
    expect(hasSavedChat('earshot:demo')).toBe(true);
  });

  it('finds no saved chat where storage throws', () => {
    vi.stubGlobal('localStorage', {
      getItem() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    expect(hasSavedChat('earshot:demo')).toBe(false);
  });
});
