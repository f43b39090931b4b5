import { describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from '../../server/config';
import { statusAfterMessage } from '../../server/domain/chat';
import { friendlyName } from '../../server/domain/friendly-name';
import { ownAwayMessage } from '../../server/domain/site-options';
import { hashPassword, verifyPassword } from '../../server/domain/secrets';
import type { ConversationRow } from '../../server/store/types';

const conv = (over: Partial<ConversationRow>): ConversationRow => ({
  id: 'c',
  siteId: 's',
  visitorId: 'v',
  status: 'pending',
  channel: 'chat',
  lastSeq: 0,
  agentReadSeq: 0,
  agentUnread: 0,
  survey: null,
  visitorReadSeq: 0,
  firstResponseAt: null,
  createdAt: '',
  updatedAt: '',
  ...over,
});

describe('conversation status', () => {
  it('becomes open when an agent replies', () => expect(statusAfterMessage('agent', conv({ status: 'pending' }))).toBe('open'));
  it('stays pending while only the visitor writes', () =>
    expect(statusAfterMessage('visitor', conv({ status: 'pending' }))).toBe('pending'));
  it('reopens a resolved conversation an agent had answered', () =>
    expect(statusAfterMessage('visitor', conv({ status: 'resolved', firstResponseAt: '2026-01-01' }))).toBe('open'));
  it('puts a resolved, never-answered conversation back to pending', () =>
    expect(statusAfterMessage('visitor', conv({ status: 'resolved' }))).toBe('pending'));
  it('is left as it is by an automatic answer', () => {
    expect(statusAfterMessage('system', conv({ status: 'resolved' }))).toBe('resolved');
    expect(statusAfterMessage('system', conv({ status: 'pending' }))).toBe('pending');
  });
});

describe('passwords', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('s3cret-pass');
    expect(hash).toMatch(/^scrypt\$/);
    expect(await verifyPassword('s3cret-pass', hash)).toBe(true);
    expect(await verifyPassword('s3cret-pasS', hash)).toBe(false);
  });
});

describe('friendly names', () => {
  it('gives the same visitor the same two-word name, and visitors different names', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `visitor-${i}`);
    const names = ids.map(friendlyName);
    // The name is a function of the id alone (nothing random, nothing kept between calls)...
    expect(ids.map(friendlyName)).toEqual(names);
    for (const n of names) expect(n).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    // ...and spreads visitors over many names, so two in an inbox rarely share one.
    expect(new Set(names).size).toBeGreaterThan(150);
  });
});

describe('configuration', () => {
  it('defaults to port 3000 and ./data', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.dataDir).toMatch(/data$/);
  });

  it('takes a postgres:// DATABASE_URL for the Postgres store, and refuses any other without repeating its password', () => {
    expect(loadConfig({}).databaseUrl).toBeNull();
    expect(loadConfig({ DATABASE_URL: 'postgres://earshot:pw@db.internal:5432/earshot' }).databaseUrl).toBe(
      'postgres://earshot:pw@db.internal:5432/earshot',
    );
    expect(loadConfig({ DATABASE_URL: 'postgresql://db.internal/earshot' }).databaseUrl).toBe('postgresql://db.internal/earshot');
    for (const wrong of ['mysql://u:hunter2@db/earshot', 'db.internal:5432', 'postgres://']) {
      expect(() => loadConfig({ DATABASE_URL: wrong })).toThrow(
        /DATABASE_URL must look like postgres:\/\/user:password@host:5432\/database/,
      );
      try {
        loadConfig({ DATABASE_URL: wrong });
      } catch (err) {
        expect((err as Error).message).not.toContain('hunter2');
      }
    }
  });

  it('refuses REDIS_URL without DATABASE_URL (nodes cannot share a SQLite file), and one that is not a Redis URL', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/REDIS_URL \(several relay nodes\) needs DATABASE_URL/);
    expect(() => loadConfig({ REDIS_URL: 'localhost:6379', DATABASE_URL: 'postgres://x' })).toThrow(/REDIS_URL must look like redis:\/\//);
    expect(loadConfig({}).redisUrl).toBeNull();
  });

  it('puts earshot: before Redis keys unless REDIS_PREFIX says otherwise, and refuses a prefix with spaces or braces', () => {
    expect(loadConfig({}).redisPrefix).toBe('earshot:');
    expect(loadConfig({ REDIS_PREFIX: 'shop-eu:' }).redisPrefix).toBe('shop-eu:');
    expect(() => loadConfig({ REDIS_PREFIX: 'my shop {1}' })).toThrow(/REDIS_PREFIX must be/);
  });

  it('believes a proxy on this machine by default, and the proxies TRUST_PROXY names', () => {
    expect(loadConfig({}).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, uniquelocal' }).trustProxy).toEqual(['10.0.0.0/8', 'uniquelocal']);
    expect(() => loadConfig({ TRUST_PROXY: 'the load balancer' })).toThrow(/TRUST_PROXY/);
  });

  it('lists every bad value in one error', () => {
    try {
      loadConfig({ PORT: 'eighty', PUBLIC_URL: 'ftp://x', LOG_LEVEL: 'loud', EARSHOT_ADMIN_EMAIL: 'a@b.c' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toContain('PORT');
      expect(problems).toContain('PUBLIC_URL');
      expect(problems).toContain('LOG_LEVEL');
      expect(problems).toContain('EARSHOT_ADMIN_PASSWORD');
    }
  });
});

describe('away message', () => {
  it("counts the default older versions stored (which promised email) as the default, and keeps an owner's own text", () => {
    expect(ownAwayMessage("We're away right now. Leave us a message and we'll answer by email.")).toBe('');
    expect(ownAwayMessage('Back on Monday, we will email you.')).toBe('Back on Monday, we will email you.');
  });
});
