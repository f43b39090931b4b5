import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMailer } from '../../server/email/mailer';
import { startOutboxWorker, type OutboxWorkerOptions } from '../../server/email/outbox-worker';
import { createLogger } from '../../server/log';
import type { OutboxStatus } from '../../server/store/types';
import { startSmtp, type TestSmtp } from '../helpers/smtp';
import { useTestStore } from '../helpers/stores';

const t = useTestStore();
let smtp: TestSmtp;
let stop: () => Promise<void> = async () => {};
const log = createLogger('silent');

beforeEach(async () => {
  smtp = await startSmtp();
});
// Registered after the store's, so it runs before it: the worker stops while its store is open.
afterEach(async () => {
  await stop();
  await smtp.close();
});

/** Starts a worker on the test store whose listener is `onSettled`. */
function runWorker(onSettled: OutboxWorkerOptions['onSettled']) {
  const mailer = createMailer(smtp.url, 'Earshot <no-reply@shop.test>');
  const worker = startOutboxWorker({ store: t.store, log, send: mailer.send, pollMs: 20, onSettled });
  stop = async () => {
    await worker.stop();
    mailer.close();
  };
}

/** Resolves with the status the row had when the listener was told about it. */
function settledOnce(): { onSettled: (id: string) => Promise<void>; status: Promise<{ id: string; status: OutboxStatus }> } {
  let resolve!: (s: { id: string; status: OutboxStatus }) => void;
  const status = new Promise<{ id: string; status: OutboxStatus }>((r) => (resolve = r));
  return { status, onSettled: async (id) => resolve({ id, status: (await t.store.getOutbox(id))!.status }) };
}

const queue = (id: string) =>
  t.store.enqueueOutbox({ id, kind: 'email', payload: { to: 'a@b.test', subject: id, text: 'x' } }, new Date().toISOString());

describe('outbox worker listener', () => {
  it('is told once an email is stored as sent', async () => {
    const { onSettled, status } = settledOnce();
    await queue('ok');
    runWorker(onSettled);
    expect(await status).toEqual({ id: 'ok', status: 'sent' });
  });

  it('is told once a refused email is stored for a retry', async () => {
    smtp.refuseNext(1);
    const { onSettled, status } = settledOnce();
    await queue('refused');
    runWorker(onSettled);
    expect(await status).toEqual({ id: 'refused', status: 'pending' });
  });

  it("logs a listener that throws as its own failure, not the worker's, and keeps the email sent", async () => {
    let logged!: (args: unknown[]) => void;
    const errorLog = new Promise<unknown[]>((r) => (logged = r));
    const spy = vi.spyOn(log, 'error').mockImplementation((...args: unknown[]) => logged(args));
    try {
      await queue('ok');
      runWorker(() => {
        throw new Error('listener broke');
      });
      expect((await errorLog)[1]).toBe('outbox onSettled failed');
      expect((await t.store.getOutbox('ok'))?.status).toBe('sent');
    } finally {
      spy.mockRestore();
    }
  });
});
