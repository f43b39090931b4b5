import { timingSafeEqual, createHash } from 'node:crypto';
import express, { Router } from 'express';
import * as v from 'valibot';
import type { InboundMail, InboundOutcome } from '../domain/inbound-mail';
import { parseInbound } from '../email/inbound-parse';
import { AppError } from '../errors';
import { parse } from '../validation';

const str = (max: number) =>
  v.optional(v.nullable(v.pipe(v.string('must be a string'), v.maxLength(max, `must be at most ${max} characters`))));
const address = v.pipe(v.string('must be a string'), v.maxLength(320, 'must be at most 320 characters'));

/**
 * What a provider's inbound parse (or a small adapter in front of it) posts: the raw MIME message,
 * or its parts. `to` is the envelope recipients; `spf` and `dkim` the provider's verdicts.
 */
const inboundPayload = v.object({
  from: v.optional(address),
  to: v.pipe(
    v.union([address, v.array(address)], 'must be an address or a list of them'),
    v.transform((t) => (Array.isArray(t) ? t : [t])),
  ),
  subject: str(2000),
  text: str(10_000_000),
  html: str(10_000_000),
  messageId: str(1000),
  raw: str(50_000_000),
  spf: str(40),
  dkim: str(40),
});

type Payload = v.InferOutput<typeof inboundPayload>;

/** The same comparison time for a right and a wrong secret. */
function sameSecret(given: string, secret: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(secret).digest();
  return timingSafeEqual(a, b);
}

/** A payload's message as mailparser reads it: the raw one, or one made of its parts (HTML becomes text there). */
async function toMail(p: Payload): Promise<InboundMail> {
  const envelope = { recipients: p.to, spf: p.spf ?? null, dkim: p.dkim ?? null };
  if (p.raw) return parseInbound(p.raw, envelope);
  if (!p.from) throw new AppError('invalid_payload', 'from is required without raw.', 'from');
  const [type, body] = p.text ? ['text/plain', p.text] : ['text/html', p.html ?? ''];
  const mime = `Content-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(body).toString('base64')}`;
  const parsed = await parseInbound(mime, envelope);
  return { ...parsed, from: p.from, subject: p.subject ?? '', messageId: p.messageId ?? null };
}

/**
 * POST /inbound/email: replies from a provider's inbound parse, with the shared secret in
 * `Authorization: Bearer <INBOUND_WEBHOOK_SECRET>`. Answers 202 with whether the reply was posted or held.
 */
export function inboundRoutes(opts: { secret: string; maxBytes: number; receive: (mail: InboundMail) => Promise<InboundOutcome> }): Router {
  const router = Router();
  router.post(
    '/email',
    (req, _res, next) => {
      const given = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1] ?? '';
      next(sameSecret(given, opts.secret) ? undefined : new AppError('unauthorized', 'The inbound webhook secret is missing or wrong.'));
    },
    // Base64 and JSON escaping make the body about a third bigger than the message it carries.
    express.json({ limit: Math.ceil(opts.maxBytes * 1.4) }),
    async (req, res) => {
      const outcome = await opts.receive(await toMail(parse(inboundPayload, req.body)));
      res
        .status(202)
        .json(
          'posted' in outcome
            ? { status: 'posted', messageId: outcome.posted.message.id }
            : { status: 'held', reason: outcome.held, id: outcome.id },
        );
    },
  );
  return router;
}
