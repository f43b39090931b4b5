/**
 * `npm run bench:store`: what storing a visitor's message costs, without sockets. 1,000
 * conversations, messages round-robin over them, appended in group-commit batches of several
 * sizes; prints CPU per message (this process, all threads: the checkpointer's copying counts)
 * and the bytes written per message (WAL and checkpoints). Steadier than the relay ramp, so
 * storage changes are judged here first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nanoid } from 'nanoid';
import { ensureDemoSite } from '../server/domain/sites';
import { createVisitor } from '../server/domain/visitors';
import { STORE_RULES } from '../server/domain/store-rules';
import { openSqliteStore } from '../server/store/sqlite';
import { table } from './stats';

const CONVERSATIONS = 1000;
const MESSAGES = Number(process.env.BENCH_STORE_MESSAGES ?? 100_000);
const BATCHES = (process.env.BENCH_STORE_BATCHES ?? '1,10,50').split(',').map(Number);
/** Bytes this process handed to write(2) so far, all threads (Linux; 0 elsewhere). */
const bytesWritten = () => Number(/wchar: (\d+)/.exec(fs.readFileSync('/proc/self/io', 'utf8'))?.[1] ?? 0);

const rows: (string | number)[][] = [['batch', 'messages', 'CPU µs/msg', 'wall µs/msg', 'written KiB/msg']];
for (const batch of BATCHES) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-bench-store-'));
  try {
    const store = openSqliteStore(dir, STORE_RULES);
    await ensureDemoSite(store);
    const convs: { id: string; visitorId: string }[] = [];
    for (let i = 0; i < CONVERSATIONS; i++) {
      const { visitor } = await createVisitor(store, 'demo', null);
      const c = await store.latestOrNewConversation(visitor.id, 'demo', nanoid(), new Date().toISOString());
      convs.push({ id: c.id, visitorId: visitor.id });
    }
    let sent = 0;
    const append = () => {
      const c = convs[sent % CONVERSATIONS]!;
      sent++;
      return store.appendMessage({
        id: nanoid(),
        conversationId: c.id,
        author: 'visitor',
        agentId: null,
        authorName: null,
        text: `bench message ${sent}`,
        now: new Date().toISOString(),
        visitorId: c.visitorId,
      });
    };
    // Warm-up: the indexes reach a size where a batch's pages are mostly distinct.
    while (sent < MESSAGES / 5) await Promise.all(Array.from({ length: 50 }, append));
    const from = sent;
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const written0 = bytesWritten();
    while (sent < from + MESSAGES) await Promise.all(Array.from({ length: batch }, append));
    const written = bytesWritten() - written0;
    const cpu = process.cpuUsage(cpu0);
    const n = sent - from;
    const wall = Number(process.hrtime.bigint() - t0) / 1000;
    rows.push([batch, n, ((cpu.user + cpu.system) / n).toFixed(1), (wall / n).toFixed(1), (written / 1024 / n).toFixed(1)]);
    await store.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
console.log(`Earshot store benchmark: ${CONVERSATIONS} conversations, appends in group-commit batches, SQLite in ${os.tmpdir()}`);
console.log(table(rows));
