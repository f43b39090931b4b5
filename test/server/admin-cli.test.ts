import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, nextEvent, signInCookie, startTestServer, useServer } from '../helpers/server';
import { storeEnv } from '../helpers/stores';
import { agentWith, api, tokenOf } from '../helpers/team';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs `npm run admin -- …` as the owner would (through tsx), with this environment. */
async function admin(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  // On the Postgres run the data directory stands for a schema: DATABASE_URL says which.
  const store = await storeEnv(env.DATA_DIR!);
  return new Promise((resolve) => {
    execFile(
      path.join(ROOT, 'node_modules/.bin/tsx'),
      ['server/cli/admin.ts', ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH, ...store, ...env } },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code) : 0, stdout, stderr }),
    );
  });
}

const t = useServer();

describe('npm run admin -- reset-password', () => {
  it('prints a one-time reset link on PUBLIC_URL while the server runs', async () => {
    const r = await admin(['reset-password', ADMIN.email], { DATA_DIR: t.data.dir, PUBLIC_URL: 'https://chat.example.test' });
    expect(r.code).toBe(0);
    const link = /https:\/\/chat\.example\.test\/console\/reset\/\S+/.exec(r.stdout)![0];
    const reset = await api(t.server.url, `/api/auth/reset/${tokenOf(link)}`, { body: { password: 'chosen by owner' } });
    expect(reset.status).toBe(200);
    expect((await api(t.server.url, '/api/auth/login', { body: { email: ADMIN.email, password: 'chosen by owner' } })).status).toBe(200);
  });

  it('with --password while the server runs, an open console of an ended session is refused at its next event', async () => {
    const cookie = await signInCookie(t.server.url);
    const socket = await agentWith(t.server.url, cookie);
    expect((await socket.emitWithAck('agent:presence', {})).ok).toBe(true);
    expect((await admin(['reset-password', ADMIN.email, '--password', 'typed in a shell'], { DATA_DIR: t.data.dir })).code).toBe(0);
    const closed = nextEvent(socket, 'disconnect');
    expect(await socket.emitWithAck('agent:presence', {})).toMatchObject({ ok: false, code: 'unauthorized' });
    await closed;
  });

  it('with --password while the server runs, a console that only listens is closed by the next session sweep', async () => {
    await t.server.close();
    t.server = await startTestServer(t.data.dir, 0, {}, { agentSweepMs: 200 });
    const socket = await agentWith(t.server.url, await signInCookie(t.server.url));
    const closed = nextEvent(socket, 'disconnect');
    expect((await admin(['reset-password', ADMIN.email, '--password', 'typed in a shell'], { DATA_DIR: t.data.dir })).code).toBe(0);
    await closed;
    const again = await agentWith(t.server.url, await signInCookie(t.server.url, { email: ADMIN.email, password: 'typed in a shell' }));
    // A sweep leaves a live sign-in alone.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(again.connected).toBe(true);
    again.disconnect();
  });

  it('links to localhost and PORT without PUBLIC_URL', async () => {
    const r = await admin(['reset-password', ADMIN.email], { DATA_DIR: t.data.dir, PORT: '4123' });
    expect(r.stdout).toMatch(/http:\/\/localhost:4123\/console\/reset\/[A-Za-z0-9_-]+/);
  });

  it('sets the password directly with --password, signing out every session, with the server stopped', async () => {
    const cookie = await signInCookie(t.server.url);
    await t.stop();
    const r = await admin(['reset-password', ADMIN.email, '--password', 'typed in a shell'], { DATA_DIR: t.data.dir });
    expect(r).toMatchObject({ code: 0, stdout: expect.stringMatching(/Password set for admin@test\.local; 1 session/) });
    t.server = await startTestServer(t.data.dir);
    expect((await api(t.server.url, '/api/auth/me', { cookie })).status).toBe(401);
    expect((await api(t.server.url, '/api/auth/login', { body: { email: ADMIN.email, password: 'typed in a shell' } })).status).toBe(200);
  });

  it('says clearly when no agent has the email, a password is too short, or the command is unknown', async () => {
    const unknown = await admin(['reset-password', 'nobody@test.local'], { DATA_DIR: t.data.dir });
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringMatching(/No agent has the email nobody@test\.local/) });
    const short = await admin(['reset-password', ADMIN.email, '--password', 'short'], { DATA_DIR: t.data.dir });
    expect(short).toMatchObject({ code: 1, stderr: expect.stringMatching(/at least 8 characters/) });
    expect((await admin(['delete-everything'], { DATA_DIR: t.data.dir })).code).toBe(2);
  });
});
