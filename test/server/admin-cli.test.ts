import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Earshot } from '../../server/app';
import { ADMIN, nextEvent, signInCookie, startTestServer, tempDataDir } from '../helpers/server';
import { agentWith, api, tokenOf } from '../helpers/team';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs `npm run admin -- …` as the owner would (through tsx), with this environment. */
function admin(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(path.join(ROOT, 'node_modules/.bin/tsx'), ['server/cli/admin.ts', ...args], { cwd: ROOT, env: { PATH: process.env.PATH, ...env } }, (err, stdout, stderr) =>
      resolve({ code: err ? Number(err.code) : 0, stdout, stderr }),
    );
  });
}

let data: ReturnType<typeof tempDataDir>;
let server: Earshot | null;

beforeEach(async () => {
  data = tempDataDir();
  server = await startTestServer(data.dir);
});
afterEach(async () => {
  await server?.close();
  data.remove();
});

describe('npm run admin -- reset-password', () => {
  it('prints a one-time reset link on PUBLIC_URL while the server runs', async () => {
    const r = await admin(['reset-password', ADMIN.email], { DATA_DIR: data.dir, PUBLIC_URL: 'https://chat.example.test' });
    expect(r.code).toBe(0);
    const link = /https:\/\/chat\.example\.test\/console\/reset\/\S+/.exec(r.stdout)![0];
    const reset = await api(server!.url, `/api/auth/reset/${tokenOf(link)}`, { body: { password: 'chosen by owner' } });
    expect(reset.status).toBe(200);
    expect((await api(server!.url, '/api/auth/login', { body: { email: ADMIN.email, password: 'chosen by owner' } })).status).toBe(200);
  });

  it('with --password while the server runs, an open console of an ended session is refused at its next event', async () => {
    const cookie = await signInCookie(server!.url);
    const socket = await agentWith(server!.url, cookie);
    expect((await socket.emitWithAck('agent:presence', {})).ok).toBe(true);
    expect((await admin(['reset-password', ADMIN.email, '--password', 'typed in a shell'], { DATA_DIR: data.dir })).code).toBe(0);
    const closed = nextEvent(socket, 'disconnect');
    expect(await socket.emitWithAck('agent:presence', {})).toMatchObject({ ok: false, code: 'unauthorized' });
    await closed;
  });

  it('with --password while the server runs, a console that only listens is closed by the next session sweep', async () => {
    await server!.close();
    server = await startTestServer(data.dir, 0, {}, { agentSweepMs: 200 });
    const socket = await agentWith(server.url, await signInCookie(server.url));
    const closed = nextEvent(socket, 'disconnect');
    expect((await admin(['reset-password', ADMIN.email, '--password', 'typed in a shell'], { DATA_DIR: data.dir })).code).toBe(0);
    await closed;
    const again = await agentWith(server.url, (await signInCookie(server.url, { email: ADMIN.email, password: 'typed in a shell' })));
    // A sweep leaves a live sign-in alone.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(again.connected).toBe(true);
    again.disconnect();
  });

  it('links to localhost and PORT without PUBLIC_URL', async () => {
    const r = await admin(['reset-password', ADMIN.email], { DATA_DIR: data.dir, PORT: '4123' });
    expect(r.stdout).toMatch(/http:\/\/localhost:4123\/console\/reset\/[A-Za-z0-9_-]+/);
  });

  it('sets the password directly with --password, signing out every session, with the server stopped', async () => {
    const cookie = await signInCookie(server!.url);
    await server!.close();
    server = null;
    const r = await admin(['reset-password', ADMIN.email, '--password', 'typed in a shell'], { DATA_DIR: data.dir });
    expect(r).toMatchObject({ code: 0, stdout: expect.stringMatching(/Password set for admin@test\.local; 1 session/) });
    server = await startTestServer(data.dir);
    expect((await api(server.url, '/api/auth/me', { cookie })).status).toBe(401);
    expect((await api(server.url, '/api/auth/login', { body: { email: ADMIN.email, password: 'typed in a shell' } })).status).toBe(200);
  });

  it('says clearly when no agent has the email, a password is too short, or the command is unknown', async () => {
    const unknown = await admin(['reset-password', 'nobody@test.local'], { DATA_DIR: data.dir });
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringMatching(/No agent has the email nobody@test\.local/) });
    const short = await admin(['reset-password', ADMIN.email, '--password', 'short'], { DATA_DIR: data.dir });
    expect(short).toMatchObject({ code: 1, stderr: expect.stringMatching(/at least 8 characters/) });
    expect((await admin(['delete-everything'], { DATA_DIR: data.dir })).code).toBe(2);
  });
});
