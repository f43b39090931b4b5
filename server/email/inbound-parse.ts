import EmailReplyParser from 'email-reply-parser';
import { simpleParser, type AddressObject } from 'mailparser';
import type { InboundMail } from '../domain/inbound-mail';

/** HTML longer than this is not converted (mailparser would spend long on it); the text part, if any, still counts. */
const MAX_HTML = 2_000_000;
/** Quote stripping runs on the first this many characters: a reply's new text comes first. */
const MAX_TEXT = 100_000;

/** What the provider or the SMTP envelope says, beside the message itself. */
export interface InboundEnvelope {
  /** RCPT TO addresses (a forwarding rule keeps them when it rewrites To). */
  recipients?: string[];
  spf?: string | null;
  dkim?: string | null;
}

function addresses(a: AddressObject | AddressObject[] | undefined): string[] {
  return (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.map((v) => v.address ?? '')).filter(Boolean);
}

/**
 * A reply's new text: quoted history ("On … wrote:", `>` lines) and signatures stripped. Plain
 * text only: HTML-only mail was converted to text by mailparser and is never kept as HTML.
 */
export function replyText(text: string): string {
  const body = text.slice(0, MAX_TEXT).replace(/\r\n?/g, '\n');
  // The parser keeps `>` lines under a reply header it does not know (any language); a quote is never new text.
  const visible = new EmailReplyParser().parseReply(body);
  return visible
    .split('\n')
    .filter((l) => !/^\s*>/.test(l))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Parses a raw email (any MIME, any charset) into what `receiveMail` takes; attachments are ignored. */
export async function parseInbound(raw: Buffer | string, envelope: InboundEnvelope = {}): Promise<InboundMail> {
  const mail = await simpleParser(raw, { maxHtmlLengthToParse: MAX_HTML, skipTextToHtml: true, skipImageLinks: true });
  const from = addresses(mail.from)[0] ?? '';
  const to = [...(envelope.recipients ?? []), ...addresses(mail.to), ...addresses(mail.cc)];
  return {
    from,
    to: [...new Set(to.map((a) => a.toLowerCase()))],
    subject: mail.subject ?? '',
    text: replyText(mail.text ?? ''),
    messageId: mail.messageId ?? null,
    spf: envelope.spf ?? null,
    dkim: envelope.dkim ?? null,
  };
}
