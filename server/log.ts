import pino from 'pino';

export type Logger = pino.Logger;

/** JSON-lines logger that never writes secrets or contact details. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: ['token', '*.token', 'password', '*.password', 'email', '*.email', 'phone', '*.phone', 'req.headers.cookie', 'headers.cookie'],
      censor: '[redacted]',
    },
  });
}
