import { openPostgresStore } from './postgres';
import { openSqliteStore } from './sqlite';
import type { Logger } from '../log';
import type { Store, StoreRules } from './types';

/** Opens the store the configuration names: Postgres for a DATABASE_URL, the SQLite file under DATA_DIR otherwise. */
export function openStore(config: { dataDir: string; databaseUrl: string | null }, rules: StoreRules, log?: Logger): Promise<Store> {
  if (config.databaseUrl) return openPostgresStore(config.databaseUrl, rules, { log });
  return Promise.resolve().then(() => openSqliteStore(config.dataDir, rules));
}
