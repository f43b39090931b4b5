import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { InboundMail } from '../domain/inbound-mail';
import type { Logger } from '../log';
import { parseInbound } from './inbound-parse';

export interface InboundSmtp {
  port: number;
  close(): Promise<void>;
}

/** An SMTP refusal the client sees as a reply code. */
const refusal = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/**
 * The built-in SMTP listener for replies (an MX record or a forwarding rule points at it). It takes
 * mail for `domain` only (it is no relay), refuses mail over `maxBytes` (552) and mail it cannot read
 * (550), and answers 451 when storing fails, so the sender retries; nothing a sender writes takes it down.
 */
export async function startInboundSmtp(opts: {
  port: number;
  host: string;
  domain: string | null;
  maxBytes: number;
  log: Logger;
  receive: (mail: InboundMail) => Promise<unknown>;
}): Promise<InboundSmtp> {
  const { log, maxBytes } = opts;
  const server = new SMTPServer({
    name: opts.domain ?? undefined,
    size: maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    maxClients: 50,
    socketTimeout: 60_000,
    onRcptTo(address, _session, callback) {
      const domain = address.address.split('@').pop()?.toLowerCase();
      if (opts.domain && domain !== opts.domain) return callback(refusal(550, `no mailbox here for ${address.address}`));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        // Past the limit nothing more is kept; the rest is read (and dropped) so the reply comes after DATA.
        if (size <= maxBytes) chunks.push(c);
      });
      stream.on('error', (err) => log.warn({ err }, 'inbound mail stream failed'));
      stream.on('end', () => {
        if (stream.sizeExceeded || size > maxBytes) return callback(refusal(552, `message exceeds the ${maxBytes} byte limit`));
        const recipients = session.envelope.rcptTo.map((r) => r.address);
        parseInbound(Buffer.concat(chunks), { recipients })
          .then(
            (mail) =>
              opts.receive(mail).then(
                () => callback(),
                (err: unknown) => {
                  log.error({ err }, 'inbound mail could not be stored');
                  callback(refusal(451, 'could not store the message, try again later'));
                },
              ),
            (err: unknown) => {
              log.warn({ err: err instanceof Error ? err.message : String(err) }, 'inbound mail could not be parsed');
              callback(refusal(550, 'malformed message'));
            },
          )
          .catch((err: unknown) => log.error({ err }, 'inbound mail failed'));
      });
    },
  });
  server.on('error', (err) => log.warn({ err }, 'inbound SMTP error'));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  log.info({ port }, 'inbound SMTP listening');
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
