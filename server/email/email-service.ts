import { nanoid } from 'nanoid';
import { AppError } from '../errors';
import type { EmailPayload, MailTarget, Store } from '../store/types';
import type { OutboxWorker } from './outbox-worker';
import { nextThreadEmail, type ThreadHeaders } from './threads';

/** How features send email: queued durably, sent by the outbox worker. */
export interface EmailService {
  /** False when SMTP_URL is not set: features must say so rather than drop mail. */
  readonly enabled: boolean;
  /**
   * Stores the email in the outbox and wakes the worker; resolves with the outbox id. With a
   * `key` (what the email is about and for whom, e.g. `offline-<message id>-<admin id>`), the
   * key is the id and queueing it again queues nothing: a step retried after a crash between
   * storing something and queueing its email completes it, once.
   */
  queue(payload: EmailPayload, key?: string): Promise<string>;
  /** Wakes the worker after an outbox row was stored by another store call. */
  kick(): void;
  /** The threading headers (and Reply-To token) of the next email to `to` about a conversation or feedback. */
  thread(target: MailTarget, to: string): Promise<ThreadHeaders>;
}

/** The domains threading uses (see mail-config.ts); tests without them thread on localhost. */
export interface ThreadDomains {
  inboundDomain: string | null;
  messageIdDomain: string;
}

/** The email service over a store and, when SMTP is configured, its worker. */
export function createEmailService(
  store: Store,
  worker: OutboxWorker | null,
  domains: ThreadDomains = { inboundDomain: null, messageIdDomain: 'localhost' },
): EmailService {
  return {
    enabled: worker !== null,
    async queue(payload, key) {
      if (!worker) throw new AppError('email_not_configured', 'Email is not configured on this server (set SMTP_URL).');
      const id = key ?? nanoid();
      await store.enqueueOutbox({ id, kind: 'email', payload }, new Date().toISOString());
      worker.kick();
      return id;
    },
    kick: () => worker?.kick(),
    thread: (target, to) => nextThreadEmail(store, domains, target, to),
  };
}
