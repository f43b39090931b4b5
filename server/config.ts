import path from 'node:path';
import { readMailConfig, type MailConfig } from './email/mail-config';
import { DEFAULT_TRUST_PROXY, validTrustProxy } from './http/client-ip';

/** Validated runtime configuration, read once at start. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  publicUrl: string | null;
  adminEmail: string | null;
  adminPassword: string | null;
  logLevel: string;
  /** Outgoing mail server, e.g. smtp://user:pass@host:587; null turns email off. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Reply addresses, threading and inbound mail (INBOUND_*, MESSAGE_ID_DOMAIN). */
  mail: MailConfig;
  /** Proxies whose X-Forwarded-For / -Proto are believed (addresses, CIDR ranges, or loopback, linklocal, uniquelocal). */
  trustProxy: string[];
  /** Redis that joins several relay nodes into one (redis://…); null for one node alone. */
  redisUrl: string | null;
  /** Put before every Redis key and channel (REDIS_PREFIX), so several clusters can share one Redis. */
  redisPrefix: string;
  /** Where the built widget and console live. */
  distDir: string;
  demoSiteDir: string;
  /** postgres://… selects the Postgres store; null keeps the SQLite file under dataDir. */
  databaseUrl: string | null;
  /** WEBHOOKS_ALLOW_PRIVATE=1: webhooks may go to loopback, link-local and private addresses (off: SSRF). */
  webhooksAllowPrivate: boolean;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const ROOT = path.resolve(import.meta.dirname, '..');

/** Reads the environment, collecting every bad value into one clear error. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = [];
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be a whole number from 0 to 65535, got "${env.PORT}"`);
  const publicUrl = env.PUBLIC_URL ? (urlOf(env.PUBLIC_URL, ['http:', 'https:'])?.origin ?? null) : null;
  if (env.PUBLIC_URL && !publicUrl)
    problems.push(`PUBLIC_URL must be an http(s) URL such as https://chat.example.com, got "${env.PUBLIC_URL}"`);
  const adminEmail = env.EARSHOT_ADMIN_EMAIL || null;
  const adminPassword = env.EARSHOT_ADMIN_PASSWORD || null;
  if (adminEmail && !/^[^\s@]+@[^\s@]+$/.test(adminEmail)) problems.push(`EARSHOT_ADMIN_EMAIL is not an email address: "${adminEmail}"`);
  if (adminPassword && adminPassword.length < 8) problems.push('EARSHOT_ADMIN_PASSWORD must be at least 8 characters');
  if (Boolean(adminEmail) !== Boolean(adminPassword)) problems.push('set both EARSHOT_ADMIN_EMAIL and EARSHOT_ADMIN_PASSWORD, or neither');
  const smtpUrl = env.SMTP_URL && urlOf(env.SMTP_URL, ['smtp:', 'smtps:']) ? env.SMTP_URL : null;
  if (env.SMTP_URL && !smtpUrl) problems.push('SMTP_URL must look like smtp://user:pass@host:587 or smtps://user:pass@host:465');
  const mailFrom = env.MAIL_FROM || `Earshot <no-reply@${publicUrl ? new URL(publicUrl).hostname : 'localhost'}>`;
  if (!/@/.test(mailFrom)) problems.push(`MAIL_FROM must contain an email address, got "${mailFrom}"`);
  const mail = readMailConfig(env, mailFrom, problems);
  const databaseUrl = readDatabaseUrl(env.DATABASE_URL, problems);
  let redisUrl: string | null = null;
  if (env.REDIS_URL) {
    if (!/^rediss?:\/\/[^/]/.test(env.REDIS_URL)) {
      problems.push('REDIS_URL must look like redis://host:6379 or rediss://user:pass@host:6380/0');
    } else if (!env.DATABASE_URL) {
      // Several nodes cannot share one SQLite file: each would have its own data.
      problems.push(
        'REDIS_URL (several relay nodes) needs DATABASE_URL (Postgres): nodes cannot share the SQLite file; unset REDIS_URL to run one node',
      );
    } else {
      redisUrl = env.REDIS_URL;
    }
  }
  const redisPrefix = env.REDIS_PREFIX || 'earshot:';
  if (!/^[\w:.-]{1,64}$/.test(redisPrefix)) {
    problems.push(`REDIS_PREFIX must be up to 64 letters, digits, or _ : . -, got "${redisPrefix}"`);
  }
  const trustProxy = env.TRUST_PROXY
    ? env.TRUST_PROXY.split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : DEFAULT_TRUST_PROXY;
  if (!validTrustProxy(trustProxy)) {
    problems.push(
      `TRUST_PROXY must be addresses, CIDR ranges or loopback, linklocal, uniquelocal, separated by commas; got "${env.TRUST_PROXY}"`,
    );
  }
  const allowPrivate = env.WEBHOOKS_ALLOW_PRIVATE ?? '';
  if (!['', '0', '1'].includes(allowPrivate)) problems.push(`WEBHOOKS_ALLOW_PRIVATE must be 1 or 0, got "${allowPrivate}"`);
  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  if (problems.length) throw new ConfigError(problems);
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || './data'),
    publicUrl,
    adminEmail,
    adminPassword,
    logLevel,
    smtpUrl,
    mailFrom,
    mail,
    trustProxy,
    redisUrl,
    redisPrefix,
    distDir: path.join(ROOT, 'dist'),
    demoSiteDir: path.join(ROOT, 'demo-site'),
    databaseUrl,
    webhooksAllowPrivate: allowPrivate === '1',
    ...overrides,
  };
}

/** A postgres:// URL, or null when unset; anything else is a problem (a database it was told to use is never ignored). */
function readDatabaseUrl(value: string | undefined, problems: string[]): string | null {
  if (!value) return null;
  if (urlOf(value, ['postgres:', 'postgresql:'])?.hostname) return value;
  // The value may hold a password: not repeated.
  problems.push('DATABASE_URL must look like postgres://user:password@host:5432/database (unset it to use SQLite under DATA_DIR)');
  return null;
}

/** The URL `value` spells when it parses and its protocol is one of `protocols`; null otherwise. */
function urlOf(value: string, protocols: string[]): URL | null {
  try {
    const u = new URL(value);
    return protocols.includes(u.protocol) ? u : null;
  } catch {
    return null;
  }
}
