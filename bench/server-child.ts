/**
 * One relay under test, in its own process so its CPU and memory are its own.
 * argv[2]: `earshot` (the full path: validation, store, ack, fan-out) or `bare`
 * (a plain Socket.IO relay with the same events, the reference). Talks to the parent over IPC.
 * Earshot stores in SQLite, or in the Postgres of DATABASE_URL; with BENCH_REDIS_URL it joins the
 * other nodes through that Redis, under the key prefix BENCH_REDIS_PREFIX.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import pg from 'pg';
import { Server } from 'socket.io';
import { startEarshot } from '../server/app';
import { createRedisBus } from '../server/bus/redis-bus';
import { loadConfig } from '../server/config';
import { createLogger } from '../server/log';
import { BENCH_ADMIN } from './admin';

const impl = process.argv[2];
const send = (m: unknown) => process.send!(m);

async function startBare(): Promise<number> {
  const server = http.createServer();
  const io = new Server(server, { serveClient: false });
  let seq = 0;
  io.of('/agent').on('connection', (s) => void s.join('agents'));
  io.of('/visitor').on('connection', (socket) => {
    socket.on('visitor:hello', (_p, ack: (a: unknown) => void) => ack({ ok: true, data: { token: null, conversation: null } }));
    socket.on('message:send', (p: { id: string; conversationId: string | null; text: string }, ack: (a: unknown) => void) => {
      const m = {
        id: p.id,
        conversationId: p.conversationId ?? socket.id,
        seq: ++seq,
        author: 'visitor',
        authorName: null,
        text: p.text,
        createdAt: new Date().toISOString(),
      };
      io.of('/agent').to('agents').emit('message:new', m);
      ack({ ok: true, data: m });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

const databaseUrl = process.env.DATABASE_URL || null;
const redisUrl = process.env.BENCH_REDIS_URL || null;

async function startFull(dataDir: string): Promise<number> {
  const config = loadConfig(
    { EARSHOT_ADMIN_EMAIL: BENCH_ADMIN.email, EARSHOT_ADMIN_PASSWORD: BENCH_ADMIN.password, LOG_LEVEL: 'silent' },
    { host: '127.0.0.1', port: 0, dataDir, databaseUrl },
  );
  const unlimited = { points: 1e9, duration: 1 };
  // A bus of its own making, as the cluster tests do, for the key prefix: the bench's nodes keep apart from any other cluster.
  const bus = redisUrl
    ? await createRedisBus({ url: redisUrl, log: createLogger('silent'), prefix: process.env.BENCH_REDIS_PREFIX })
    : undefined;
  const limits = {
    visitorMessages: unlimited,
    newVisitors: unlimited,
    logins: unlimited,
    feedback: unlimited,
    callbacksPerIp: unlimited,
    callbacksPerPhone: unlimited,
    visitorEmailsPerIp: unlimited,
    visitorEmailsPerAddress: unlimited,
    visitorUpdates: unlimited,
    linkUses: unlimited,
    resetRequests: unlimited,
    resetRequestsPerIp: unlimited,
    apiRequests: unlimited,
  };
  const earshot = await startEarshot(config, { bus, limits });
  return Number(new URL(earshot.url).port);
}

async function countPostgres(url: string): Promise<number> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM messages')).rows[0]!.n);
  } finally {
    await client.end();
  }
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-bench-'));
process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
process.on('disconnect', () => process.exit(0));
// Exit through 'exit', so the data directory goes too.
process.on('SIGINT', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
process.on('message', (m: { cmd: string }) => {
  if (m.cmd === 'rss') {
    for (let i = 0; i < 3; i++) global.gc?.();
    send({ rss: process.memoryUsage().rss });
  } else if (m.cmd === 'cpu') {
    const u = process.cpuUsage();
    send({ cpu: u.user + u.system });
  } else if (m.cmd === 'count') {
    if (impl !== 'earshot') return send({ count: null });
    if (databaseUrl)
      return void countPostgres(databaseUrl).then(
        (count) => send({ count }),
        () => send({ count: null }),
      );
    const db = new Database(path.join(dataDir, 'earshot.sqlite'), { readonly: true });
    send({ count: (db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n });
    db.close();
  }
});
const port = impl === 'bare' ? await startBare() : await startFull(dataDir);
send({ port });
