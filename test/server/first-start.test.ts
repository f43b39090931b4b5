import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEarshot } from '../../server/app';
import { loadConfig } from '../../server/config';
import { PG_MIGRATIONS } from '../../server/store/postgres/migrations';
import { tempDataDir } from '../helpers/server';
import { databaseUrlFor, rawRows, STORE } from '../helpers/stores';

const dirs: ReturnType<typeof tempDataDir>[] = [];
const blockers: net.Server[] = [];
afterEach(() => {
  blockers.splice(0).forEach((b) => b.close());
  dirs.splice(0).forEach((d) => d.remove());
});

/** A port some other program holds. */
async function busyPort(): Promise<number> {
  const blocker = net.createServer();
  blockers.push(blocker);
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  return (blocker.address() as net.AddressInfo).port;
}

/** A fresh data directory, removed after the test. */
function freshDir(): string {
  const d = tempDataDir();
  dirs.push(d);
  return d.dir;
}

/**
 * Starts without EARSHOT_ADMIN_*, as `npm start` on a fresh machine does (on the run's store: the
 * directory stands for a schema on Postgres).
 */
async function start(dataDir: string, port = 0) {
  const databaseUrl = await databaseUrlFor(dataDir);
  return startEarshot(
    loadConfig({ LOG_LEVEL: 'silent', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }, { host: '127.0.0.1', port, dataDir }),
  );
}

/** What a start on `dataDir` says of the first admin (the server stops again). */
async function firstAdminAtStart(dataDir: string) {
  const earshot = await start(dataDir);
  await earshot.close();
  return earshot.firstAdmin;
}

async function login(url: string, email: string, password: string): Promise<number> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return res.status;
}

/** Runs the server's entry point (`npm start` without the build) with this environment until it exits. */
async function npmStart(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const root = path.resolve(import.meta.dirname, '../..');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', ...env },
  });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stdout, stderr };
}

describe('first start', () => {
  it('fails on a busy port before it creates anyone', async () => {
    const dataDir = freshDir();
    await expect(start(dataDir, await busyPort())).rejects.toMatchObject({ code: 'EADDRINUSE' });
    // Nothing was written, so the next start is a first start again.
    expect(fs.readdirSync(dataDir)).toEqual([]);
    const earshot = await start(dataDir);
    try {
      expect(earshot.firstAdmin).toMatchObject({ email: 'admin@earshot.local', createdNow: true });
      expect(earshot.firstAdmin!.generatedPassword).toMatch(/^\S{16}$/);
    } finally {
      await earshot.close();
    }
  });

  it('shows a generated password again at every start until someone signs in with it', async () => {
    const dataDir = freshDir();
    const first = await start(dataDir);
    const password = first.firstAdmin!.generatedPassword!;
    await first.close();

    const second = await start(dataDir);
    expect(second.firstAdmin).toEqual({ email: 'admin@earshot.local', generatedPassword: password, createdNow: false });
    expect(await login(second.url, 'admin@earshot.local', 'not the password')).toBe(401);
    expect(await login(second.url, 'admin@earshot.local', password)).toBe(200);
    await second.close();

    expect(await firstAdminAtStart(dataDir)).toBeNull();
  });

  it('stops showing the generated password once it is replaced (a reset link or the CLI)', async () => {
    const dataDir = freshDir();
    const first = await start(dataDir);
    const admin = (await first.store.getAgentByEmail('admin@earshot.local'))!;
    await first.store.setAgentPassword(admin.id, 'scrypt$not-the-generated-one', null);
    await first.close();
    expect(await firstAdminAtStart(dataDir)).toBeNull();
  });

  it('creates the demo site on a fresh server only: once an owner deleted it, it stays deleted', async () => {
    const dataDir = freshDir();
    const first = await start(dataDir);
    expect((await first.store.listSites()).map((s) => s.id)).toEqual(['demo']);
    const demo = (await first.store.getSite('demo'))!;
    await first.store.createSite({ ...demo, id: 'shop', name: 'Shop' });
    await first.store.deleteSite('demo');
    await first.close();
    const second = await start(dataDir);
    expect((await second.store.listSites()).map((s) => s.id)).toEqual(['shop']);
    await second.close();
  });

  it(`two nodes starting at the same instant on an empty ${STORE} database both come up, with one schema, one admin and one demo site`, async () => {
    const dataDir = freshDir();
    const nodes = await Promise.all([start(dataDir), start(dataDir)]);
    try {
      for (const node of nodes) {
        expect((await node.store.listSites()).map((s) => s.id)).toEqual(['demo']);
        expect(await node.store.listAllAgents()).toHaveLength(1);
      }
      // Both print the one admin's generated password, whichever node made it.
      expect(nodes[0].firstAdmin!.generatedPassword).toBe(nodes[1].firstAdmin!.generatedPassword);
      expect(nodes.filter((n) => n.firstAdmin!.createdNow)).toHaveLength(1);
      // Postgres: the migrations ran once, under the advisory lock (SQLite's version lives in the file's header).
      if (STORE === 'postgres') {
        const versions = PG_MIGRATIONS.map((_, i) => ({ version: i + 1 }));
        expect(await rawRows(dataDir, 'SELECT version FROM schema_migrations ORDER BY version')).toEqual(versions);
      }
    } finally {
      await Promise.all(nodes.map((n) => n.close()));
    }
  });

  it('npm start with a DATABASE_URL where no Postgres answers prints one clear line and exits with 1', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await busyPort();
    await new Promise((resolve) => blockers.pop()!.close(resolve));
    const { code, stderr, stdout } = await npmStart({
      DATA_DIR: freshDir(),
      DATABASE_URL: `postgres://earshot:hunter2@127.0.0.1:${port}/earshot`,
    });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Earshot cannot start: cannot open the Postgres database at 127\\.0\\.0\\.1:${port}/earshot \\(.*ECONNREFUSED.*\\); check DATABASE_URL and that Postgres is running$`,
        ),
      ),
    ]);
    expect(stderr).not.toContain('hunter2');
    expect(stdout).not.toContain('First admin');
  });

  it('npm start on a busy port prints one clear line and exits with 1', async () => {
    const port = await busyPort();
    const { code, stderr, stdout } = await npmStart({ PORT: String(port), DATA_DIR: freshDir() });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      `Earshot cannot start: port ${port} is already in use (is Earshot already running?). Stop that program or set PORT to a free port.`,
    );
    expect(stdout).not.toContain('First admin');
  });

  it('any other start failure (a data directory that is a file) is one line and exit 1, not a stack', async () => {
    const file = path.join(freshDir(), 'not-a-directory');
    fs.writeFileSync(file, '');
    const { code, stderr } = await npmStart({ DATA_DIR: file });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Earshot cannot start: .+/)]);
  });
});
