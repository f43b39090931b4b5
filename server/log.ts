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

/**
 * Where a service's URL points, for log lines and messages: host, port (or the service's
 * default) and, with `withPath`, the path (a database's name); never the password. A URL that
 * does not parse is named by its variable.
 */
export function serviceWhere(url: string, defaultPort: number, variable: string, withPath = false): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || defaultPort}${withPath ? u.pathname : ''}`;
  } catch {
    return variable;
  }
}
