import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { STORE_RULES } from '../../server/domain/store-rules';
import { openSqliteStore } from '../../server/store/sqlite';
import { newConversation, newMessage, useTestStore } from '../helpers/stores';

// What only the SQLite store does: group commit of the appends of one event-loop turn (a batch
// fails or succeeds together), the conversation rows it keeps for them, and the WAL it
// checkpoints. The contract both stores keep is store.test.ts.

const t = useTestStore((dir) => openSqliteStore(dir, STORE_RULES));

const conversation = () => newConversation(t.store);
const msg = newMessage;

describe('SQLite t.store, batched appends', () => {
  it('starts again from what was committed after a batch fails', async () => {
    const a = await conversation();
    const failed = await Promise.allSettled([
      t.store.appendMessage(msg({ id: 'lost', conversationId: a.c.id })),
      // Not a refusal but a failure of the statement: the whole batch rolls back.
      t.store.appendMessage(msg({ id: 'broken', conversationId: a.c.id, text: null as unknown as string })),
    ]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    const next = await t.store.appendMessage(msg({ id: 'next', conversationId: a.c.id }));
    expect(next.message.seq).toBe(1);
    expect(next.conversation).toEqual(await t.store.getConversation(a.c.id));
  });

  it('fails one batch, not every one after it, when the file changed behind its back', async () => {
    const a = await conversation();
    const b = await conversation();
    await t.store.appendMessage(msg({ id: 'first', conversationId: a.c.id }));
    const other = new Database(path.join(t.data.dir, 'earshot.sqlite'));
    try {
      other
        .prepare(`INSERT INTO messages (id, conversation_id, seq, author, text, created_at) VALUES ('outside', ?, 2, 'visitor', 'x', ?)`)
        .run(a.c.id, new Date().toISOString());
      other.prepare('UPDATE conversations SET last_seq = 2 WHERE id = ?').run(a.c.id);
    } finally {
      other.close();
    }
    const once = await Promise.allSettled([
      t.store.appendMessage(msg({ id: 'clash', conversationId: a.c.id })),
      t.store.appendMessage(msg({ id: 'bystander', conversationId: b.c.id })),
    ]);
    expect(once.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    const after = await Promise.all([
      t.store.appendMessage(msg({ id: 'clash', conversationId: a.c.id })),
      t.store.appendMessage(msg({ id: 'bystander', conversationId: b.c.id })),
    ]);
    expect(after.map((r) => r.message.seq)).toEqual([3, 1]);
  });

  it('keeps appended messages after the file is closed and opened again', async () => {
    const a = await conversation();
    await t.store.appendMessage(msg({ id: 'kept', conversationId: a.c.id }));
    await t.store.close();
    t.store = openSqliteStore(t.data.dir, STORE_RULES);
    expect((await t.store.getMessage('kept'))?.seq).toBe(1);
  });
});

describe('SQLite t.store, write-ahead log', () => {
  it('keeps the WAL short under steady writes: the checkpointer thread copies it and starts it over', async () => {
    await t.store.close();
    const file = path.join(t.data.dir, 'earshot.sqlite');
    t.store = openSqliteStore(t.data.dir, STORE_RULES, { everyMs: 5, restartFrames: 50 });
    const written = fs.statSync(file).mtimeMs;
    const { visitor, c } = await conversation();
    // The checkpointer's thread may take a while to start on a busy machine: its first checkpoint
    // writes the conversation's pages into the database file. Waited for without checkpointing
    // from here (that would let the WAL start over by itself).
    await expect.poll(() => fs.statSync(file).mtimeMs, { timeout: 10_000 }).not.toBe(written);
    // Far more frames than restartFrames, written without a pause long enough for a passive checkpoint to catch up.
    for (let i = 0; i < 600; i++) {
      await Promise.all(
        [0, 1, 2].map((j) => t.store.appendMessage(msg({ id: `w${i}-${j}`, conversationId: c.id, visitorId: visitor.id }))),
      );
    }
    const peek = new Database(file);
    try {
      const [{ log }] = peek.pragma('wal_checkpoint(PASSIVE)') as [{ log: number }];
      // About 3,500 frames were written; without a restart the WAL holds them all.
      expect(log).toBeLessThan(1500);
    } finally {
      peek.close();
    }
    const page = await t.store.listMessages(c.id, 0, 5000);
    expect(page.length).toBe(1800);
  });
});
