import { messageIdDomain } from './mailer';

/** How Earshot threads the email it sends and takes in the replies (issue 18). */
export interface MailConfig {
  /** INBOUND_DOMAIN: replies go to reply+<token>@this; null sends no Reply-To token (replies reach no one). */
  inboundDomain: string | null;
  /** MESSAGE_ID_DOMAIN: the domain of every Message-ID (MAIL_FROM's domain by default). */
  messageIdDomain: string;
  /** INBOUND_SMTP_PORT: the built-in SMTP listener's port; null keeps it off. */
  smtpPort: number | null;
  /** INBOUND_SMTP_HOST: the address it listens on (HOST by default). */
  smtpHost: string | null;
  /** INBOUND_MAX_BYTES: a larger inbound email is refused (10 MB by default). */
  maxBytes: number;
  /** INBOUND_WEBHOOK_SECRET: the shared secret of POST /inbound/email; null turns the endpoint off. */
  webhookSecret: string | null;
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$|^localhost$/i;

/** Reads the mail variables, adding a sentence to `problems` for each bad one. */
export function readMailConfig(env: NodeJS.ProcessEnv, mailFrom: string, problems: string[]): MailConfig {
  const domain = (name: string) => {
    const v = env[name]?.trim().toLowerCase();
    if (!v) return null;
    if (DOMAIN.test(v)) return v;
    problems.push(`${name} must be a domain name such as reply.example.com, got "${env[name]}"`);
    return null;
  };
  const whole = (name: string, min: number, max: number) => {
    const v = env[name];
    if (v === undefined || v === '') return null;
    const n = Number(v);
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    problems.push(`${name} must be a whole number from ${min} to ${max}, got "${v}"`);
    return null;
  };
  const secret = env.INBOUND_WEBHOOK_SECRET || null;
  if (secret && secret.length < 16) problems.push('INBOUND_WEBHOOK_SECRET must be at least 16 characters');
  const inboundDomain = domain('INBOUND_DOMAIN');
  // Without it no email carries a reply token: everything taken in would only pile up as held mail.
  for (const name of ['INBOUND_SMTP_PORT', 'INBOUND_WEBHOOK_SECRET']) {
    if (env[name] && !env.INBOUND_DOMAIN) problems.push(`${name} needs INBOUND_DOMAIN, the domain replies are addressed to`);
  }
  return {
    inboundDomain,
    messageIdDomain: domain('MESSAGE_ID_DOMAIN') ?? messageIdDomain(mailFrom),
    smtpPort: whole('INBOUND_SMTP_PORT', 0, 65535),
    smtpHost: env.INBOUND_SMTP_HOST || null,
    maxBytes: whole('INBOUND_MAX_BYTES', 1024, 100 * 2 ** 20) ?? 10 * 2 ** 20,
    webhookSecret: secret && secret.length >= 16 ? secret : null,
  };
}
