import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
  url: string;
  messages: ParsedMail[];
  /** Resolves once `n` messages have arrived. */
  waitFor(n: number): Promise<ParsedMail[]>;
  /** Refuse the next `n` messages with a temporary error (451), or a final one (550). */
  refuseNext(n: number, code?: 451 | 550): void;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 that keeps what it receives; with `password`, it wants a login and refuses any other (535). */
export async function startSmtp(opts: { password?: string } = {}): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  const waiters: { n: number; resolve: (m: ParsedMail[]) => void }[] = [];
  let refuse = 0;
  let refuseCode = 451;
  const server = new SMTPServer({
    authOptional: !opts.password,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.password === opts.password) return callback(null, { user: auth.username });
      callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refuse > 0) {
          refuse--;
          const reason = refuseCode === 550 ? 'no such mailbox' : 'try again later';
          return callback(Object.assign(new Error(reason), { responseCode: refuseCode }));
        }
        // A message the parser cannot read is refused, so the sender sees it and the test fails.
        simpleParser(Buffer.concat(chunks)).then(
          (parsed) => {
            messages.push(parsed);
            callback();
            for (const w of waiters.filter((w) => messages.length >= w.n)) w.resolve(messages);
          },
          (err: Error) => callback(err),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor: (n) => (messages.length >= n ? Promise.resolve(messages) : new Promise((resolve) => waiters.push({ n, resolve }))),
    refuseNext: (n, code = 451) => {
      refuse = n;
      refuseCode = code;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
