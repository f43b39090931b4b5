import os from 'node:os';
import nodemailer from 'nodemailer';
import type { OutboxRow } from '../store/types';

/** Sends one outbox email; rejects when the SMTP server does not accept it. */
export type SendEmail = (row: OutboxRow) => Promise<void>;

/**
 * The domain a Message-ID is made on: the sender's own (`MAIL_FROM`'s, which defaults to
 * PUBLIC_URL's host), so spam filters see an id from the domain that sent it; else this host.
 */
export function messageIdDomain(from: string): string {
  const domain = /@([^\s<>@]+)>?\s*$/.exec(from)?.[1]?.toLowerCase();
  return domain && /^[a-z0-9.-]+$/.test(domain) ? domain : os.hostname();
}

/**
 * An SMTP sender. The Message-ID is the thread's (see threads.ts), else it comes from the outbox id, so in the rare case of a
 * resend after a crash mid-conversation the receiving side can recognise the copy.
 */
export function createMailer(smtpUrl: string, from: string, domain = messageIdDomain(from)): { send: SendEmail; close(): void } {
  // Well under the outbox's 2-minute lease (nodemailer waits up to 10 minutes on a silent
  // socket), so a stuck server fails the attempt instead of holding every email behind it.
  const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
  return {
    async send(row) {
      const { to, subject, text, html, replyTo, inReplyTo, references } = row.payload;
      const messageId = row.payload.messageId ?? `<${row.id}@${domain}>`;
      await transport.sendMail({ from, to, subject, text, html, replyTo, messageId, inReplyTo, references });
    },
    close: () => transport.close(),
  };
}
