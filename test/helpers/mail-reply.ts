import type { ParsedMail } from 'mailparser';
import { nanoid } from 'nanoid';
import nodemailer from 'nodemailer';

/** The address an email asks to be answered at (its Reply-To). */
export const replyAddress = (mail: ParsedMail): string => mail.replyTo!.value[0]!.address!;

/** A visitor's answer to an email, as a mail client writes it: new text, a signature, then the quoted email. */
export function mailAnswer(mail: ParsedMail, over: { from?: string; text?: string; to?: string } = {}): string {
  const quoted = (mail.text ?? '').replace(/^/gm, '> ');
  return [
    `From: Ana <${over.from ?? 'ana@example.test'}>`,
    `To: ${over.to ?? replyAddress(mail)}`,
    `Subject: Re: ${mail.subject}`,
    `Message-ID: <${nanoid()}@example.test>`,
    `In-Reply-To: ${mail.messageId}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    over.text ?? 'Thanks! Is Saturday open too?',
    '',
    '-- ',
    'Ana Novak, Brno',
    '',
    'On Sun, 6 Dec 2026 at 10:00, Demo shop <no-reply@shop.test> wrote:',
    quoted,
    '',
  ].join('\r\n');
}

/** Sends a raw message to Earshot's inbound SMTP listener on `port`; rejects with the listener's refusal. */
export async function sendToInbound(port: number, raw: string | Buffer, to: string, from = 'ana@example.test') {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    return await transport.sendMail({ envelope: { from, to: [to] }, raw });
  } finally {
    transport.close();
  }
}
