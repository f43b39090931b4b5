/**
 * `npm run admin -- reset-password EMAIL [--password NEW]`: for the owner locked out of the
 * console. Prints a one-time reset link, or sets the password directly. Reads the same
 * environment as the server and works while it runs (SQLite in WAL mode takes both).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig } from '../config';
import { linkFor, MIN_PASSWORD, RESET_MINUTES } from '../domain/links';
import { newResetToken } from '../domain/passwords';
import { hashPassword } from '../domain/secrets';
import { STORE_RULES } from '../domain/store-rules';
import { openPostgresStore } from '../store/postgres';
import { openSqliteStore } from '../store/sqlite';

const USAGE = `Usage:
  npm run admin -- reset-password EMAIL              prints a one-time link to choose a new password
  npm run admin -- reset-password EMAIL --password NEW   sets the password directly`;

interface Out {
  log(line: string): void;
  error(line: string): void;
}

/** Runs one admin command; resolves with the process exit code. */
export async function runAdmin(argv: string[], env: NodeJS.ProcessEnv, out: Out): Promise<number> {
  const [command, email, ...rest] = argv;
  if (command !== 'reset-password' || !email || email.startsWith('--')) {
    out.error(USAGE);
    return 2;
  }
  let password: string | null = null;
  if (rest.length) {
    if (rest[0] !== '--password' || rest.length !== 2) {
      out.error(USAGE);
      return 2;
    }
    password = rest[1]!;
    if (password.length < MIN_PASSWORD) {
      out.error(`The password must be at least ${MIN_PASSWORD} characters.`);
      return 1;
    }
  }
  let config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      out.error(err.message);
      return 1;
    }
    throw err;
  }
  if (!config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'earshot.sqlite'))) {
    out.error(`There is no Earshot database in ${config.dataDir}. Set DATA_DIR to the directory the server uses.`);
    return 1;
  }
  // No checkpoints from here: the server (if it runs) does them, and this is one small write.
  const store = config.databaseUrl
    ? await openPostgresStore(config.databaseUrl, STORE_RULES, { max: 1 })
    : openSqliteStore(config.dataDir, STORE_RULES, { everyMs: 60_000 });
  try {
    const agent = await store.getAgentByEmail(email);
    if (!agent) {
      out.error(`No agent has the email ${email} (in ${config.dataDir}). Check the address and DATA_DIR.`);
      return 1;
    }
    const note = agent.deactivatedAt
      ? '\nThis account is deactivated: an admin must reactivate it on the Team page before it can sign in.'
      : '';
    if (password) {
      const ended = await store.setAgentPassword(agent.id, await hashPassword(password), null);
      out.log(`Password set for ${agent.email}; ${ended.length} session(s) signed out. Sign in at ${base(config)}/console${note}`);
      return 0;
    }
    const { token } = await newResetToken(store, agent, null);
    out.log(`One-time link for ${agent.email}, valid for ${RESET_MINUTES} minutes:\n${linkFor(base(config), 'reset', token)}${note}`);
    return 0;
  } finally {
    await store.close();
  }
}

const base = (config: { publicUrl: string | null; port: number }) => config.publicUrl ?? `http://localhost:${config.port}`;

// As a URL, so a checkout path with spaces or non-ASCII letters still matches.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runAdmin(process.argv.slice(2), process.env, { log: (l) => console.log(l), error: (l) => console.error(l) });
}
