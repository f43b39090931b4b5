import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMailer } from '../../server/email/mailer';
import { startOutboxWorker, type OutboxWorkerOptions } from '../../server/email/outbox-worker';
import { createLogger } from '../../server/log';
import type { OutboxStatus, Store } from '../../server/store/types';
import { startSmtp, type TestSmtp } from '../helpers/smtp';
import { tempDataDir } from '../helpers/server';
import { openTestStore } from '../helpers/stores';

let data: ReturnType<typeof tempDataDir>;
let smtp: TestSmtp;
let store: Store;
let stop: () => Promise<void> = async () => {};
const log = createLogger('silent');

beforeEach(async () => {
  data = tempDataDir();
  smtp = await startSmtp();
  store = await openTestStore(data.dir);
});
afterEach(async () => {
  await stop();
  await store.close();
  await smtp.close();
  data.remove();
});

/** Starts a worker on the test store whose listener is `onSettled`. */
function runWorker(onSettled: OutboxWorkerOptions['onSettled']) {
  const mailer = createMailer(smtp.url, 'Earshot <no-reply@shop.test>');
  const worker = startOutboxWorker({ store, log, send: mailer.send, pollMs: 20, onSettled });
  stop = async () => {
    await worker.stop();
    mailer.close();
  };
}

/** Resolves with the status the row had when the listener was told about it. */
function settledOnce(): { onSettled: (id: string) => Promise<void>; status: Promise<{ id: string; status: OutboxStatus }> } {
  let resolve!: (s: { id: string; status: OutboxStatus }) => void;
  const status = new Promise<{ id: string; status: OutboxStatus }>((r) => (resolve = r));
  return { status, onSettled: async (id) => resolve({ id, status: (await store.getOutbox(id))!.status }) };
}

const queue = (id: string) => store.enqueueOutbox({ id, kind: 'email', payload: { to: 'a@b.test', subject: id, text: 'x' } }, new Date().toISOString());

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

  it('logs a listener that throws as its own failure, not the worker\'s, and keeps the email sent', async () => {
    let logged!: (args: unknown[]) => void;
    const errorLog = new Promise<unknown[]>((r) => (logged = r));
    const spy = vi.spyOn(log, 'error').mockImplementation((...args: unknown[]) => logged(args));
    try {
      await queue('ok');
      runWorker(() => {
        throw new Error('listener broke');
      });
      expect((await errorLog)[1]).toBe('outbox onSettled failed');
      expect((await store.getOutbox('ok'))?.status).toBe('sent');
    } finally {
      spy.mockRestore();
    }
  });
});
