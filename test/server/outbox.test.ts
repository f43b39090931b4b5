import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMailer } from '../../server/email/mailer';
import { startOutboxWorker } from '../../server/email/outbox-worker';
import { createLogger } from '../../server/log';
import type { Store } from '../../server/store/types';
import { startSmtp, type TestSmtp } from '../helpers/smtp';
import { startTestServer, tempDataDir } from '../helpers/server';
import { openTestStore } from '../helpers/stores';

let data: ReturnType<typeof tempDataDir>;
let smtp: TestSmtp;
const log = createLogger('silent');

/** Queues an email straight in the store (its id for a subject too), as the server would before a worker takes it. */
const enqueueEmail = (store: Store, id: string, to = 'a@b.test') =>
  store.enqueueOutbox({ id, kind: 'email', payload: { to, subject: id, text: 'x' } }, new Date().toISOString());
beforeEach(async () => {
  data = tempDataDir();
  smtp = await startSmtp();
});
afterEach(async () => {
  await smtp.close();
  data.remove();
});

/** Runs a worker on the data directory until it has nothing left to do. */
async function runWorkerOnce(opts: { leaseMs?: number } = {}) {
  const store = await openTestStore(data.dir);
  const mailer = createMailer(smtp.url, 'Earshot <no-reply@shop.test>');
  const worker = startOutboxWorker({ store, log, send: mailer.send, pollMs: 20, ...opts });
  return {
    store,
    async stop() {
      await worker.stop();
      mailer.close();
      await store.close();
    },
  };
}

describe('email outbox', () => {
  it('sends a queued email with its To, Subject, Reply-To, body and a Message-ID from the outbox id', async () => {
    const server = await startTestServer(data.dir, 0, { SMTP_URL: smtp.url, MAIL_FROM: 'Shop <hello@shop.test>' });
    const id = await server.email.queue({
      to: 'ana@example.test',
      subject: 'Re: your feedback',
      text: 'You wrote: <script>alert(1)</script>',
      replyTo: 'owner@shop.test',
    });
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toMatchObject({ text: 'ana@example.test' });
    expect(mail!.from).toMatchObject({ text: '"Shop" <hello@shop.test>' });
    expect(mail!.replyTo).toMatchObject({ text: 'owner@shop.test' });
    expect(mail!.subject).toBe('Re: your feedback');
    expect(mail!.text?.trim()).toBe('You wrote: <script>alert(1)</script>');
    // On the sender's domain, not a made-up one that spam filters hold against the mail.
    expect(mail!.messageId).toBe(`<${id}@shop.test>`);
    await expect.poll(async () => (await server.store.getOutbox(id))?.status).toBe('sent');
    await server.close();
  });

  it("makes the Message-ID on the domain of the default sender, which is PUBLIC_URL's host", async () => {
    const server = await startTestServer(data.dir, 0, { SMTP_URL: smtp.url, PUBLIC_URL: 'https://chat.shop.test' });
    const id = await server.email.queue({ to: 'ana@example.test', subject: 'Hi', text: 'Hello' });
    const [mail] = await smtp.waitFor(1);
    expect(mail!.from).toMatchObject({ text: '"Earshot" <no-reply@chat.shop.test>' });
    expect(mail!.messageId).toBe(`<${id}@chat.shop.test>`);
    await server.close();
  });

  it('refuses to queue email when SMTP is not configured, saying why', async () => {
    const server = await startTestServer(data.dir);
    expect(server.email.enabled).toBe(false);
    await expect(server.email.queue({ to: 'a@b.test', subject: 's', text: 't' })).rejects.toMatchObject({ code: 'email_not_configured' });
    await server.close();
  });

  it('sends exactly one email when the process is killed after storing and before sending', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '../helpers/outbox-child.ts'), data.dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('stored') && resolve()));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(smtp.messages).toHaveLength(0);

    const first = await runWorkerOnce();
    await smtp.waitFor(1);
    await first.stop();
    const second = await runWorkerOnce(); // another restart finds nothing left to send
    await second.stop();
    expect(smtp.messages.map((m) => m.subject)).toEqual(['Stored before the crash']);
  });

  it('takes over an item whose worker died mid-send once its lease expires, and sends it once', async () => {
    const store = await openTestStore(data.dir);
    await enqueueEmail(store, 'leased');
    // A worker claims it for a second and dies without sending; while the lease runs nobody else takes it.
    expect(await store.claimOutbox(1000, 10)).toHaveLength(1);
    expect(await store.claimOutbox(60_000, 10)).toHaveLength(0);
    await store.close();
    const worker = await runWorkerOnce();
    await smtp.waitFor(1);
    await expect.poll(async () => (await worker.store.getOutbox('leased'))?.status).toBe('sent');
    await worker.stop();
    expect(smtp.messages).toHaveLength(1);
  });

  it('keeps an email the SMTP server refused and schedules a retry with backoff', async () => {
    smtp.refuseNext(1);
    const store = await openTestStore(data.dir);
    await enqueueEmail(store, 'refused');
    await store.close();
    const worker = await runWorkerOnce();
    await expect.poll(async () => (await worker.store.getOutbox('refused'))?.attempts).toBe(1);
    await expect.poll(async () => (await worker.store.getOutbox('refused'))?.status).toBe('pending');
    const row = (await worker.store.getOutbox('refused'))!;
    expect(row.lastError).toMatch(/try again later/);
    expect(Date.parse(row.nextAttemptAt) - Date.now()).toBeGreaterThan(5_000);
    await worker.stop();
    expect(smtp.messages).toHaveLength(0);
  });

  it('gives up at once on an email the SMTP server refuses for good (5xx)', async () => {
    smtp.refuseNext(1, 550);
    const store = await openTestStore(data.dir);
    await enqueueEmail(store, 'bounced', 'nobody@b.test');
    await store.close();
    const worker = await runWorkerOnce();
    await expect.poll(async () => (await worker.store.getOutbox('bounced'))?.status).toBe('failed');
    const row = (await worker.store.getOutbox('bounced'))!;
    expect([row.attempts, row.lastError]).toEqual([1, expect.stringMatching(/no such mailbox/)]);
    await worker.stop();
  });

  it('does not send again an email whose attempts never finished, time after time', async () => {
    const store = await openTestStore(data.dir);
    await enqueueEmail(store, 'crashy');
    // Ten workers each claimed it and died mid-send (the lease ran out every time).
    for (let i = 0; i < 10; i++) expect(await store.claimOutbox(0, 1)).toHaveLength(1);
    await store.close();
    const worker = await runWorkerOnce();
    await expect.poll(async () => (await worker.store.getOutbox('crashy'))?.status).toBe('failed');
    expect((await worker.store.getOutbox('crashy'))!.lastError).toMatch(/never finished/);
    await worker.stop();
    expect(smtp.messages).toHaveLength(0);
  });

  it('keeps retrying while the SMTP server refuses the login (a set-up an admin fixes), not only a wrong mailbox', async () => {
    const locked = await startSmtp({ password: 'right' });
    const store = await openTestStore(data.dir);
    await enqueueEmail(store, 'login');
    await enqueueEmail(store, 'no-login');
    const url = new URL(locked.url);
    url.username = 'earshot';
    url.password = 'wrong';
    // A wrong password (535 to AUTH), then none at all (530 to MAIL FROM).
    for (const [id, smtpUrl] of [
      ['login', url.toString()],
      ['no-login', locked.url],
    ] as const) {
      const mailer = createMailer(smtpUrl, 'Earshot <no-reply@shop.test>');
      const worker = startOutboxWorker({ store, log, send: mailer.send, pollMs: 20 });
      await expect.poll(async () => (await store.getOutbox(id))?.attempts).toBe(1);
      await expect.poll(async () => (await store.getOutbox(id))?.status).toBe('pending');
      await worker.stop();
      mailer.close();
    }
    expect((await store.getOutbox('login'))!.lastError).toMatch(/Invalid username or password/);
    await store.close();
    await locked.close();
  });
});
