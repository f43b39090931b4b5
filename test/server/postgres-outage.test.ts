import { nanoid } from 'nanoid';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Earshot } from '../../server/app';
import { startTestServer, tempDataDir, visitor } from '../helpers/server';
import { databaseUrlFor, STORE } from '../helpers/stores';
import { tcpProxy } from '../helpers/tcp-proxy';

// Postgres goes away mid-run (the node's connections run through a proxy the test cuts): the node
// says so once, answers 503 on /healthz and "unavailable" to clients (who retry), and serves
// again by itself when it is back, with nothing stored twice.
const data = tempDataDir();
const lines: string[] = [];
let proxy: Awaited<ReturnType<typeof tcpProxy>>;
let server: Earshot;

beforeAll(async () => {
  if (STORE !== 'postgres') return;
  const direct = new URL((await databaseUrlFor(data.dir))!);
  proxy = await tcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  const viaProxy = new URL(direct);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  server = await startTestServer(data.dir, 0, { DATABASE_URL: viaProxy.toString() }, { log });
});
afterAll(async () => {
  await server?.close();
  await proxy?.close();
  data.remove();
});

const health = async () => {
  const res = await fetch(`${server.url}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe.skipIf(STORE !== 'postgres')('Postgres down mid-run', () => {
  it('is logged once, answers 503 and "unavailable", and serves again by itself when Postgres is back', async () => {
    const v = await visitor(server.url);
    try {
      const first = await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'Before the outage' });
      if (!first.ok) throw new Error(first.code);

      proxy.cut();
      await expect.poll(async () => (await health()).status).toBe(503);
      expect((await health()).body).toMatchObject({ ok: false, code: 'unavailable', store: 'down' });
      const id = nanoid();
      const send = { id, conversationId: first.data.conversationId, text: 'During the outage' };
      // Told to retry, not that something went wrong for good.
      expect(await v.socket.emitWithAck('message:send', send)).toMatchObject({ ok: false, code: 'unavailable' });
      const down = lines.filter((l) => /Postgres at 127\.0\.0\.1:\d+\/\w+ is down/.test(l));
      expect(down).toHaveLength(1);

      proxy.restore();
      await expect.poll(async () => (await health()).status, { timeout: 15_000 }).toBe(200);
      expect(lines.some((l) => /Postgres at 127\.0\.0\.1:\d+\/\w+ is back/.test(l))).toBe(true);
      // The widget's retry with the same id is stored once, next in line.
      expect(await v.socket.emitWithAck('message:send', send)).toMatchObject({ ok: true, data: { id, seq: first.data.seq + 1 } });
      expect(await v.socket.emitWithAck('message:send', send)).toMatchObject({ ok: true, data: { id, seq: first.data.seq + 1 } });
      const page = await v.socket.emitWithAck('message:list', { conversationId: first.data.conversationId, after: 0 });
      const texts = page.ok && page.data.messages.filter((m) => m.author === 'visitor').map((m) => m.text);
      expect(texts).toEqual(['Before the outage', 'During the outage']);
    } finally {
      v.socket.disconnect();
    }
  });
});
